import { ScrollView, Text, View } from '@tarojs/components';
import { Button, Popup } from '@nutui/nutui-react-taro';
import { COUPON_UNUSABLE_REASON_LABELS, type CouponOption } from '@shared/api/coupons';
import { formatYuan } from '@shared/money';
import { formatDate } from '@/format/date-time';

interface CouponPickerProps {
  visible: boolean;
  coupons: CouponOption[];
  selectedId: number | null;
  /** A coupon id, or null for 不使用优惠券. */
  onPick: (memberCouponId: number | null) => void;
  onClose: () => void;
}

/** 选择优惠券: the usable coupons (best first) to pick from, then the others greyed out with the reason. */
export function CouponPicker({ visible, coupons, selectedId, onPick, onClose }: CouponPickerProps) {
  const usable = coupons.filter((coupon) => coupon.usable);
  const unusable = coupons.filter((coupon) => !coupon.usable);
  return (
    <Popup className="coupon-picker" visible={visible} position="bottom" round closeable title="选择优惠券" onClose={onClose}>
      <ScrollView className="coupon-picker__list" scrollY>
        {coupons.length === 0 && <View className="coupon-picker__empty">暂无优惠券</View>}
        {usable.map((coupon) => (
          <CouponRow key={coupon.memberCouponId} coupon={coupon} selected={coupon.memberCouponId === selectedId} onClick={() => onPick(coupon.memberCouponId)} />
        ))}
        {unusable.length > 0 && <View className="coupon-picker__divider">不可用优惠券（{unusable.length}）</View>}
        {unusable.map((coupon) => (
          <CouponRow key={coupon.memberCouponId} coupon={coupon} selected={false} />
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

function CouponRow({ coupon, selected, onClick }: { coupon: CouponOption; selected: boolean; onClick?: () => void }) {
  return (
    <View
      className={`coupon-option${coupon.usable ? '' : ' coupon-option--unusable'}${selected ? ' coupon-option--selected' : ''}`}
      onClick={onClick}
    >
      <View className="coupon-option__body">
        <Text className="coupon-option__name">{coupon.name}</Text>
        <Text className="coupon-option__rule">{coupon.ruleText}</Text>
        <Text className="coupon-option__validity">有效期至 {formatDate(coupon.validTo)}</Text>
        {coupon.reason && <Text className="coupon-option__reason">{COUPON_UNUSABLE_REASON_LABELS[coupon.reason]}</Text>}
      </View>
      {coupon.usable && (
        <View className="coupon-option__saving">
          <Text>省 {formatYuan(coupon.discountFen)}</Text>
          <View className={`coupon-option__radio${selected ? ' coupon-option__radio--on' : ''}`} />
        </View>
      )}
    </View>
  );
}
