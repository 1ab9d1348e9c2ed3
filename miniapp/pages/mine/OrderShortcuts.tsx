import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Refund, ToPay, ToReceive, Transit } from '@nutui/icons-react-taro';
import { ORDER_BADGE_TABS, ORDER_TAB_LABELS, type OrderBadgeTab, type OrderCounts } from '@shared/api/orders';
import { orderListUrl } from '@/routes';
import { cartBadgeText as countBadgeText } from '@/store/cart-badge-text';

const ICONS: Record<OrderBadgeTab, typeof ToPay> = {
  pending_payment: ToPay,
  paid: Transit,
  shipped: ToReceive,
  after_sale: Refund,
};

/** 我的订单: 全部订单 and the four status shortcuts with their counts (counts null: not loaded, no badges). */
export function OrderShortcuts({ counts }: { counts: OrderCounts | null }) {
  return (
    <View className="mine-page__orders">
      <View className="mine-page__orders-head">
        <Text className="mine-page__orders-title">我的订单</Text>
        <Text className="all-orders-entry" onClick={() => Taro.navigateTo({ url: orderListUrl('all') })}>
          全部订单 ›
        </Text>
      </View>
      <View className="mine-page__order-shortcuts">
        {ORDER_BADGE_TABS.map((tab) => {
          const Icon = ICONS[tab];
          const badge = counts ? countBadgeText(counts[tab]) : null;
          return (
            <View
              key={tab}
              className={`order-shortcut order-shortcut--${tab}`}
              onClick={() => Taro.navigateTo({ url: orderListUrl(tab) })}
            >
              <View className="order-shortcut__icon">
                <Icon size={24} color="#333" />
                {badge && <Text className="order-shortcut__badge">{badge}</Text>}
              </View>
              <Text className="order-shortcut__label">{ORDER_TAB_LABELS[tab]}</Text>
            </View>
          );
        })}
      </View>
    </View>
  );
}
