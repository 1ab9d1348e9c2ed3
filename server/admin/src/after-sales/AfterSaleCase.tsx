import { AFTER_SALE_TYPE_LABELS, afterSaleItemsText, type AfterSale } from '@shared/api/after-sales';
import { formatYuan } from '@shared/money';
import { Descriptions, Image, Space, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { formatOptionalTime, formatTime } from '@/common/time';
import { AfterSaleStatusTag } from '@/orders/StatusTags';
import { AfterSaleActions } from './AfterSaleActions';

/** One after-sale case with the shopper's photos and the actions staff may take; on its page and in the order detail. */
export function AfterSaleCase({
  afterSale,
  onChanged,
  onStale,
  showOrderLink = false,
}: {
  afterSale: AfterSale;
  onChanged: (afterSale: AfterSale) => void;
  /** Someone else changed the case first (409): re-read it. */
  onStale: () => void;
  showOrderLink?: boolean;
}) {
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid={`after-sale-${afterSale.id}`}>
      <Descriptions column={2} size="small" bordered>
        <Descriptions.Item label="售后单号">{afterSale.id}</Descriptions.Item>
        <Descriptions.Item label="状态">
          <AfterSaleStatusTag status={afterSale.status} />
        </Descriptions.Item>
        {showOrderLink && (
          <Descriptions.Item label="订单号" span={2}>
            <Link to={`/orders/${afterSale.orderNo}`}>{afterSale.orderNo}</Link>
          </Descriptions.Item>
        )}
        <Descriptions.Item label="类型">{AFTER_SALE_TYPE_LABELS[afterSale.type]}</Descriptions.Item>
        <Descriptions.Item label="退款金额">{formatYuan(afterSale.refundFen)}</Descriptions.Item>
        <Descriptions.Item label="退款商品" span={2}>
          <span data-testid="after-sale-items">{afterSale.items ? afterSaleItemsText(afterSale.items) : '整单（申请时尚未退款的全部商品）'}</span>
        </Descriptions.Item>
        <Descriptions.Item label="原因" span={2}>
          {afterSale.reason}
        </Descriptions.Item>
        <Descriptions.Item label="说明" span={2}>
          {afterSale.description || '—'}
        </Descriptions.Item>
        {afterSale.rejectReason && (
          <Descriptions.Item label="拒绝原因" span={2}>
            {afterSale.rejectReason}
          </Descriptions.Item>
        )}
        <Descriptions.Item label="申请时间">{formatTime(afterSale.createdAt)}</Descriptions.Item>
        <Descriptions.Item label="处理时间">{formatOptionalTime(afterSale.handledAt)}</Descriptions.Item>
        {afterSale.type === 'return_refund' && returnItems(afterSale)}
        <Descriptions.Item label="退款时间" span={2}>
          {formatOptionalTime(afterSale.refundedAt)}
        </Descriptions.Item>
      </Descriptions>
      <div>
        <Typography.Text type="secondary">买家上传的图片</Typography.Text>
        <div style={{ marginTop: 8 }}>
          {afterSale.images.length === 0 ? (
            <Typography.Text type="secondary">（未上传）</Typography.Text>
          ) : (
            <Image.PreviewGroup>
              <Space wrap>
                {afterSale.images.map((url, index) => (
                  <Image key={url} src={url} width={96} height={96} style={{ objectFit: 'cover' }} alt={`售后图片 ${index + 1}`} />
                ))}
              </Space>
            </Image.PreviewGroup>
          )}
        </div>
      </div>
      <AfterSaleActions afterSale={afterSale} onChanged={onChanged} onStale={onStale} />
    </Space>
  );
}

/**
 * 退货退款: where the goods go back, the shopper's parcel, and when staff confirmed it arrived. Plain items rather
 * than a component, because Descriptions reads its items' props directly.
 */
function returnItems(afterSale: AfterSale) {
  const parcel = afterSale.returnShipment;
  return [
    <Descriptions.Item key="address" label="退货地址" span={2}>
      {afterSale.returnAddress
        ? `${afterSale.returnAddress.recipientName} ${afterSale.returnAddress.phone} ${afterSale.returnAddress.address}`
        : '同意后发给买家'}
    </Descriptions.Item>,
    <Descriptions.Item key="parcel" label="退货物流" span={2}>
      {parcel ? (
        <Space wrap data-testid="return-shipment">
          {parcel.carrierName}
          <Typography.Text copyable>{parcel.trackingNo}</Typography.Text>
          <Typography.Text type="secondary">买家填写于 {formatTime(parcel.shippedAt)}</Typography.Text>
        </Space>
      ) : (
        <Typography.Text type="secondary">{afterSale.status === 'applied' ? '—' : '买家尚未填写退货单号'}</Typography.Text>
      )}
    </Descriptions.Item>,
    <Descriptions.Item key="received" label="收到退货" span={2}>
      {formatOptionalTime(afterSale.returnReceivedAt)}
    </Descriptions.Item>,
  ];
}
