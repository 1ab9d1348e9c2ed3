/** What 预约 and 开启提醒 do for a session, with the platform and the API passed in (no Taro here). */
import type { LiveReservation, LiveReservationRequest, ShopperLiveSession } from '@shared/api/live';
import { reservedToast } from './live-view';

export interface ReservationSteps {
  /** The platform has WeChat's subscribe sheet (weapp); false on H5, where reminders are turned on in WeChat. */
  hasSubscribeSheet: boolean;
  /** The subscribe sheet can ask for the live reminder here: weapp, and the shop configured its template. */
  canAskReminder: boolean;
  /** Asks for the one-time live reminder right after the tap; false when declined or not possible. */
  askReminder(): Promise<boolean>;
  /** WeChat's own 预约 of a Channels live notice: its state code, null where unavailable. */
  reserveChannelsLive(noticeId: string): Promise<number | null>;
  saveReservation(sessionId: number, request: LiveReservationRequest): Promise<LiveReservation>;
}

export interface ReservationOutcome {
  reservation: LiveReservation;
  toast: string;
}

/**
 * Whether a reserved member is offered 开启提醒: only when no reminder will come at all (they declined the subscribe
 * sheet, or reserved on H5, and Channels did not reserve it) and this platform can ask. A reminder already waiting,
 * sent or refused by WeChat is never asked for again (the server sends one per reservation).
 */
export function offersReminder(reservation: Pick<LiveReservation, 'reminderState' | 'channelsReserved'>, canAskReminder: boolean): boolean {
  return canAskReminder && reservation.reminderState === 'none' && !reservation.channelsReserved;
}

/**
 * 预约 of `target` as the member sees it (their reservation included). Not reserved yet: the reminder sheet,
 * WeChat's Channels 预约 when the session has a notice id, then the reservation. Reserved without any reminder:
 * the sheet again, and on acceptance the reservation again (the server moves its reminder from none to waiting).
 * Reserved with a reminder: nothing to do.
 */
export async function reserveOrRemind(target: ShopperLiveSession, steps: ReservationSteps): Promise<ReservationOutcome> {
  const existing = target.reservation;
  if (existing) {
    if (!offersReminder(existing, steps.canAskReminder)) return { reservation: existing, toast: '你已预约过这场直播' };
    if (!(await steps.askReminder())) return { reservation: existing, toast: '未开启开播提醒' };
    const reservation = await steps.saveReservation(target.id, { subscribeAccepted: true });
    return { reservation, toast: reservation.reminderState === 'waiting' ? '已开启，开播前会提醒你' : '你已预约过这场直播' };
  }
  const subscribeAccepted = await steps.askReminder();
  const channelsReserveState = target.provider === 'channels' && target.noticeId ? await steps.reserveChannelsLive(target.noticeId) : null;
  const reservation = await steps.saveReservation(target.id, {
    subscribeAccepted,
    ...(channelsReserveState !== null ? { channelsReserveState } : {}),
  });
  return { reservation, toast: reservedToast(steps.hasSubscribeSheet, subscribeAccepted, channelsReserveState) };
}
