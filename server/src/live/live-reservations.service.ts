import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { LIVE_SESSION_STATUS_LABELS, type LiveReservation } from '../../../shared';
import { TransactionRunner } from '../platform/database/transaction-runner';
import { upsertRow } from '../platform/database/upsert';
import { ApiException } from '../platform/errors/api-exception';
import type { LiveReservationDto } from './live-reservation.dto';
import { LiveReservationRow } from './live-reservation.entity';
import { sessionNotFound } from './live-sessions.service';
import { LiveSessionRow } from './live-session.entity';

/** reserveChannelsLive's states meaning the member is reserved: 6 reserved, 8 already reserved (protocols §4.2). */
const CHANNELS_RESERVED_STATES = new Set([6, 8]);

export function toLiveReservation(row: LiveReservationRow): LiveReservation {
  return { sessionId: row.sessionId, reminderState: row.reminderState, channelsReserved: row.channelsReserved, createdAt: row.createdAt.toISOString() };
}

/**
 * 预约: a member's reservation of an upcoming or live session, one row per member and session. Never rewarded:
 * nothing here touches points, coupons or anything else of the member (WeChat forbids inducing reservations).
 */
@Injectable()
export class LiveReservationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly transactions: TransactionRunner,
  ) {}

  /**
   * Records the 预约 in one upsert on the (session, member) key, so repeated and parallel calls end with one row;
   * a repeat only adds what is new: an acceptance moves the reminder from 'none' to 'waiting' (never back, and
   * never again once sent), a Channels reservation is kept once made.
   */
  async reserve(memberId: number, sessionId: number, request: LiveReservationDto): Promise<LiveReservation> {
    const session = await this.dataSource.getRepository(LiveSessionRow).findOne({ where: { id: sessionId }, select: ['id', 'status'] });
    if (!session) throw sessionNotFound();
    if (session.status !== 'upcoming' && session.status !== 'live') {
      throw new ApiException('LIVE_SESSION_STATE_CONFLICT', HttpStatus.CONFLICT, `直播${LIVE_SESSION_STATUS_LABELS[session.status]}，不能再预约`, { status: session.status });
    }
    const channelsReserved = request.channelsReserveState !== undefined && CHANNELS_RESERVED_STATES.has(request.channelsReserveState);
    const key = { sessionId, memberId };
    const row = await this.transactions.run(async (manager) => {
      await upsertRow(manager, LiveReservationRow, { ...key, reminderState: request.subscribeAccepted ? 'waiting' : 'none', remindedAt: null, channelsReserved }, ['sessionId', 'memberId'], {
        reminderState: (sql) => `CASE WHEN ${sql.column('reminderState')} = 'none' THEN ${sql.incoming('reminderState')} ELSE ${sql.column('reminderState')} END`,
        channelsReserved: (sql) => `CASE WHEN ${sql.incoming('channelsReserved')} = ${sql.value('channelsReserved', true)} THEN ${sql.incoming('channelsReserved')} ELSE ${sql.column('channelsReserved')} END`,
      });
      return manager.findOneByOrFail(LiveReservationRow, key);
    });
    return toLiveReservation(row);
  }
}
