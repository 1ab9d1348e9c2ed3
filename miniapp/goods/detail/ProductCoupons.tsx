import { useCallback, useState } from 'react';
import { ScrollView, Text, View } from '@tarojs/components';
import { Popup } from '@nutui/nutui-react-taro';
import { fetchProductCoupons } from '@/services/coupons';
import { ClaimableCouponCard } from '@/components/coupon/ClaimableCouponCard';
import { groupForProduct } from '@/components/coupon/coupon-claim';
import { useClaimableCoupons } from '@/components/coupon/useClaimableCoupons';

/** How many rule chips the 领券 row shows before the popup lists them all. */
const ROW_CHIPS = 3;

/** The 领券 row of a product page and its popup of the coupons that cover this product. */
export function ProductCoupons({ productId }: { productId: number }) {
  const [open, setOpen] = useState(false);
  const fetchCoupons = useCallback(() => fetchProductCoupons(productId), [productId]);
  const { state, claim, claimingId } = useClaimableCoupons(fetchCoupons);

  // The row is an extra: while loading, on failure, or without coupons for this product it stays away.
  if (state.status !== 'ready') return null;
  const groups = groupForProduct(state.data);
  const chips = [...groups.claimable, ...groups.claimed].slice(0, ROW_CHIPS);
  if (chips.length === 0) return null;

  return (
    <>
      <View className="product-coupons-row coupon-entry" onClick={() => setOpen(true)}>
        <Text className="product-coupons-row__label">领券</Text>
        <View className="product-coupons-row__chips">
          {chips.map((item) => (
            <Text key={item.templateId} className="product-coupons-row__chip">
              {item.ruleText}
            </Text>
          ))}
        </View>
        <Text className="product-coupons-row__more">领取 ›</Text>
      </View>

      <Popup className="coupon-popup" visible={open} position="bottom" round closeable title="优惠券" onClose={() => setOpen(false)}>
        <ScrollView className="coupon-popup__list" scrollY>
          {groups.claimable.length > 0 && <Text className="coupon-popup__section">可领优惠券</Text>}
          {groups.claimable.map((item) => (
            <ClaimableCouponCard key={item.templateId} item={item} claiming={claimingId === item.templateId} onClaim={claim} />
          ))}
          {groups.claimed.length > 0 && <Text className="coupon-popup__section">已领优惠券</Text>}
          {groups.claimed.map((item) => (
            <ClaimableCouponCard key={item.templateId} item={item} claiming={false} onClaim={claim} />
          ))}
        </ScrollView>
      </Popup>
    </>
  );
}
