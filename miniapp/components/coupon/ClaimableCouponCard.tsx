import { Button } from '@nutui/nutui-react-taro';
import type { CouponCenterItem } from '@shared/api/coupons';
import { CouponCard } from './CouponCard';
import { claimButtonState } from './coupon-claim';
import { couponCap, couponCondition, couponFace, couponTypeBadge } from './coupon-text';

interface ClaimableCouponCardProps {
  item: CouponCenterItem;
  claiming: boolean;
  onClaim(item: CouponCenterItem): void;
}

/** A coupon of the coupon center (or a product's coupons) with its 立即领取 / 已领取 / 已抢光 button. */
export function ClaimableCouponCard({ item, claiming, onClaim }: ClaimableCouponCardProps) {
  const button = claimButtonState(item);
  const cap = couponCap(item);
  return (
    <CouponCard
      className="claimable-coupon"
      face={couponFace(item)}
      condition={couponCondition(item)}
      badge={couponTypeBadge(item.type)}
      name={item.name}
      details={cap ? [item.scopeText, cap] : [item.scopeText]}
      validity={item.validityText}
      muted={!button.enabled && item.claimedByMe === 0}
      action={
        <Button
          className="coupon-claim-button"
          size="small"
          type="primary"
          fill={button.enabled ? 'solid' : 'outline'}
          disabled={!button.enabled}
          loading={claiming}
          onClick={(event) => {
            event.stopPropagation();
            onClaim(item);
          }}
        >
          {button.text}
        </Button>
      }
    />
  );
}
