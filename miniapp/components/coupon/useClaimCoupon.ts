import { useState } from 'react';
import Taro from '@tarojs/taro';
import type { CouponCenterItem } from '@shared/api/coupons';
import { claimCoupon } from '@/services/coupons';
import { ApiRequestError } from '@/services/request';
import { session } from '@/store/session';
import { useMemberActions } from '@/hooks/useMemberActions';
import { afterClaim, afterClaimRefused } from './coupon-claim';

/**
 * 立即领取 for a list of claimable coupons: signs the shopper in first when needed (then the list is reloaded, since
 * what they hold was unknown), claims, and hands the changed item back. The request wrapper toasts a refusal.
 */
export function useClaimCoupon({ onChanged, onSignedIn }: { onChanged(item: CouponCenterItem): void; onSignedIn(): void }) {
  const { login } = useMemberActions();
  const [claimingId, setClaimingId] = useState<number | null>(null);

  const claim = async (item: CouponCenterItem) => {
    if (claimingId !== null) return;
    if (!session.get().token) {
      if (await login()) onSignedIn();
      return;
    }
    setClaimingId(item.templateId);
    try {
      await claimCoupon(item.templateId);
      Taro.showToast({ title: '领取成功', icon: 'success' });
      onChanged(afterClaim(item));
    } catch (error) {
      if (error instanceof ApiRequestError) {
        const changed = afterClaimRefused(item, error.code);
        // Refused for another reason (paused or ended meanwhile): the list no longer matches the shop.
        if (changed === item) onSignedIn();
        else onChanged(changed);
      }
    } finally {
      setClaimingId(null);
    }
  };

  return { claim, claimingId };
}
