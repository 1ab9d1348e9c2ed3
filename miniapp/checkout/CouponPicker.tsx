import { ScrollView, View } from '@tarojs/components';
import { Button, Popup } from '@nutui/nutui-react-taro';
import { COUPON_UNUSABLE_REASON_LABELS, type CouponOption } from '@shared/api/coupons';
import { CouponCard } from '@/components/coupon/CouponCard';
import { amountFace, couponCap, couponCondition, couponFace, couponTypeBadge } from '@/components/coupon/coupon-text';
import { monthDay } from '@/format/date-time';
import './coupon-picker.scss';

interface CouponPickerProps {
  visible: boolean;
  coupons: CouponOption[];
  selectedId: number | null;
  /** A coupon id, or null for 不使用优惠券. */
  onPick: (memberCouponId: number | null) => void;
  onClose: () => void;
}

/** 选择优惠券: the usable coupons (best first, each showing what it saves here), then the others greyed out with the reason. */
export function CouponPicker({ visible, coupons, selectedId, onPick, onClose }: CouponPickerProps) {
  const now = new Date();
  const usable = coupons.filter((coupon) => coupon.usable);
  const unusable = coupons.filter((coupon) => !coupon.usable);
  const card = (coupon: CouponOption) => ({
    condition: couponCondition(coupon),
    name: coupon.name,
    badge: couponTypeBadge(coupon.type),
    details: [couponCap(coupon)].filter((line): line is string => line !== null),
    validity: `有效期至${monthDay(coupon.validTo, now)}`,
  });
  return (
    <Popup className="coupon-picker" visible={visible} position="bottom" round closeable title="选择优惠券" onClose={onClose}>
      <ScrollView className="coupon-picker__list" scrollY>
        {coupons.length === 0 && <View className="coupon-picker__empty">暂无优惠券</View>}
        {usable.map((coupon) => {
          const selected = coupon.memberCouponId === selectedId;
          return (
            <CouponCard
              key={coupon.memberCouponId}
              className="coupon-option"
              {...card(coupon)}
              face={amountFace(coupon.discountFen)}
              selected={selected}
              action={<View className={`coupon-picker__radio${selected ? ' coupon-picker__radio--on' : ''}`} />}
              onClick={() => onPick(coupon.memberCouponId)}
            />
          );
        })}
        {unusable.length > 0 && <View className="coupon-picker__divider">不可用优惠券（{unusable.length}）</View>}
        {unusable.map((coupon) => (
          <CouponCard
            key={coupon.memberCouponId}
            className="coupon-option coupon-option--unusable"
            {...card(coupon)}
            face={couponFace(coupon)}
            muted
            note={coupon.reason ? COUPON_UNUSABLE_REASON_LABELS[coupon.reason] : undefined}
          />
        ))}
      </ScrollView>
      <View className="coupon-picker__footer">
        <Button block className="coupon-picker__none" onClick={() => onPick(null)}>
          不使用优惠券
        </Button>
      </View>
    </Popup>
  );
}
