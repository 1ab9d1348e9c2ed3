import { Text, View } from '@tarojs/components';
import type { LiveBadge } from './live-view';
import './live.scss';

/** The 直播中 / 直播预告 mark on a product card's cover, and the 直播专享价 under its title while live. */
export function LiveCardBadge({ badge }: { badge: LiveBadge }) {
  return (
    <>
      <Text className={`live-card-badge live-card-badge--${badge.tone} live-badge`} data-session-id={badge.sessionId}>
        {badge.tone === 'live' && <Text className="live-dot" />}
        {badge.label}
      </Text>
      {badge.priceText && <Text className="live-card-price live-badge-price">{badge.priceText}</Text>}
    </>
  );
}

/** The product page's live strip: which live features the product (and its live price while live); a tap opens the session. */
export function LiveProductStrip({ badge, onOpen }: { badge: LiveBadge; onOpen(): void }) {
  return (
    <View className={`live-product-strip live-product-strip--${badge.tone} live-badge`} data-session-id={badge.sessionId} onClick={onOpen}>
      <Text className="live-product-strip__label">
        {badge.tone === 'live' && <Text className="live-dot" />}
        {badge.label}
      </Text>
      <Text className="live-product-strip__text">
        {badge.priceText ?? (badge.tone === 'live' ? '本商品正在直播中讲解' : '本商品将在直播中讲解')}
      </Text>
      <Text className="live-product-strip__go">{badge.tone === 'live' ? '去看直播 ›' : '看预告 ›'}</Text>
    </View>
  );
}
