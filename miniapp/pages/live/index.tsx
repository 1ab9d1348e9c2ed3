import { useCallback, useEffect, useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button, Tabs } from '@nutui/nutui-react-taro';
import { LIVE_PROVIDER_LABELS, type LiveReservation, type LiveSchedule, type ShopperLiveSessionCard } from '@shared/api/live';
import { fetchLiveSchedule, fetchLiveSession, recordLiveClick } from '@/services/live';
import { useSession } from '@/store/session';
import { useLoadable } from '@/hooks/useLoadable';
import { usePullDownReload, useReloadOnReturn } from '@/hooks/usePageReload';
import { PageState } from '@/components/page-state/PageState';
import { PendingState } from '@/components/page-state/PendingState';
import { PrivacyConsentDialog } from '@/components/privacy-consent/PrivacyConsentDialog';
import { defaultScheduleTab, reservationText, scheduleSections, sessionTimeText, type ScheduleTab } from '@/live/live-view';
import { useLiveReservation } from '@/live/useLiveReservation';
import { LiveCover } from '@/live/LiveCover';
import { liveSessionUrl } from '@/routes';
import '@/live/live.scss';
import './index.scss';

/** Upcoming sessions whose 预约 state a member's list shows (each read once per load). */
const RESERVATION_LOOKUPS_MAX = 10;

/** 直播: 正在直播 / 直播预告 (with 预约) / 往期回顾; a card opens the session page. */
export default function LiveChannelPage() {
  const { state, reload, retry } = useLoadable(fetchLiveSchedule);
  const { token } = useSession();
  const [tab, setTab] = useState<ScheduleTab | null>(null);
  // The signed-in member's 预约 of upcoming sessions (the schedule itself is the same for everyone).
  const [reservations, setReservations] = useState<Map<number, LiveReservation>>(new Map());

  useEffect(() => {
    reload();
  }, [reload]);
  useReloadOnReturn(reload);
  usePullDownReload(reload);

  const schedule = state.status === 'ready' ? state.data : null;
  const upcomingIds = schedule?.upcoming.slice(0, RESERVATION_LOOKUPS_MAX).map((session) => session.id).join(',') ?? '';
  useEffect(() => {
    if (!token || !upcomingIds) {
      setReservations(new Map());
      return;
    }
    let alive = true;
    Promise.all(upcomingIds.split(',').map((id) => fetchLiveSession(Number(id)).catch(() => null))).then((sessions) => {
      if (!alive) return;
      const reserved = new Map<number, LiveReservation>();
      for (const session of sessions) if (session?.reservation) reserved.set(session.id, session.reservation);
      setReservations(reserved);
    });
    return () => {
      alive = false;
    };
  }, [token, upcomingIds]);

  const { reserve, reserving } = useLiveReservation(
    useCallback((sessionId: number, reservation: LiveReservation) => setReservations((previous) => new Map(previous).set(sessionId, reservation)), []),
  );

  if (!schedule) return state.status === 'ready' ? null : <PendingState state={state} onRetry={retry} />;

  const sections = scheduleSections(schedule);
  const active = tab ?? defaultScheduleTab(schedule);
  const section = sections.find((candidate) => candidate.tab === active)!;

  return (
    <View className="live-channel-page">
      <Tabs className="live-tabs" value={active} activeType="line" onChange={(value) => setTab(value as ScheduleTab)}>
        {sections.map((candidate) => (
          <Tabs.TabPane key={candidate.tab} value={candidate.tab} title={candidate.label} />
        ))}
      </Tabs>
      <View className={`live-section live-section--${active}`}>
        {section.sessions.length === 0 && <PageState status="empty" text={section.emptyText} />}
        {section.sessions.map((session) => (
          <SessionCard
            key={session.id}
            session={session}
            reservation={reservations.get(session.id) ?? null}
            reserving={reserving === session.id}
            onReserve={() => reserve(session.id, null)}
          />
        ))}
      </View>
      <PrivacyConsentDialog />
    </View>
  );
}

interface SessionCardProps {
  session: ShopperLiveSessionCard;
  reservation: LiveReservation | null;
  reserving: boolean;
  onReserve(): void;
}

function SessionCard({ session, reservation, reserving, onReserve }: SessionCardProps) {
  const open = () => {
    if (session.status === 'live') recordLiveClick(session.id, 'live_page');
    Taro.navigateTo({ url: liveSessionUrl(session.id) });
  };
  return (
    <View className={`live-card live-card--${session.status} live-session-card`} data-session-id={session.id} onClick={open}>
      <View className="live-card__cover">
        <LiveCover session={session} className="live-card__image" />
        <Text className={`live-card__status live-status live-status--${session.status}`}>
          {session.status === 'live' && <Text className="live-dot" />}
          {session.statusLabel}
        </Text>
      </View>
      <View className="live-card__body">
        <Text className="live-card__title">{session.title}</Text>
        <Text className="live-card__time">{sessionTimeText(session)}</Text>
        <View className="live-card__foot">
          <Text className="live-card__meta">
            {LIVE_PROVIDER_LABELS[session.provider]}
            {session.productCount > 0 ? ` · ${session.productCount} 件商品` : ''}
          </Text>
          {session.status === 'upcoming' &&
            (reservation ? (
              <Text className="live-card__reserved live-reserved">{reservationText(reservation)}</Text>
            ) : (
              <Button
                className="live-card__reserve live-reserve-button"
                size="small"
                type="primary"
                fill="outline"
                loading={reserving}
                onClick={(event) => {
                  event.stopPropagation();
                  onReserve();
                }}
              >
                预约
              </Button>
            ))}
          {session.status === 'live' && <Text className="live-card__go">去观看 ›</Text>}
        </View>
      </View>
    </View>
  );
}
