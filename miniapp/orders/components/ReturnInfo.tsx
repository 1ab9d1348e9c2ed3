import { Text, View } from '@tarojs/components';
import type { AfterSale } from '@shared/api/after-sales';
import { formatDateTime } from '@/format/date-time';
import { CopyRow } from './CopyRow';
import './return-info.scss';

/**
 * 退货退款 once approved: where to send the goods (with 复制), and the parcel the shopper entered, or what is
 * still to do. Shown on the order detail and on the after-sale page.
 */
export function ReturnInfo({ afterSale }: { afterSale: AfterSale }) {
  const address = afterSale.returnAddress;
  if (afterSale.type !== 'return_refund' || !address) return null;
  const parcel = afterSale.returnShipment;
  const addressText = `${address.recipientName} ${address.phone} ${address.address}`;
  return (
    <View className="return-info">
      <CopyRow text={addressText} className="return-info__address">
        <Text className="return-info__label">退货地址</Text>
        <Text className="return-info__receiver">
          {address.recipientName} {address.phone}
        </Text>
        <Text className="return-info__text">{address.address}</Text>
      </CopyRow>
      <View className="return-info__parcel">
        <Text className="return-info__label">退货物流</Text>
        {parcel ? (
          <>
            <Text className="return-info__text return-tracking-no">
              {parcel.carrierName} {parcel.trackingNo}
            </Text>
            <Text className="return-info__muted">填写于 {formatDateTime(parcel.shippedAt)}</Text>
          </>
        ) : (
          <Text className="return-info__muted">请寄回商品后填写快递单号，商家收到退货后原路退款</Text>
        )}
        {afterSale.returnReceivedAt && (
          <Text className="return-info__received">商家已于 {formatDateTime(afterSale.returnReceivedAt)} 收到退货</Text>
        )}
      </View>
    </View>
  );
}
