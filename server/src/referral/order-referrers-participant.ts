import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { PromoterStatus, ReferralSettings } from '../../../shared';
import type { CheckoutParticipant, ParticipantQuote, QuoteInput, ReserveInput } from '../orders/participants/checkout-participant';
import { CheckoutParticipants } from '../orders/participants/checkout-participants';
import { bindingInForce } from './bindings.service';
import { OrderReferrersRow } from './order-referrers.entity';
import { insertAutoPromoter, isPromoter, netSpentSql } from './promoters.service';
import { ReferralSettingsService } from './referral-settings.service';

/** Ranks after every participant with a price effect (it changes no price and refuses nothing). */
export const ORDER_REFERRERS_RANK = 900;

interface ChainRow {
  level1: number | null;
  level1ExpiresAt: Date | string | null;
  level1Status: PromoterStatus | null;
  level2: number | null;
  level2ExpiresAt: Date | string | null;
  level2Status: PromoterStatus | null;
  buyerStatus: PromoterStatus | null;
  /** 人人分销 with a minimum spend: what each spent (read only then; 0 otherwise). */
  level1SpentFen?: number | string;
  level2SpentFen?: number | string;
  buyerSpentFen?: number | string;
}

interface OrderReferrers {
  level1MemberId: number | null;
  level2MemberId: number | null;
  selfPurchase: boolean;
}

/** The earners, and those of them who just qualified as 人人分销 promoters (their row is written with the order). */
interface OrderReferrersHold extends OrderReferrers {
  newPromoters: number[];
}

/** A datetime as the driver answered it in a raw row (SQLite: UTC text without a zone). */
function asDate(value: Date | string | null): Date | null {
  if (value === null) return null;
  return value instanceof Date ? value : new Date(`${value.replace(' ', 'T')}Z`);
}

/**
 * Who earns on an order, decided from the server-side binding when the order is PLACED, and written with the
 * order (referral_order_referrers, in the order's transaction): a later rebinding never moves an existing order's
 * commission, and no client header can name a referrer. Level 1 is the buyer's referrer (or, with 自购返佣, the
 * buyer when a promoter), level 2 the next one up and only through a qualifying level 1; each only while their binding is in force and they are a promoter
 * (人人分销 with a minimum spend: once they reached it; their promoter row is written with the order). Two levels,
 * never a third.
 */
@Injectable()
export class OrderReferrersParticipant implements CheckoutParticipant<OrderReferrersHold>, OnModuleInit {
  readonly name = 'referral.order-referrers';
  readonly rank = ORDER_REFERRERS_RANK;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly participants: CheckoutParticipants,
    private readonly settings: ReferralSettingsService,
  ) {}

  onModuleInit(): void {
    this.participants.register(this);
  }

  /** Reads the chain for an order being placed (a preview shows nothing of it and reads nothing). */
  async quote({ memberId, forPreview, now, lines }: QuoteInput): Promise<ParticipantQuote<OrderReferrersHold>> {
    if (forPreview || lines.length === 0) return {};
    const settings = await this.settings.current();
    if (!settings.enabled) return {};
    const chain = await this.chainOf(memberId, settings);
    if (!chain) return {};
    const referrers = orderReferrers(chain, settings, memberId, now);
    if (referrers.level1MemberId === null && referrers.level2MemberId === null) return {};
    const rowless = [
      [chain.level1, chain.level1Status],
      [chain.level2, chain.level2Status],
      [memberId, chain.buyerStatus],
    ] as const;
    const earners = [referrers.level1MemberId, referrers.level2MemberId];
    const newPromoters = settings.programMode === 'everyone' ? rowless.filter(([id, status]) => id !== null && status === null && earners.includes(id)).map(([id]) => id!) : [];
    return { hold: { ...referrers, newPromoters } };
  }

  async reserve(manager: EntityManager, { hold, orderId, memberId, now }: ReserveInput<OrderReferrersHold>): Promise<void> {
    if (!hold) return;
    const { newPromoters, ...referrers } = hold;
    await manager.insert(OrderReferrersRow, { orderId, buyerMemberId: memberId, ...referrers });
    for (const promoterId of newPromoters) await insertAutoPromoter(manager, promoterId, now);
  }

  /** Nothing to give back: an order cancelled unpaid never earns (commission starts at payment). */
  async release(): Promise<void> {}

  /**
   * The buyer's referrer and the referrer's referrer with their promoter statuses, in one read (with what each
   * spent when 人人分销 has a minimum spend).
   */
  private async chainOf(memberId: number, settings: ReferralSettings): Promise<ChainRow | null> {
    const spent =
      settings.programMode === 'everyone' && settings.everyoneMinSpendFen !== null
        ? `, ${netSpentSql('c1.referrerMemberId')} AS level1SpentFen, ${netSpentSql('c2.referrerMemberId')} AS level2SpentFen, ${netSpentSql('m.id')} AS buyerSpentFen`
        : '';
    const rows: ChainRow[] = await this.dataSource.query(
      `SELECT c1.referrerMemberId AS level1, c1.expiresAt AS level1ExpiresAt, p1.status AS level1Status,
              c2.referrerMemberId AS level2, c2.expiresAt AS level2ExpiresAt, p2.status AS level2Status,
              pb.status AS buyerStatus${spent}
         FROM members m
         LEFT JOIN referral_current_referrers c1 ON c1.memberId = m.id
         LEFT JOIN referral_promoters p1 ON p1.memberId = c1.referrerMemberId
         LEFT JOIN referral_current_referrers c2 ON c2.memberId = c1.referrerMemberId
         LEFT JOIN referral_promoters p2 ON p2.memberId = c2.referrerMemberId
         LEFT JOIN referral_promoters pb ON pb.memberId = m.id
        WHERE m.id = ?`,
      [memberId],
    );
    return rows[0] ?? null;
  }
}

/** The two earners of an order from the buyer's chain (pure: the rules in one place). */
export function orderReferrers(chain: ChainRow, settings: ReferralSettings, buyerId: number, at: Date): OrderReferrers {
  const referrer = (id: number | null, expiresAt: Date | string | null, status: PromoterStatus | null, spent: number | string = 0): number | null =>
    id !== null && bindingInForce({ expiresAt: asDate(expiresAt) }, at) && isPromoter(status, settings, Number(spent)) ? id : null;
  const level1 = referrer(chain.level1, chain.level1ExpiresAt, chain.level1Status, chain.level1SpentFen);
  if (settings.selfPurchaseCommission && isPromoter(chain.buyerStatus, settings, Number(chain.buyerSpentFen ?? 0))) {
    return { level1MemberId: buyerId, level2MemberId: level1, selfPurchase: true };
  }
  // Level 2 earns only through a qualifying level 1 (in force, a promoter): a lapsed binding, a frozen B or a B
  // under the minimum spend cuts the chain there, so A never earns on C without B.
  const level2 = level1 === null ? null : referrer(chain.level2, chain.level2ExpiresAt, chain.level2Status, chain.level2SpentFen);
  return { level1MemberId: level1, level2MemberId: level2, selfPurchase: false };
}
