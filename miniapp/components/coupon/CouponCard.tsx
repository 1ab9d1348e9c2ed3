import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import type { CouponFace } from './coupon-text';
import './coupon-card.scss';

export interface CouponCardProps {
  /** The big figure on the left: couponFace(terms) for a template or held coupon, amountFace(fen) for a worked-out discount. */
  face: CouponFace;
  /** Under the figure: 满200可用 / 无门槛 (couponCondition). */
  condition: string;
  name: string;
  /** A small tag before the name: 满减 / 折扣 / 新人 (couponTypeBadge). */
  badge?: string;
  /** Smaller lines under the name, e.g. the scope (全部商品可用) and a cap (最多减50). */
  details?: string[];
  /** The validity line: 有效期至11月30日 / 领取后 7 天内有效. */
  validity: string;
  /** Grey look: used, expired, or not usable on this order. */
  muted?: boolean;
  /** A round stamp over the card: 已使用 / 已过期 / 已领取. */
  stamp?: string;
  /** A highlighted note in the validity line's place color: 即将过期. */
  flag?: string;
  /** A line under the card, e.g. why it cannot be used on this order. */
  note?: string;
  /** The right side: a claim button, a 去使用 link, a radio for choosing at checkout. */
  action?: ReactNode;
  /** Outlined as the chosen one (checkout). */
  selected?: boolean;
  onClick?(): void;
  className?: string;
}

/**
 * One coupon as Chinese shops draw it: the amount big on the left, the terms on the right, a ticket edge between.
 * Everything it shows comes in as props, so any list can draw its coupons with it: the coupon center
 * (ClaimableCouponCard), 我的优惠券, or a checkout's coupon options, e.g. a usable option as
 * `face={amountFace(option.discountFen)} selected={chosen} action={<Radio />}` and an unusable one as
 * `muted note={COUPON_UNUSABLE_REASON_LABELS[option.reason]}`.
 */
export function CouponCard(props: CouponCardProps) {
  const { face, condition, name, badge, details = [], validity, muted, stamp, flag, note, action, selected, onClick } = props;
  const classes = ['coupon-card', muted && 'coupon-card--muted', selected && 'coupon-card--selected', note && 'coupon-card--noted', props.className]
    .filter(Boolean)
    .join(' ');
  return (
    <View className={classes} onClick={onClick}>
      <View className="coupon-card__ticket">
        <View className="coupon-card__face">
          <View className="coupon-card__figure coupon-face">
            {face.kind === 'amount' && <Text className="coupon-card__unit">¥</Text>}
            <Text className="coupon-card__value">{face.value}</Text>
            {face.kind === 'percent' && <Text className="coupon-card__unit">折</Text>}
          </View>
          <Text className="coupon-card__condition coupon-condition">{condition}</Text>
        </View>
        <View className="coupon-card__body">
          <View className="coupon-card__title">
            {badge && <Text className="coupon-card__badge">{badge}</Text>}
            <Text className="coupon-card__name coupon-name">{name}</Text>
          </View>
          {details.map((line) => (
            <Text key={line} className="coupon-card__detail">
              {line}
            </Text>
          ))}
          <View className="coupon-card__validity">
            {flag && <Text className="coupon-card__flag">{flag}</Text>}
            <Text className="coupon-validity">{validity}</Text>
          </View>
        </View>
        {action && <View className="coupon-card__action">{action}</View>}
        {stamp && <Text className="coupon-card__stamp coupon-stamp">{stamp}</Text>}
      </View>
      {note && <Text className="coupon-card__note coupon-note">{note}</Text>}
    </View>
  );
}
