import { Image, Text, View } from '@tarojs/components';
import type { OrderLine } from '@shared/api/orders';
import { assetUrl } from '@/services/api-origin';
import { PriceText } from '@/components/price-text/PriceText';
import './order-lines.scss';

/** The lines of an order as they were bought (title, spec, image and price are the order's snapshot). */
export function OrderLines({ lines }: { lines: OrderLine[] }) {
  return (
    <View className="order-lines">
      {lines.map((line) => (
        <View key={line.skuId} className="order-line">
          <Image className="order-line__image" src={assetUrl(line.imageUrl)} mode="aspectFill" />
          <View className="order-line__body">
            <Text className="order-line__title">{line.title}</Text>
            <Text className="order-line__spec">{line.specValues.join(' / ')}</Text>
          </View>
          <View className="order-line__numbers">
            <PriceText fen={line.unitPriceFen} />
            <Text className="order-line__quantity">×{line.quantity}</Text>
            {!!line.refundedQuantity && <Text className="order-line__refunded">已退 {line.refundedQuantity} 件</Text>}
          </View>
        </View>
      ))}
    </View>
  );
}
