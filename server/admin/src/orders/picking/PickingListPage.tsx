import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { ORDER_STATUS_LABELS } from '@shared/api/orders';
import { Alert, Button, Result, Space, Typography } from 'antd';
import { useCallback, useMemo } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';
import { DetailLoadFailed } from '@/common/DetailLoadFailed';
import { PageSpinner } from '@/common/PageSpinner';
import { formatTime } from '@/common/time';
import { useRemoteData } from '@/common/useRemoteData';
import { fetchPickingList } from './picking-api';
import { orderNosFromQuery, pickingTotals } from './picking-list';
import './picking-list.css';

/**
 * 配货单 / 发货单 for the orders in the URL (?orderNos=A,B): per order the receiver with full phone and
 * address (for the warehouse while the order is to ship), the remark and the lines with SKU codes and
 * quantities; 打印 prints one order per page, without the buttons.
 */
export default function PickingListPage() {
  const navigate = useNavigate();
  const location = useLocation();
  const orderNos = useMemo(() => orderNosFromQuery(location.search), [location.search]);
  const load = useCallback(() => fetchPickingList(orderNos), [orderNos]);
  const { state, reload } = useRemoteData(load);
  const back = () => (window.history.length > 1 ? navigate(-1) : navigate('/orders'));

  if (orderNos.length === 0) {
    return (
      <Result
        status="info"
        title="没有要打印的订单"
        subTitle="请在订单管理中勾选订单后点击「打印配货单」。"
        extra={<Button onClick={() => navigate('/orders')}>返回订单管理</Button>}
      />
    );
  }
  if (state.status === 'loading') return <PageSpinner tip="正在生成配货单…" />;
  if (state.status === 'failed') {
    return <DetailLoadFailed failure={state} subject="订单" notFoundText={state.message} backTo="/orders" backText="返回订单管理" onRetry={reload} />;
  }

  const orders = state.data;
  const totals = pickingTotals(orders);
  const notToShip = orders.filter((order) => order.status !== 'paid');
  return (
    <div className="picking-page" data-testid="picking-list">
      <div className="picking-toolbar">
        <Button icon={<ArrowLeftOutlined />} onClick={back}>
          返回
        </Button>
        <Typography.Title level={4} style={{ margin: 0 }}>
          配货单 / 发货单（{orders.length} 单）
        </Typography.Title>
        <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()}>
          打印
        </Button>
      </div>
      {notToShip.length > 0 && (
        <Alert
          className="picking-screen-only"
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          message={`${notToShip.map((order) => order.orderNo).join('、')} 不是待发货订单，请确认是否需要打印`}
        />
      )}
      {orders.length > 1 && (
        <div className="picking-order picking-summary">
          <h2>拣货汇总</h2>
          <PickingTable rows={totals.map((total) => ({ ...total, key: `${total.skuCode}|${total.title}|${total.specText}` }))} />
        </div>
      )}
      {orders.map((order) => (
        <section key={order.orderNo} className="picking-order" data-testid="picking-order">
          <h2>发货单 {order.orderNo}</h2>
          <dl>
            <dt>收货人</dt>
            <dd className="picking-receiver">
              <Space size="large">
                <span>{order.receiverName}</span>
                <span>{order.receiverPhone}</span>
              </Space>
            </dd>
            <dt>收货地址</dt>
            <dd className="picking-receiver">{order.receiverAddress}</dd>
            <dt>订单状态</dt>
            <dd>{ORDER_STATUS_LABELS[order.status]}</dd>
            <dt>付款时间</dt>
            <dd>{order.paidAt ? formatTime(order.paidAt) : '未付款'}</dd>
            {order.shipment && (
              <>
                <dt>快递</dt>
                <dd>
                  {order.shipment.carrierName} {order.shipment.trackingNo}
                </dd>
              </>
            )}
          </dl>
          <PickingTable
            rows={order.lines.map((line, index) => ({ ...line, key: String(index), specText: line.specValues.join(' / ') }))}
            total={order.itemCount}
          />
          <div className="picking-remark">买家备注：{order.remark || '无'}</div>
        </section>
      ))}
    </div>
  );
}

/** SKU code, product, spec and quantity per row; with `total`, a 合计 row under them. */
function PickingTable({ rows, total }: { rows: { key: string; skuCode: string; title: string; specText: string; quantity: number }[]; total?: number }) {
  return (
    <table className="picking-table">
      <thead>
        <tr>
          <th>SKU 编码</th>
          <th>商品</th>
          <th>规格</th>
          <th className="picking-quantity">数量</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key}>
            <td>{row.skuCode || '—'}</td>
            <td>{row.title}</td>
            <td>{row.specText || '—'}</td>
            <td className="picking-quantity">{row.quantity}</td>
          </tr>
        ))}
        {total !== undefined && (
          <tr>
            <td colSpan={3}>合计</td>
            <td className="picking-quantity">{total}</td>
          </tr>
        )}
      </tbody>
    </table>
  );
}
