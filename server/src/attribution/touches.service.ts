import { Injectable } from '@nestjs/common';
import { IsNull, type EntityManager } from 'typeorm';
import { TransactionRunner } from '../platform/database/transaction-runner';
import { upsertRow, type UpsertSet } from '../platform/database/upsert';
import type { ShareLinkRow } from './share-link.entity';
import { VisitorTouchRow } from './visitor-touch.entity';

/** One touch: when, and the share link (with its sharer and live session) or channel it came with. */
export interface Touch {
  at: Date;
  shareLinkId: number | null;
  sharerMemberId: number | null;
  channel: string | null;
  liveSessionId: number | null;
}

export const deviceVisitor = (deviceId: string) => `device:${deviceId}`;
export const memberVisitor = (memberId: number) => `member:${memberId}`;

/** The touch of a share link (its channel and live session win) or of a bare channel. */
export function touchOf(link: ShareLinkRow | null, channel: string | null, at: Date): Touch {
  return {
    at,
    shareLinkId: link?.id ?? null,
    sharerMemberId: link?.sharerMemberId ?? null,
    channel: link?.channel || channel,
    liveSessionId: link?.liveSessionId ?? null,
  };
}

const TOUCH_FIELDS = ['ShareLinkId', 'SharerMemberId', 'Channel', 'LiveSessionId'] as const;

/**
 * The upsert assignments of one end (first or last): every field takes the incoming value when the incoming
 * time wins (`<` earlier for first, `>=` later or equal for last), else keeps its own. The time column comes
 * last, so each comparison reads the row's old time on MySQL as on SQLite (see upsertRow).
 */
function touchEnd(end: 'first' | 'last'): Partial<Record<keyof VisitorTouchRow & string, UpsertSet>> {
  const at = `${end}TouchAt`;
  const wins: UpsertSet = (sql) => `${sql.incoming(at)} ${end === 'first' ? '<' : '>='} ${sql.column(at)}`;
  const pick =
    (property: string): UpsertSet =>
    (sql) =>
      `CASE WHEN ${wins(sql)} THEN ${sql.incoming(property)} ELSE ${sql.column(property)} END`;
  const set: Partial<Record<string, UpsertSet>> = {};
  for (const field of TOUCH_FIELDS) set[`${end}${field}`] = pick(`${end}${field}`);
  set[at] = pick(at);
  return set;
}

function touchColumns(end: 'first' | 'last', touch: Touch): Partial<VisitorTouchRow> {
  return {
    [`${end}TouchAt`]: touch.at,
    [`${end}ShareLinkId`]: touch.shareLinkId,
    [`${end}SharerMemberId`]: touch.sharerMemberId,
    [`${end}Channel`]: touch.channel,
    [`${end}LiveSessionId`]: touch.liveSessionId,
  };
}

/**
 * First and last touch per visitor, each written by ONE upsert: parallel touches of one visitor cannot lose
 * the earliest first touch or leave the last touch older than one already stored.
 */
@Injectable()
export class TouchesService {
  constructor(private readonly transactions: TransactionRunner) {}

  /** A device opened the storefront from a share link or channel (before or without login). */
  recordForDevice(deviceId: string, touch: Touch): Promise<void> {
    return this.transactions.run((manager) => this.write(manager, { visitorKey: deviceVisitor(deviceId), deviceId, memberId: null }, touch, touch));
  }

  /** A member arrived with a share link or channel (sent with the login). */
  recordForMember(manager: EntityManager, memberId: number, touch: Touch): Promise<void> {
    return this.write(manager, { visitorKey: memberVisitor(memberId), deviceId: null, memberId }, touch, touch);
  }

  /**
   * At login: the device's touches become the member's (first = the earlier of the two, last = the later),
   * and the device row remembers the member (the first member only: a shared device is not re-assigned).
   */
  async attachDevice(manager: EntityManager, deviceId: string, memberId: number): Promise<void> {
    const device = await manager.findOneBy(VisitorTouchRow, { visitorKey: deviceVisitor(deviceId) });
    if (!device) return;
    await manager.update(VisitorTouchRow, { visitorKey: device.visitorKey, memberId: IsNull() }, { memberId });
    if (device.memberId !== null && device.memberId !== memberId) return;
    const end = (prefix: 'first' | 'last'): Touch => ({
      at: device[`${prefix}TouchAt`],
      shareLinkId: device[`${prefix}ShareLinkId`],
      sharerMemberId: device[`${prefix}SharerMemberId`],
      channel: device[`${prefix}Channel`],
      liveSessionId: device[`${prefix}LiveSessionId`],
    });
    await this.write(manager, { visitorKey: memberVisitor(memberId), deviceId, memberId }, end('first'), end('last'));
  }

  private write(
    manager: EntityManager,
    visitor: Pick<VisitorTouchRow, 'visitorKey' | 'deviceId' | 'memberId'>,
    first: Touch,
    last: Touch,
  ): Promise<void> {
    return upsertRow(manager, VisitorTouchRow, { ...visitor, ...touchColumns('first', first), ...touchColumns('last', last) }, ['visitorKey'], {
      ...touchEnd('first'),
      ...touchEnd('last'),
    });
  }
}
