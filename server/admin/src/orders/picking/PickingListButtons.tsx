import { DownloadOutlined, PrinterOutlined } from '@ant-design/icons';
import { Button, Tooltip } from 'antd';
import dayjs from 'dayjs';
import { useNavigate } from 'react-router-dom';
import { canShipOrders } from '@/auth/access';
import { useCurrentStaff } from '@/auth/AuthProvider';
import { useFileExport } from '@/common/useFileExport';
import { exportOrdersToShip } from './picking-api';
import { pickingListPath, pickingSelectionProblem } from './picking-list';

/** 打印配货单 for the chosen orders (the order list's selection, or one order on its detail page); shipping roles only. */
export function PrintPickingListButton({ orderNos, size }: { orderNos: string[]; size?: 'small' | 'middle' }) {
  const staff = useCurrentStaff();
  const navigate = useNavigate();
  if (!canShipOrders(staff.role)) return null;
  const problem = pickingSelectionProblem(orderNos.length);
  return (
    <Tooltip title={problem}>
      <Button size={size} icon={<PrinterOutlined />} disabled={problem !== null} onClick={() => navigate(pickingListPath(orderNos))}>
        打印配货单{orderNos.length > 1 ? `（${orderNos.length} 单）` : ''}
      </Button>
    </Tooltip>
  );
}

/** 导出待发货: every paid order with what a label needs, in a file 批量发货 takes back once filled in. */
export function ExportToShipButton() {
  const staff = useCurrentStaff();
  const { exporting, exportFile } = useFileExport(exportOrdersToShip, () => `待发货订单-${dayjs().format('YYYYMMDD')}.csv`, '待发货订单已导出');
  if (!canShipOrders(staff.role)) return null;
  return (
    <Tooltip title="含收货人、完整电话与地址、SKU 编码与数量、买家备注；填好快递公司和快递单号后可直接上传批量发货">
      <Button icon={<DownloadOutlined />} loading={exporting} onClick={exportFile}>
        导出待发货
      </Button>
    </Tooltip>
  );
}
