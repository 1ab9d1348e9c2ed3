import { useEffect } from 'react';
import Taro from '@tarojs/taro';
import { Cell } from '@nutui/nutui-react-taro';
import { fetchPromoterStatus } from '@/services/referral';
import { useLoadable } from '@/hooks/useLoadable';
import { useReloadOnReturn } from '@/hooks/usePageReload';
import { routes } from '@/routes';
import { promoterEntryText } from '@/promoter/promoter-text';

/**
 * 推广中心 on 我的, shown only while the shop runs 分销; the line under it says where the member stands (今日收益,
 * 申请成为推广员, 审核中…). Hidden too while loading or when the status could not be read (the center shows errors).
 */
export function PromoterEntry() {
  const { state, reload } = useLoadable(fetchPromoterStatus);

  useEffect(() => {
    reload();
  }, [reload]);

  // The shop may switch 分销 on, or an application may be decided, while the member is elsewhere.
  useReloadOnReturn(reload);

  const description = state.status === 'ready' ? promoterEntryText(state.data) : null;
  if (description === null) return null;
  return (
    <Cell.Group className="mine-page__actions">
      <Cell className="promoter-center-entry" title="推广中心" description={description} clickable onClick={() => Taro.navigateTo({ url: routes.promoterCenter })} />
    </Cell.Group>
  );
}
