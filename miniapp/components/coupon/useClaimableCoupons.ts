import { useEffect, useState } from 'react';
import Taro from '@tarojs/taro';
import type { CouponCenterItem } from '@shared/api/coupons';
import { claimCoupon } from '@/services/coupons';
import { ApiRequestError } from '@/services/request';
import { session, useSession } from '@/store/session';
import { useLoadable } from '@/hooks/useLoadable';
import { useMemberActions } from '@/hooks/useMemberActions';
import { afterClaim, afterClaimRefused } from './coupon-claim';

/**
 * A list of claimable coupons (the coupon center, a product's coupons) and its 立即领取. The list loads again when
 * the shopper signs in or out (what they hold depends on who they are). A guest's tap signs in first, then claims.
 * After a claim the item changes in place; when the list no longer matches the shop (it was a guest's list, or the
 * coupon was paused or ended meanwhile) it is loaded again. The request wrapper toasts a refusal.
 */
export function useClaimableCoupons(fetch: () => Promise<CouponCenterItem[]>) {
  const { token } = useSession();
  const { login } = useMemberActions();
  const { state, setState, reload, retry } = useLoadable(fetch);
  const [claimingId, setClaimingId] = useState<number | null>(null);

  useEffect(() => {
    reload();
  }, [reload, token]);

  const replace = (changed: CouponCenterItem) =>
    setState((current) =>
      current.status === 'ready'
        ? { status: 'ready', data: current.data.map((item) => (item.templateId === changed.templateId ? changed : item)) }
        : current,
    );

  const claim = async (item: CouponCenterItem) => {
    if (claimingId !== null) return;
    const signingIn = !session.get().token;
    if (signingIn && !(await login())) return;
    setClaimingId(item.templateId);
    try {
      await claimCoupon(item.templateId);
      Taro.showToast({ title: '领取成功', icon: 'success' });
      if (signingIn) reload();
      else replace(afterClaim(item));
    } catch (error) {
      if (!(error instanceof ApiRequestError)) return;
      const changed = afterClaimRefused(item, error.code);
      if (signingIn || changed === item) reload();
      else replace(changed);
    } finally {
      setClaimingId(null);
    }
  };

  return { state, reload, retry, claim, claimingId };
}
