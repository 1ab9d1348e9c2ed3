import { useEffect } from 'react';
import Taro from '@tarojs/taro';
import { Cell } from '@nutui/nutui-react-taro';
import { useLoadable } from '@/hooks/useLoadable';
import { useReloadOnReturn } from '@/hooks/usePageReload';
import { routes } from '@/routes';
import { promoterEntryText } from '@/promoter/promoter-text';
import { fetchPromoterOverview } from '@/promoter/promoter-overview';

/**
 * 推广中心 on 我的, shown while the shop runs 分销 — and after it is switched off while the member still has a
 * balance, a debt or a withdrawal under way (to withdraw it or tap 确认收款). The line under it says where the member
 * stands (今日收益, 申请成为推广员, 分销已关闭 · 可提现…). Hidden while loading or when the status could not be read.
 */
export function PromoterEntry() {
  const { state, reload } = useLoadable(fetchPromoterOverview);

  useEffect(() => {
    reload();
  }, [reload]);

  // The shop may switch 分销 on, or an application may be decided, while the member is elsewhere.
  useReloadOnReturn(reload);

  const description = state.status === 'ready' ? promoterEntryText(state.data.status, state.data.openWithdrawal) : null;
  if (description === null) return null;
  return (
    <Cell.Group className="mine-page__actions">
      <Cell className="promoter-center-entry" title="推广中心" description={description} clickable onClick={() => Taro.navigateTo({ url: routes.promoterCenter })} />
    </Cell.Group>
  );
}
