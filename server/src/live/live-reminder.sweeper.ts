import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { PeriodicSweep } from '../platform/jobs/periodic-sweep';
import { TransactionRunner } from '../platform/database/transaction-runner';
import { chinaMinute, clip, SubscribeMessagesService } from '../subscribe-messages/subscribe-messages.service';
import { LiveReservationRow } from './live-reservation.entity';
import { wholeSecond } from './live-session-transitions';
import { LiveSessionRow } from './live-session.entity';
import { LiveSettingsService } from './live-settings.service';

const BATCH = 200;

/** The session page a reminder opens (the storefront's pages/live/session). */
export const liveSessionPage = (sessionId: number) => `pages/live/session/index?id=${sessionId}`;

/**
 * 直播开播提醒: for each session not past its planned end that is live (staff may start it early) or upcoming with
 * its planned start minus the reminder lead (LiveSettings.reminderLeadMinutes) come, every 'waiting' reservation
 * gets its one-time subscribe message.
 * Each reservation is claimed first by a conditional update 'waiting' → 'sent' that also requires the session to
 * be still open (a cancel landing meanwhile stops it), so two runs or two instances send it once; a message that
 * then finds no quota or is refused by WeChat turns the claim into 'not_sent'. Should the process die between the
 * claim and the send, that reminder stays unsent: at most once, never twice. Under the WeChat lease: it sends.
 */
@Injectable()
export class LiveReminderSweeper extends PeriodicSweep {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly transactions: TransactionRunner,
    private readonly settings: LiveSettingsService,
    private readonly messages: SubscribeMessagesService,
  ) {
    super({ name: 'live.send-reminders', label: '发送直播开播提醒', everyMs: 60_000, usesWechat: true });
  }

  async sweep(now: Date = new Date()): Promise<number> {
    const { reminderLeadMinutes } = await this.settings.get();
    const dueBy = new Date(now.getTime() + reminderLeadMinutes * 60_000);
    const sessions = await this.dataSource
      .getRepository(LiveSessionRow)
      .createQueryBuilder('s')
      .select(['s.id', 's.title', 's.plannedStartAt', 's.startedAt', 's.status'])
      // A live session is due whatever its planned start: staff may press 开播 well before it.
      .where("(s.status = 'live' OR (s.status = 'upcoming' AND s.plannedStartAt <= :dueBy)) AND s.plannedEndAt > :now", { dueBy, now })
      .andWhere("EXISTS (SELECT 1 FROM live_reservations r WHERE r.sessionId = s.id AND r.reminderState = 'waiting')")
      .getMany();
    let sent = 0;
    for (const session of sessions) sent += await this.remind(session, now);
    return sent;
  }

  /** Sends the session's waiting reminders, a batch at a time (each claimed row leaves 'waiting'); answers how many were claimed. */
  private async remind(session: LiveSessionRow, now: Date): Promise<number> {
    let claimed = 0;
    for (;;) {
      const waiting = await this.dataSource.getRepository(LiveReservationRow).find({
        select: { id: true, memberId: true },
        where: { sessionId: session.id, reminderState: 'waiting' },
        order: { id: 'ASC' },
        take: BATCH,
      });
      if (waiting.length === 0) return claimed;
      let claimedInBatch = 0;
      for (const reservation of waiting) {
        if (!(await this.claim(reservation.id, session.id, now))) continue;
        claimedInBatch++;
        await this.send(reservation, session);
      }
      claimed += claimedInBatch;
      // Another instance claimed this whole batch, or the session closed: what is left is theirs or no longer due.
      if (claimedInBatch === 0) return claimed;
    }
  }

  private async claim(reservationId: number, sessionId: number, now: Date): Promise<boolean> {
    const result = await this.transactions.single((manager) =>
      manager
        .createQueryBuilder()
        .update(LiveReservationRow)
        .set({ reminderState: 'sent', remindedAt: wholeSecond(now) })
        .where("id = :reservationId AND reminderState = 'waiting'", { reservationId })
        .andWhere("sessionId IN (SELECT s.id FROM live_sessions s WHERE s.id = :sessionId AND s.status IN ('upcoming', 'live'))", { sessionId })
        .execute(),
    );
    return result.affected === 1;
  }

  private async send(reservation: Pick<LiveReservationRow, 'id' | 'memberId'>, session: LiveSessionRow): Promise<void> {
    let delivered = false;
    try {
      const outcome = await this.messages.sendWithQuota('live_reminder', reservation.memberId, undefined, async () => ({
        page: liveSessionPage(session.id),
        // A session staff started early: the time it began, matching 直播已开始.
        data: { thing1: clip(session.title, ''), time2: chinaMinute(session.startedAt ?? session.plannedStartAt), thing3: session.status === 'live' ? '直播已开始，点击进入直播间' : '直播即将开始，点击进入直播间' },
      }));
      delivered = outcome.result === 'sent';
    } catch (error) {
      this.logger.error(`live reminder of reservation ${reservation.id} not sent: ${String(error)}`);
    }
    if (!delivered) {
      await this.transactions.single((manager) => manager.update(LiveReservationRow, { id: reservation.id, reminderState: 'sent' }, { reminderState: 'not_sent' }));
    }
  }
}
