import { useState } from 'react';
import Taro from '@tarojs/taro';
import type { CouponCenterItem } from '@shared/api/coupons';
import { claimCoupon } from '@/services/coupons';
import { ApiRequestError } from '@/services/request';
import { session } from '@/store/session';
import { useMemberActions } from '@/hooks/useMemberActions';
import { afterClaim, afterClaimRefused } from './coupon-claim';

/**
 * 立即领取 for a list of claimable coupons: signs the shopper in first when needed, claims, and hands the changed
 * item back. When the list no longer matches what the shopper holds (just signed in: it was a guest's list; or the
 * coupon was paused or ended meanwhile) `onStale` reloads it. The request wrapper toasts a refusal.
 */
export function useClaimCoupon({ onChanged, onStale }: { onChanged(item: CouponCenterItem): void; onStale(): void }) {
  const { login } = useMemberActions();
  const [claimingId, setClaimingId] = useState<number | null>(null);

  const claim = async (item: CouponCenterItem) => {
    if (claimingId !== null) return;
    const signingIn = !session.get().token;
    if (signingIn && !(await login())) return;
    setClaimingId(item.templateId);
    try {
      await claimCoupon(item.templateId);
      Taro.showToast({ title: '领取成功', icon: 'success' });
      if (signingIn) onStale();
      else onChanged(afterClaim(item));
    } catch (error) {
      if (!(error instanceof ApiRequestError)) return;
      const changed = afterClaimRefused(item, error.code);
      if (signingIn || changed === item) onStale();
      else onChanged(changed);
    } finally {
      setClaimingId(null);
    }
  };

  return { claim, claimingId };
}
