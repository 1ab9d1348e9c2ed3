import { HttpStatus, Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import {
  REFERRAL_BINDING_REASON_LABELS,
  type MemberReferralBindings,
  type ReferralBindingOutcome,
  type ReferralBindingReason,
} from '../../../shared';
import { MemberArrivals, type MemberArrival } from '../attribution/member-arrivals';
import { MemberRow } from '../members/member.entity';
import { ApiException } from '../platform/errors/api-exception';
import { lockMember } from '../platform/database/member-lock';
import { TransactionRunner } from '../platform/database/transaction-runner';
import { upsertRow, incoming } from '../platform/database/upsert';
import { CurrentReferrerRow } from './current-referrer.entity';
import { PromoterRow } from './promoter.entity';
import { ReferralBindingRow } from './referral-binding.entity';
import { ReferralSettingsService } from './referral-settings.service';

const DAY_MS = 86_400_000;
/** How far up a referrer's chain the cycle check walks (chains are short; this only bounds bad data). */
const MAX_CHAIN_WALK = 64;

export interface BindAttempt {
  memberId: number;
  referrerMemberId: number;
  shareLinkId: number | null;
  /** The attempt comes with the member's first login. */
  registered: boolean;
  at: Date;
}

/** What an attempt did: a binding row's outcome and reason, or nothing (already bound to this referrer). */
export type BindResult = { outcome: ReferralBindingOutcome; reason: ReferralBindingReason } | null;

/** Share-locks a member's row until the transaction ends (SQLite runs transactions one at a time and needs none). */
async function shareLockMember(manager: EntityManager, memberId: number): Promise<void> {
  if (manager.connection.options.type === 'better-sqlite3') return;
  await manager.createQueryBuilder(MemberRow, 'm').select('m.id').where('m.id = :memberId', { memberId }).setLock('pessimistic_read').getOne();
}

export function bindingInForce(row: Pick<CurrentReferrerRow, 'expiresAt'> | null, at: Date): boolean {
  return row !== null && (row.expiresAt === null || row.expiresAt.getTime() > at.getTime());
}

/**
 * Who brought whom. A member arriving through someone's share link (MemberArrivals: a login or a touch while
 * logged in) is bound to the link's sharer per the shop's binding mode and scope: never to themselves, never
 * into a cycle (the referrer's chain may not lead back to the member), never to a frozen promoter, and in
 * 指定分销 only to an active promoter. Every binding, rebinding and refusal is a referral_bindings row; the
 * member's current referrer is referral_current_referrers. One member's attempts take turns on the member's
 * row lock, so parallel attempts end with one binding.
 */
@Injectable()
export class BindingsService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly transactions: TransactionRunner,
    private readonly settings: ReferralSettingsService,
    private readonly arrivals: MemberArrivals,
  ) {}

  onModuleInit(): void {
    this.arrivals.register({
      name: 'referral.bind-on-arrival',
      onArrival: (arrival: MemberArrival) =>
        this.attempt({ memberId: arrival.memberId, referrerMemberId: arrival.link.sharerMemberId, shareLinkId: arrival.link.id, registered: arrival.registered, at: arrival.at }).then(() => undefined),
    });
  }

  /** One attempt to bind `memberId` to `referrerMemberId`; answers what it recorded. */
  attempt(input: BindAttempt): Promise<BindResult> {
    // READ COMMITTED (MySQL/MariaDB): the chain walk reads each link fresh once it holds that member's share lock,
    // and no read takes a gap lock on a missing referral_current_referrers row (with the upsert below, two new members
    // binding to unrelated promoters would deadlock on the gap).
    return this.transactions.run(async (manager) => {
      await lockMember(manager, input.memberId);
      const decision = await this.decide(manager, input);
      if (!decision) return null;
      const binding = await manager.save(ReferralBindingRow, manager.create(ReferralBindingRow, {
        memberId: input.memberId,
        referrerMemberId: input.referrerMemberId,
        previousReferrerMemberId: decision.previous,
        outcome: decision.outcome,
        reason: decision.reason,
        shareLinkId: input.shareLinkId,
      }));
      if (decision.outcome !== 'refused') {
        const settings = await this.settings.current(manager);
        const expiresAt = settings.bindingMode === 'valid_days' ? new Date(input.at.getTime() + settings.bindingValidDays * DAY_MS) : null;
        await upsertRow(manager, CurrentReferrerRow, { memberId: input.memberId, referrerMemberId: input.referrerMemberId, boundAt: input.at, expiresAt, bindingId: binding.id }, ['memberId'], {
          referrerMemberId: incoming('referrerMemberId'),
          boundAt: incoming('boundAt'),
          expiresAt: incoming('expiresAt'),
          bindingId: incoming('bindingId'),
        });
      }
      return { outcome: decision.outcome, reason: decision.reason };
    }, { readCommitted: true });
  }

  private async decide(
    manager: EntityManager,
    input: BindAttempt,
  ): Promise<{ outcome: ReferralBindingOutcome; reason: ReferralBindingReason; previous: number | null } | null> {
    const refused = (reason: ReferralBindingReason, previous: number | null = null) => ({ outcome: 'refused' as const, reason, previous });
    // The member's own row: guarded by the member lock taken first (every binding of this member takes it).
    const current = await this.currentOf(manager, input.memberId);
    const previous = current?.referrerMemberId ?? null;
    if (input.referrerMemberId === input.memberId) return refused('self', previous);
    const settings = await this.settings.current(manager);
    const inForce = bindingInForce(current, input.at);
    // Coming back through the same referrer's link changes nothing (a valid_days binding keeps its own term).
    if (inForce && current!.referrerMemberId === input.referrerMemberId) return null;
    if (settings.bindScope === 'new_members' && !input.registered) return refused('not_new_member', previous);
    let bound: { outcome: ReferralBindingOutcome; reason: ReferralBindingReason; previous: number | null };
    if (inForce) {
      if (settings.bindingMode !== 'last_touch') return refused('already_bound', previous);
      bound = { outcome: 'rebound', reason: 'last_touch', previous };
    } else {
      bound = current ? { outcome: 'rebound', reason: 'expired_takeover', previous } : { outcome: 'bound', reason: 'first_binding', previous: null };
    }
    const promoter = await manager.findOneBy(PromoterRow, { memberId: input.referrerMemberId });
    if (promoter?.status === 'frozen') return refused('referrer_frozen', previous);
    if (settings.programMode === 'approved' && promoter?.status !== 'active') return refused('referrer_not_promoter', previous);
    if (await this.leadsBackTo(manager, input.referrerMemberId, input.memberId, input.at)) return refused('cycle', previous);
    return bound;
  }

  /**
   * Whether the referrer's chain (referrer, their referrer, …) reaches the member. Each link's member row is
   * share-locked before its referrer is read (a plain, fresh read): a binding of that member holds its member row
   * exclusively until it commits, so this walk waits for it and then sees it, and no binding of a member this walk
   * passed can commit before this one does. Two bindings that would close a loop wait for each other (InnoDB
   * kills one as a deadlock; TransactionRunner runs it again and it sees the other). Share locks do not conflict,
   * so many members binding to the same promoter at once do not queue on it, and no missing row is ever locked.
   */
  private async leadsBackTo(manager: EntityManager, referrerMemberId: number, memberId: number, at: Date): Promise<boolean> {
    let next = referrerMemberId;
    for (let step = 0; step < MAX_CHAIN_WALK; step++) {
      await shareLockMember(manager, next);
      const row = await this.currentOf(manager, next);
      if (!bindingInForce(row, at)) return false;
      if (row!.referrerMemberId === memberId) return true;
      next = row!.referrerMemberId;
    }
    return true;
  }

  private currentOf(manager: EntityManager, memberId: number): Promise<CurrentReferrerRow | null> {
    return manager.findOneBy(CurrentReferrerRow, { memberId });
  }

  /** The member's referrer now (null when none or lapsed). */
  async currentReferrerOf(memberId: number, at = new Date()): Promise<CurrentReferrerRow | null> {
    const row = await this.dataSource.getRepository(CurrentReferrerRow).findOneBy({ memberId });
    return bindingInForce(row, at) ? row : null;
  }

  /** Console: the member's current referrer and every attempt, newest first; 404 MEMBER_NOT_FOUND for no such member. */
  async historyOf(memberId: number): Promise<MemberReferralBindings> {
    if (!(await this.dataSource.getRepository(MemberRow).existsBy({ id: memberId }))) {
      throw new ApiException('MEMBER_NOT_FOUND', HttpStatus.NOT_FOUND, '会员不存在');
    }
    const [current, rows] = await Promise.all([
      this.currentReferrerOf(memberId),
      this.dataSource.getRepository(ReferralBindingRow).find({ where: { memberId }, order: { id: 'DESC' }, take: 200 }),
    ]);
    return {
      current: current ? { referrerMemberId: current.referrerMemberId, boundAt: current.boundAt.toISOString(), expiresAt: current.expiresAt?.toISOString() ?? null } : null,
      history: rows.map((row) => ({
        id: row.id,
        referrerMemberId: row.referrerMemberId,
        previousReferrerMemberId: row.previousReferrerMemberId,
        outcome: row.outcome,
        reason: row.reason,
        reasonText: REFERRAL_BINDING_REASON_LABELS[row.reason],
        createdAt: row.createdAt.toISOString(),
      })),
    };
  }
}
