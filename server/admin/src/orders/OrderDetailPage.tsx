import { PageContainer } from '@ant-design/pro-components';
import type { AdminOrderDetail, SubscribeMessageLog } from '@shared/api/admin-orders';
import { LIVE_ATTRIBUTION_LABELS } from '@shared/api/live';
import { ORDER_CANCEL_REASON_LABELS, type OrderLine, type OrderStatus } from '@shared/api/orders';
import { REFUND_KIND_LABELS, SUBSCRIBE_TEMPLATE_LABELS, type PaymentRecord, type RefundRecord } from '@shared/api/payments';
import { formatYuan } from '@shared/money';
import { pricingRows } from '@shared/pricing-rows';
import { Button, Card, Descriptions, Image, Space, Table, Tag, Timeline, Typography, type TableColumnsType } from 'antd';
import { useCallback, useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { AfterSaleCase } from '@/after-sales/AfterSaleCase';
import { DetailLoadFailed } from '@/common/DetailLoadFailed';
import { PageSpinner } from '@/common/PageSpinner';
import { useRemoteData } from '@/common/useRemoteData';
import { formatOptionalTime, formatTime } from '@/common/time';
import { OrderActions } from './OrderActions';
import { fetchOrder } from './orders-api';
import { OrderStatusTag } from './StatusTags';
import { StaffRefundModal } from './StaffRefundModal';
import { useCurrentStaff } from '@/auth/AuthProvider';
import { canRefundOrders } from '@/auth/access';
import type { StaffRole } from '@shared/roles';
import { PrintPickingListButton } from './picking/PickingListButtons';

export default function OrderDetailPage() {
  const { orderNo = '' } = useParams();
  const navigate = useNavigate();
  const fetchThisOrder = useCallback(() => fetchOrder(orderNo), [orderNo]);
  // After a retry or an action the page stays as it is until the order is read again.
  const { state, refresh } = useRemoteData(fetchThisOrder);
  const staffRole = useCurrentStaff().role;
  const [refunding, setRefunding] = useState(false);

  if (state.status === 'loading') return <PageSpinner tip="正在加载订单…" />;
  if (state.status === 'failed') {
    return (
      <DetailLoadFailed
        failure={state}
        subject="订单"
        notFoundText={`没有订单号为 ${orderNo} 的订单`}
        backTo="/orders"
        backText="返回订单列表"
        onRetry={refresh}
      />
    );
  }

  const order = state.data;
  return (
    <PageContainer
      title={`订单 ${order.orderNo}`}
      tags={<OrderStatusTag status={order.status} refundedFen={order.refundedFen} fulfilmentHold={order.fulfilmentHold} />}
      onBack={() => navigate('/orders')}
      extra={[
        <PrintPickingListButton key="print" orderNos={[order.orderNo]} />,
        <OrderActions key="actions" orderNo={order.orderNo} status={order.status} fulfilmentHold={order.fulfilmentHold} onChanged={refresh} />,
        canRefund(order, staffRole) && (
          <Button key="refund" danger onClick={() => setRefunding(true)}>
            退款
          </Button>
        ),
      ]}
    >
      {refunding && <StaffRefundModal orderNo={order.orderNo} lines={order.lines} wholeOnly={order.fulfilmentHold === 'group_buy'} onClose={() => setRefunding(false)} onChanged={refresh} />}
      <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid="order-detail">
        <Card title="订单信息" size="small">
          <Descriptions column={{ xs: 1, md: 2, xl: 3 }} size="small">
            <Descriptions.Item label="订单号">
              <Typography.Text copyable>{order.orderNo}</Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label="状态">
              <OrderStatusTag status={order.status} refundedFen={order.refundedFen} fulfilmentHold={order.fulfilmentHold} />
            </Descriptions.Item>
            <Descriptions.Item label="会员">
              {order.memberNickname ?? '未设置昵称'}（ID {order.memberId}）
            </Descriptions.Item>
            <Descriptions.Item label="下单时间">{formatTime(order.createdAt)}</Descriptions.Item>
            <Descriptions.Item label="支付时间">{formatOptionalTime(order.paidAt)}</Descriptions.Item>
            {order.status === 'pending_payment' && (
              <Descriptions.Item label="支付截止">{formatOptionalTime(order.payDeadlineAt)}</Descriptions.Item>
            )}
            {order.shipReminder && (
              <Descriptions.Item label="提醒发货">
                {order.status === 'paid' ? <Tag color="red">买家已提醒发货</Tag> : '买家曾提醒发货'}
                {formatTime(order.shipReminder.remindedAt)}
              </Descriptions.Item>
            )}
            <Descriptions.Item label="发货时间">{formatOptionalTime(order.shippedAt)}</Descriptions.Item>
            {order.autoConfirmAt && <Descriptions.Item label="自动确认收货">{formatTime(order.autoConfirmAt)}</Descriptions.Item>}
            <Descriptions.Item label="完成时间">{formatOptionalTime(order.completedAt)}</Descriptions.Item>
            {order.cancelledAt && (
              <Descriptions.Item label="取消">
                {formatTime(order.cancelledAt)}
                {order.cancelReason && `（${ORDER_CANCEL_REASON_LABELS[order.cancelReason]}）`}
              </Descriptions.Item>
            )}
            <Descriptions.Item label="买家备注" span={3}>
              {order.remark || '无'}
            </Descriptions.Item>
          </Descriptions>
        </Card>

        <Card title="商品" size="small">
          <Table<OrderLine> rowKey="skuId" size="small" pagination={false} columns={LINE_COLUMNS} dataSource={order.lines} />
          <PricingBreakdown order={order} />
        </Card>

        <Card title="收货与来源" size="small">
          <Descriptions column={{ xs: 1, md: 2 }} size="small">
            <Descriptions.Item label="收货人">{order.address.recipientName}</Descriptions.Item>
            {/* As the server returns it: full for roles that may see it, masked otherwise. */}
            <Descriptions.Item label="手机号">{order.address.phone}</Descriptions.Item>
            <Descriptions.Item label="收货地址" span={2}>
              {order.address.provinceName} {order.address.cityName} {order.address.districtName} {order.address.detail}
            </Descriptions.Item>
            <Descriptions.Item label="渠道">{order.source.channelCode ?? '—'}</Descriptions.Item>
            {/* The sharer of the share link the order came through, resolved by the server (never the client's word). */}
            <Descriptions.Item label="分享人">
              {order.source.sharerMemberId !== null ? (
                <Typography.Link onClick={() => navigate(`/members/${order.source.sharerMemberId}`)}>会员 #{order.source.sharerMemberId}</Typography.Link>
              ) : (
                '—'
              )}
            </Descriptions.Item>
            <Descriptions.Item label="分享链接">{order.source.referrerCode ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="直播间">{order.source.liveRoomId ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="直播归因">
              {order.source.liveSessionId !== null && order.source.liveAttribution !== null
                ? `直播 #${order.source.liveSessionId} · ${LIVE_ATTRIBUTION_LABELS[order.source.liveAttribution]}`
                : '—'}
            </Descriptions.Item>
            <Descriptions.Item label="拼团">{order.source.groupBuyTeamId ?? '—'}</Descriptions.Item>
          </Descriptions>
        </Card>

        <Card title="物流" size="small">
          {order.shipment ? (
            <Descriptions column={{ xs: 1, md: 2 }} size="small">
              <Descriptions.Item label="快递公司">{order.shipment.carrierName}</Descriptions.Item>
              <Descriptions.Item label="快递单号">
                <Typography.Text copyable data-testid="tracking-no">
                  {order.shipment.trackingNo}
                </Typography.Text>
              </Descriptions.Item>
              <Descriptions.Item label="发货时间">{formatTime(order.shipment.shippedAt)}</Descriptions.Item>
              <Descriptions.Item label="微信发货信息">
                <ShippingReport report={order.wechatShippingReport} />
              </Descriptions.Item>
            </Descriptions>
          ) : (
            <Typography.Text type="secondary">尚未发货</Typography.Text>
          )}
        </Card>

        <Card title="支付记录" size="small">
          <Table<PaymentRecord> rowKey="transactionId" size="small" pagination={false} columns={PAYMENT_COLUMNS} dataSource={order.payments} locale={{ emptyText: '暂无支付记录' }} />
        </Card>

        <Card title="退款记录" size="small">
          <Table<RefundRecord> rowKey="outRefundNo" size="small" pagination={false} columns={REFUND_COLUMNS} dataSource={order.refunds} locale={{ emptyText: '暂无退款' }} />
        </Card>

        {order.afterSale && (
          <Card title="售后" size="small">
            <AfterSaleCase afterSale={order.afterSale} onChanged={refresh} onStale={refresh} />
          </Card>
        )}

        <Card title="订单时间线" size="small">
          <Timeline
            items={order.timeline.map((entry) => ({
              key: `${entry.event}-${entry.at}`,
              children: (
                <Space direction="vertical" size={0}>
                  {entry.text}
                  <Typography.Text type="secondary">{formatTime(entry.at)}</Typography.Text>
                </Space>
              ),
            }))}
          />
        </Card>

        <Card title="订阅消息" size="small">
          <Table<SubscribeMessageLog>
            rowKey={(log) => `${log.kind}-${log.at}`}
            size="small"
            pagination={false}
            columns={SUBSCRIBE_COLUMNS}
            dataSource={order.subscribeMessages}
            locale={{ emptyText: '暂无发送记录' }}
          />
        </Card>
      </Space>
    </PageContainer>
  );
}

const LINE_COLUMNS: TableColumnsType<OrderLine> = [
  {
    title: '商品',
    dataIndex: 'title',
    render: (_, line) => (
      <Space>
        <Image src={line.imageUrl} width={48} height={48} style={{ objectFit: 'cover' }} />
        <Space direction="vertical" size={0}>
          {line.title}
          <Typography.Text type="secondary">{line.specValues.join(' / ') || '默认规格'}</Typography.Text>
        </Space>
      </Space>
    ),
  },
  { title: '单价', dataIndex: 'unitPriceFen', align: 'right', render: (fen: number) => formatYuan(fen) },
  { title: '数量', dataIndex: 'quantity', align: 'right' },
  { title: '已退款', dataIndex: 'refundedQuantity', align: 'right', render: (units?: number) => (units ? <Tag color="magenta">{units} 件</Tag> : '—') },
  { title: '小计', dataIndex: 'lineTotalFen', align: 'right', render: (fen: number) => formatYuan(fen) },
];

/** Every step from the list total to the payable amount, in the order they apply; discounts only when there are any. */
function PricingBreakdown({ order }: { order: AdminOrderDetail }) {
  return (
    <Descriptions column={1} size="small" style={{ marginTop: 16, maxWidth: 420, marginLeft: 'auto' }} styles={{ label: { width: 180 } }}>
      {pricingRows(order.pricing, { adjustments: order.adjustments, paid: order.paidAt !== null, refundedFen: order.refundedFen }).map((row) => (
        <Descriptions.Item key={row.key} label={row.label}>
          {row.kind === 'payable' ? (
            <Typography.Text strong type="danger">
              {row.amountText}
            </Typography.Text>
          ) : (
            row.amountText
          )}
        </Descriptions.Item>
      ))}
    </Descriptions>
  );
}

function ShippingReport({ report }: { report: AdminOrderDetail['wechatShippingReport'] }) {
  if (!report) return <Tag>未上报</Tag>;
  if (report.status === 'reported') return <Tag color="green">已上报（{formatTime(report.at)}）</Tag>;
  return (
    <Space direction="vertical" size={0}>
      <Tag color="red">上报失败（{formatTime(report.at)}）</Tag>
      {report.message && <Typography.Text type="danger">{report.message}</Typography.Text>}
    </Space>
  );
}

const PAYMENT_OUTCOMES: Record<PaymentRecord['outcome'], { color: string; text: string }> = {
  matched: { color: 'green', text: '金额一致' },
  amount_mismatch: { color: 'warning', text: '金额不符，未确认支付' },
  refunded_late: { color: 'orange', text: '订单已取消，已自动退款' },
};

const PAYMENT_COLUMNS: TableColumnsType<PaymentRecord> = [
  { title: '微信支付单号', dataIndex: 'transactionId', render: (id: string) => <Typography.Text copyable>{id}</Typography.Text> },
  { title: '金额', dataIndex: 'amountFen', align: 'right', render: (fen: number) => formatYuan(fen) },
  { title: '支付时间', dataIndex: 'successAt', render: (at: string) => formatTime(at) },
  {
    title: '核对结果',
    dataIndex: 'outcome',
    render: (outcome: PaymentRecord['outcome']) => <Tag color={PAYMENT_OUTCOMES[outcome].color}>{PAYMENT_OUTCOMES[outcome].text}</Tag>,
  },
];

const REFUND_STATUSES: Record<RefundRecord['status'], { color: string; text: string }> = {
  processing: { color: 'processing', text: '退款中' },
  succeeded: { color: 'green', text: '已退款' },
  failed: { color: 'red', text: '退款失败' },
};

/** 商家退款 is offered while something is left to refund and no after-sale case is open (the server checks the same). */
const STAFF_REFUNDABLE: OrderStatus[] = ['paid', 'shipped', 'completed'];

function canRefund(order: AdminOrderDetail, role: StaffRole): boolean {
  return canRefundOrders(role) && STAFF_REFUNDABLE.includes(order.status) && order.refundedFen < order.payableFen;
}

const REFUND_COLUMNS: TableColumnsType<RefundRecord> = [
  { title: '退款单号', dataIndex: 'outRefundNo' },
  { title: '类型', dataIndex: 'kind', render: (kind: RefundRecord['kind']) => <Tag>{REFUND_KIND_LABELS[kind]}</Tag> },
  { title: '金额', dataIndex: 'amountFen', align: 'right', render: (fen: number) => formatYuan(fen) },
  {
    title: '退款商品',
    dataIndex: 'lines',
    render: (_, refund) =>
      refund.lines.length === 0
        ? '整单'
        : [
            ...refund.lines.map((line) => `${line.title} × ${line.quantity}（${formatYuan(line.amountFen)}）`),
            ...(refund.shippingFen > 0 ? [`运费 ${formatYuan(refund.shippingFen)}`] : []),
          ].join('；'),
  },
  { title: '原因', dataIndex: 'reason' },
  { title: '发起人', dataIndex: 'staff', render: (staff: RefundRecord['staff']) => <span style={{ whiteSpace: 'nowrap' }}>{staff?.displayName ?? '—'}</span> },
  {
    title: '状态',
    dataIndex: 'status',
    render: (status: RefundRecord['status']) => <Tag color={REFUND_STATUSES[status].color}>{REFUND_STATUSES[status].text}</Tag>,
  },
  { title: '发起时间', dataIndex: 'createdAt', render: (at: string) => formatTime(at) },
  { title: '到账时间', dataIndex: 'succeededAt', render: (at: string | null) => formatOptionalTime(at) },
];

const SUBSCRIBE_RESULTS: Record<SubscribeMessageLog['result'], { color: string; text: string }> = {
  sent: { color: 'green', text: '已发送' },
  no_quota: { color: 'default', text: '买家未订阅，未发送' },
  failed: { color: 'red', text: '发送失败' },
};

const SUBSCRIBE_COLUMNS: TableColumnsType<SubscribeMessageLog> = [
  { title: '消息', dataIndex: 'kind', render: (kind: SubscribeMessageLog['kind']) => SUBSCRIBE_TEMPLATE_LABELS[kind] },
  { title: '模板 ID', dataIndex: 'templateId' },
  {
    title: '结果',
    dataIndex: 'result',
    render: (_, log) => (
      <Tag color={SUBSCRIBE_RESULTS[log.result].color}>
        {SUBSCRIBE_RESULTS[log.result].text}
        {log.errcode !== null && `（errcode ${log.errcode}）`}
      </Tag>
    ),
  },
  { title: '时间', dataIndex: 'at', render: (at: string) => formatTime(at) },
];
