import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { PageContainer } from '@ant-design/pro-components';
import type { BatchShipResult } from '@shared/api/admin-orders';
import { MAX_PAGE_SIZE } from '@shared/api/common';
import { EXPRESS_COMPANIES } from '@shared/api/orders';
import { Alert, Button, Card, Result, Space, Statistic, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { notifyError } from '@/common/feedback';
import { saveFile } from '@/common/save-file';
import { fetchOrders, shipBatch } from './orders-api';
import { shipmentCsvTemplate } from './shipment-csv';

/** The server reads at most this many rows per file (shared/api/admin-orders.ts). */
const MAX_ROWS = 1000;

const csvBlob = (text: string) => new Blob([text], { type: 'text/csv;charset=utf-8' });

export default function BatchShipPage() {
  const navigate = useNavigate();
  const [uploading, setUploading] = useState(false);
  const [preparing, setPreparing] = useState(false);
  const [result, setResult] = useState<{ fileName: string; outcome: BatchShipResult } | null>(null);

  // A template with the order numbers of every order waiting to ship, so only carrier and tracking number are left to fill.
  const downloadPaidOrders = async () => {
    setPreparing(true);
    try {
      const orderNos: string[] = [];
      for (let page = 1; orderNos.length < MAX_ROWS; page += 1) {
        const batch = await fetchOrders({ status: 'paid', page, pageSize: MAX_PAGE_SIZE });
        orderNos.push(...batch.items.map((order) => order.orderNo));
        if (page * MAX_PAGE_SIZE >= batch.total) break;
      }
      saveFile(csvBlob(shipmentCsvTemplate(orderNos.slice(0, MAX_ROWS))), '待发货订单.csv');
    } catch (error) {
      notifyError(error);
    } finally {
      setPreparing(false);
    }
  };

  return (
    <PageContainer title="批量发货" onBack={() => navigate('/orders')}>
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <Card title="1. 准备发货文件" size="small">
          <Typography.Paragraph>
            CSV 文件（UTF-8 编码），第一行为表头 <Typography.Text code>订单号,快递公司,快递单号</Typography.Text>，每行一个订单，最多 {MAX_ROWS} 行。
            快递公司填写名称或编码：{EXPRESS_COMPANIES.map((company) => `${company.name}（${company.code}）`).join('、')}。
          </Typography.Paragraph>
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 12 }}
            message="用 Excel 编辑时，请先把订单号列设为“文本”格式，否则 18 位订单号会被改成科学计数法。"
          />
          <Space wrap>
            <Button icon={<DownloadOutlined />} onClick={() => saveFile(csvBlob(shipmentCsvTemplate()), '批量发货模板.csv')}>
              下载空白模板
            </Button>
            <Button icon={<DownloadOutlined />} loading={preparing} onClick={downloadPaidOrders}>
              下载待发货订单（已填订单号）
            </Button>
          </Space>
        </Card>

        <Card title="2. 上传并发货" size="small" data-testid="batch-ship-upload">
          <Upload.Dragger
            accept=".csv,text/csv"
            multiple={false}
            showUploadList={false}
            disabled={uploading}
            customRequest={({ file }) => {
              const csv = file as File;
              setUploading(true);
              setResult(null);
              shipBatch(csv)
                .then((outcome) => setResult({ fileName: csv.name, outcome }))
                .catch(notifyError)
                .finally(() => setUploading(false));
            }}
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">{uploading ? '正在发货，请稍候…' : '点击或拖入 CSV 文件，上传后立即逐行发货'}</p>
            <p className="ant-upload-hint">已按同一快递单号发过货的订单不会重复发货。</p>
          </Upload.Dragger>
        </Card>

        {result && <BatchShipOutcome fileName={result.fileName} outcome={result.outcome} />}
      </Space>
    </PageContainer>
  );
}

function BatchShipOutcome({ fileName, outcome }: { fileName: string; outcome: BatchShipResult }) {
  const total = outcome.shipped + outcome.unchanged + outcome.failed.length;
  return (
    <Card title={`3. 发货结果：${fileName}`} size="small" data-testid="batch-ship-result">
      {total === 0 ? (
        <Result status="warning" title="文件里没有订单行" subTitle="请在表头下面每行填写一个订单。" />
      ) : (
        <Space direction="vertical" size="middle" style={{ width: '100%' }}>
          <Space size="large">
            <Statistic title="发货成功" value={outcome.shipped} valueStyle={{ color: '#3f8600' }} />
            <Statistic title="已发过货（未变动）" value={outcome.unchanged} />
            <Statistic title="失败" value={outcome.failed.length} valueStyle={outcome.failed.length ? { color: '#cf1322' } : undefined} />
          </Space>
          {outcome.failed.length > 0 && (
            <Table
              rowKey="line"
              size="small"
              pagination={false}
              dataSource={outcome.failed}
              columns={[
                { title: '行号', dataIndex: 'line', width: 80 },
                { title: '订单号', dataIndex: 'orderNo', width: 220, render: (orderNo: string) => orderNo || '—' },
                { title: '原因', dataIndex: 'message' },
              ]}
            />
          )}
        </Space>
      )}
    </Card>
  );
}
