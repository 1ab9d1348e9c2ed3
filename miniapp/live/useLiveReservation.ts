import { useEffect, useState } from 'react';
import Taro from '@tarojs/taro';
import type { LiveReservation, ShopperLiveSession } from '@shared/api/live';
import type { SubscribeTemplate, SubscribeTemplateKind } from '@shared/api/payments';
import platform from '@/platform';
import { fetchLiveSession, reserveLiveSession } from '@/services/live';
import { fetchSubscribeTemplates, saveSubscribeAnswers } from '@/services/subscriptions';
import { session } from '@/store/session';
import { useMemberActions } from '@/hooks/useMemberActions';
import { reserveOrRemind } from './live-reservation-flow';

/** The template kind of the live reminder (the shop may not have configured it: then 预约 asks for none). */
const LIVE_REMINDER_KIND: SubscribeTemplateKind = 'live_reminder';

async function reminderTemplate(): Promise<SubscribeTemplate | null> {
  const templates = await fetchSubscribeTemplates().catch(() => []);
  return templates.find((template) => template.kind === LIVE_REMINDER_KIND) ?? null;
}

/**
 * Asks for the one-time live reminder (weapp) and reports the answer to /me/subscriptions. WeChat shows the sheet
 * only right after a tap: a shopper who had to sign in first confirms in a dialog, whose tap opens the sheet.
 */
async function askReminder(template: SubscribeTemplate | null, afterLogin: boolean): Promise<boolean> {
  if (!platform.askLiveReminder || !template) return false;
  if (afterLogin) {
    const { confirm } = await Taro.showModal({ title: '开播提醒', content: '开播前通过微信提醒你？', confirmText: '提醒我', cancelText: '不用了' });
    if (!confirm) return false;
  }
  const accepted = await platform.askLiveReminder(template);
  saveSubscribeAnswers({ answers: [{ templateId: template.templateId, accepted }] }).catch(() => {});
  return accepted;
}

/**
 * 预约 of a session (signed-in members only: a guest signs in first), or 开启提醒 for a member who reserved without
 * a reminder (see reserveOrRemind). `canAskReminder`: whether 开启提醒 can be offered here (weapp with the shop's
 * reminder template). No reward is offered or implied (WeChat forbids inducing reservations).
 */
export function useLiveReservation(onReserved: (sessionId: number, reservation: LiveReservation) => void) {
  const { login } = useMemberActions();
  const [reserving, setReserving] = useState<number | null>(null);
  const [canAskReminder, setCanAskReminder] = useState(false);

  // The template is read ahead: the subscribe sheet must open right after the tap, not after a request.
  useEffect(() => {
    if (!platform.askLiveReminder) return;
    let alive = true;
    reminderTemplate().then((template) => alive && setCanAskReminder(template !== null));
    return () => {
      alive = false;
    };
  }, []);

  const reserve = async (sessionId: number, known: ShopperLiveSession | null) => {
    if (reserving !== null) return;
    setReserving(sessionId);
    try {
      const wasGuest = !session.get().token;
      if (wasGuest && !(await login())) return;
      // Signed in just now (or opened from a list): the member's own view of the session says if they reserved before.
      const target = known && !wasGuest ? known : await fetchLiveSession(sessionId);
      const template = platform.askLiveReminder ? await reminderTemplate() : null;
      const { reservation, toast } = await reserveOrRemind(target, {
        hasSubscribeSheet: platform.askLiveReminder !== null,
        canAskReminder: template !== null,
        askReminder: () => askReminder(template, wasGuest),
        reserveChannelsLive: platform.reserveChannelsLive,
        saveReservation: reserveLiveSession,
      });
      onReserved(sessionId, reservation);
      Taro.showToast({ title: toast, icon: 'none', duration: 2500 });
    } catch {
      // The request wrapper toasted why (ended, cancelled, network).
    } finally {
      setReserving(null);
    }
  };

  return { reserve, reserving, canAskReminder };
}
