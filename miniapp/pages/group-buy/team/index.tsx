import { useCallback, useEffect, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Button as TaroButton, Image, Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { ProductDetail } from '@shared/api/catalog';
import { GROUP_BUY_JOIN_BLOCK_LABELS, type GroupBuyTeamView } from '@shared/api/group-buy';
import { ErrorCode } from '@shared/errors';
import { shortIdFromScene, sharePath, SHARE_QUERY_PARAM } from '@shared/scene';
import { fetchGroupBuyTeam } from '@/services/group-buy';
import { fetchProduct } from '@/services/catalog';
import { assetUrl } from '@/services/api-origin';
import { memberShareLink, targetIdOfPage } from '@/services/share-links';
import { session, useSession } from '@/store/session';
import { useMemberActions } from '@/hooks/useMemberActions';
import { usePageShare } from '@/hooks/usePageShare';
import { usePullDownReload, useReloadOnReturn } from '@/hooks/usePageReload';
import { failedTargetLoad, isGone, type TargetPageState } from '@/hooks/target-page';
import platform from '@/platform';
import { formatCountdown } from '@/format/countdown';
import { PageState } from '@/components/page-state/PageState';
import { PriceText } from '@/components/price-text/PriceText';
import { PosterSheet } from '@/components/poster/PosterSheet';
import { PrivacyConsentDialog } from '@/components/privacy-consent/PrivacyConsentDialog';
import { SkuPicker, type SkuChoice } from '@/goods/detail/SkuPicker';
import { SeatRow } from '@/group-buy/SeatRow';
import {
  groupBuyProduct,
  leaderPrice,
  memberUnitCap,
  TEAM_ACTION_LABELS,
  teamActions,
  teamBanner,
  teamShareTitle,
  teamSizeLabel,
  type TeamAction,
} from '@/group-buy/group-buy-view';
import { useNow } from '@/group-buy/useNow';
import { groupBuyCheckoutUrl, orderDetailUrl, productDetailUrl, routes } from '@/routes';
import './index.scss';

const TEAM_PAGE = routes.groupBuyTeam.slice(1);

type TeamState = TargetPageState<{ team: GroupBuyTeamView }>;

/**
 * 拼团详情: who is in (团长 first, virtual seats, 「?」 for open seats), how many are missing, the live countdown,
 * the state (拼团中 / 拼团成功 / 拼团失败，已退款), the rules, and what the viewer can do: 立即参团, 邀请好友参团
 * (转发 and 海报 carrying the team and the sharer), 查看订单, or 发起新团 when this team cannot be joined.
 * Opened from a share (`?id=`, a share path's `s`, or a scanned code's scene).
 */
export default function GroupBuyTeamPage() {
  const { id, scene, [SHARE_QUERY_PARAM]: shortId } = useRouter().params;
  const { token } = useSession();
  const { login } = useMemberActions();
  const [state, setState] = useState<TeamState>({ status: 'loading' });
  // The product behind the SKU picker, fetched when the shopper joins or opens a team.
  const [picker, setPicker] = useState<{ product: ProductDetail; teamId: number | null } | null>(null);
  const [posterOpen, setPosterOpen] = useState(false);
  const [shareUrl, setShareUrl] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      const teamId = await targetIdOfPage('team', id, shortIdFromScene(scene) ?? shortId);
      if (teamId === null) {
        setState({ status: 'gone' });
        return;
      }
      setState({ status: 'ready', team: await fetchGroupBuyTeam(teamId) });
    } catch (error) {
      const gone = isGone(error, ErrorCode.GROUP_BUY_TEAM_NOT_FOUND);
      setState((previous) => failedTargetLoad(previous, error, gone));
    }
  }, [id, scene, shortId]);

  // Signing in changes what the viewer may do (their own team, a seat already taken): read the team again.
  useEffect(() => {
    load();
  }, [load, token]);
  // Back from checkout or the order: the seat may be paid, the team filled.
  useReloadOnReturn(load);
  usePullDownReload(load);

  const team = state.status === 'ready' ? state.team : null;
  const now = useNow(team?.status === 'forming');
  const countdown = team?.status === 'forming' && team.expiresAt ? formatCountdown(team.expiresAt, now) : null;
  // The clock ran out while the page was open: the server decides what became of the team.
  const expired = team?.status === 'forming' && countdown === null;
  useEffect(() => {
    if (expired) load();
  }, [expired]);

  usePageShare(
    team && {
      page: TEAM_PAGE,
      query: { id: team.id },
      link: { kind: 'team', targetId: team.id },
      title: teamShareTitle(team),
      imageUrl: team.offer.productImage ? assetUrl(team.offer.productImage) : undefined,
    },
  );

  /** Opens the SKU picker for joining this team (teamId) or opening a new one (null); a guest signs in first. */
  const pick = async (teamId: number | null) => {
    if (!team) return;
    const wasGuest = !session.get().token;
    if (wasGuest && !(await login())) return;
    try {
      if (wasGuest && teamId !== null) {
        // Signed in just now: this may be their own team, or one they are already in.
        const fresh = await fetchGroupBuyTeam(teamId);
        setState({ status: 'ready', team: fresh });
        if (fresh.joinBlock !== null) {
          Taro.showToast({ title: GROUP_BUY_JOIN_BLOCK_LABELS[fresh.joinBlock], icon: 'none' });
          return;
        }
      }
      setPicker({ product: await fetchProduct(team.offer.productId), teamId });
    } catch (error) {
      Taro.showToast({ title: (error as Error).message, icon: 'none' });
    }
  };

  const checkout = (choice: SkuChoice) => {
    if (!team || !picker) return;
    const item = { skuId: choice.sku.id, quantity: choice.quantity };
    setPicker(null);
    Taro.navigateTo({ url: groupBuyCheckoutUrl(item, { campaignId: team.offer.campaignId, teamId: picker.teamId }) });
  };

  /** H5 has no WeChat share sheet: the member's link of this team, shown and copied. */
  const copyInvite = async () => {
    if (!team) return;
    // Without the member's link (it could not be made) the team is still shared, only without a sharer.
    const link = await memberShareLink({ kind: 'team', targetId: team.id, channel: 'chat' })?.catch(() => null);
    const url = platform.shareableUrl(sharePath(TEAM_PAGE, { id: team.id }, link?.shortId));
    if (!url) return;
    setShareUrl(url);
    try {
      await Taro.setClipboardData({ data: url });
      Taro.showToast({ title: '拼团链接已复制，发给好友吧', icon: 'none' });
    } catch {
      Taro.showToast({ title: '链接复制失败，请长按下方链接复制', icon: 'none' });
    }
  };

  const openPoster = async () => {
    if (!session.get().token && !(await login())) return;
    setPosterOpen(true);
  };

  const run = (action: TeamAction) => {
    if (!team) return;
    if (action === 'join') pick(team.id);
    else if (action === 'startNew') pick(null);
    else if ((action === 'viewOrder' || action === 'pay') && team.mySeat) Taro.navigateTo({ url: orderDetailUrl(team.mySeat.orderNo) });
    else if (action === 'invite') copyInvite();
  };

  if (state.status === 'loading') return <PageState status="loading" />;
  if (state.status === 'error') return <PageState status="error" text={state.message} onRetry={load} />;
  if (state.status === 'gone' || !team) {
    return (
      <View className="team-page team-page--gone">
        <PageState status="empty" text="拼团不存在或链接已失效" />
        <Button type="primary" size="small" onClick={() => Taro.redirectTo({ url: routes.groupBuyZone })}>
          去拼团专区看看
        </Button>
      </View>
    );
  }

  const { offer } = team;
  const banner = teamBanner(team);
  const { actions, blockLabel } = teamActions(team);

  return (
    <View className="team-page">
      <View className="team-product" onClick={() => Taro.navigateTo({ url: productDetailUrl(offer.productId) })}>
        {offer.productImage ? (
          <Image className="team-product__image" src={assetUrl(offer.productImage)} mode="aspectFill" />
        ) : (
          <View className="team-product__image" />
        )}
        <View className="team-product__body">
          <Text className="team-product__title gb-product-title">{offer.productTitle}</Text>
          <Text className="gb-tag team-product__size">{teamSizeLabel(team.teamSize)}</Text>
          <View className="team-product__prices">
            <Text className="team-product__price-label">拼团价</Text>
            <PriceText className="team-group-price" fen={offer.groupPriceFen} size="large" />
            <PriceText fen={offer.listPriceFen} original />
          </View>
        </View>
      </View>

      <View className={`team-status team-status--${banner.tone}`}>
        <Text className="team-status__title team-state">{banner.title}</Text>
        {banner.progress ? (
          <>
            <Text className="team-status__missing">{banner.progress}</Text>
            {countdown && <Text className="team-status__countdown team-countdown">剩余 {countdown} 结束</Text>}
          </>
        ) : (
          <Text className="team-status__hint">{banner.hint}</Text>
        )}
        <SeatRow team={team} />
        {blockLabel && <Text className="team-status__block join-block">{blockLabel}</Text>}
      </View>

      {shareUrl && (
        <View className="team-share">
          <Text className="team-share__label">拼团链接</Text>
          <Text className="team-share__link team-share-link" selectable>
            {shareUrl}
          </Text>
        </View>
      )}

      <View className="team-rules">
        <Text className="team-rules__title">拼团规则</Text>
        <Text className="team-rules__text group-buy-rules">{offer.rulesText}</Text>
      </View>

      <View className="team-page__bar">
        {actions.includes('invite') && (
          <Button className="team-poster-button" onClick={openPoster}>
            生成海报
          </Button>
        )}
        {actions.map((action) =>
          action === 'invite' && process.env.TARO_ENV === 'weapp' ? (
            // 转发 on weapp is WeChat's share sheet; the page's share carries the member's link (usePageShare).
            <TaroButton key={action} className="team-action team-action--invite team-share-sheet-button" openType="share">
              {TEAM_ACTION_LABELS[action]}
            </TaroButton>
          ) : (
            <Button
              key={action}
              className={`team-action team-action--${action}`}
              type={action === 'viewOrder' ? 'default' : 'primary'}
              onClick={() => run(action)}
            >
              {action === 'invite' ? '复制拼团链接' : TEAM_ACTION_LABELS[action]}
            </Button>
          ),
        )}
        {actions.length === 0 && (
          <Button className="team-action team-action--zone" type="primary" onClick={() => Taro.redirectTo({ url: routes.groupBuyZone })}>
            看看其他拼团
          </Button>
        )}
      </View>

      {picker && (
        <SkuPicker
          product={groupBuyProduct(picker.product, offer, picker.teamId === null)}
          perMemberCap={memberUnitCap(offer)}
          priceLabel={picker.teamId === null ? leaderPrice(offer).label : '拼团价'}
          visible
          confirmText={picker.teamId === null ? '发起拼团' : '立即参团'}
          onClose={() => setPicker(null)}
          onConfirm={checkout}
        />
      )}

      <PosterSheet kind="team" targetId={team.id} visible={posterOpen} onClose={() => setPosterOpen(false)} />
      <PrivacyConsentDialog />
    </View>
  );
}
