import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { PromoterStatus, ReferralSettings } from '../../../shared';
import type { CheckoutParticipant, ParticipantQuote, QuoteInput, ReserveInput } from '../orders/participants/checkout-participant';
import { CheckoutParticipants } from '../orders/participants/checkout-participants';
import { bindingInForce } from './bindings.service';
import { OrderReferrersRow } from './order-referrers.entity';
import { isPromoter } from './promoters.service';
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
}

interface OrderReferrers {
  level1MemberId: number | null;
  level2MemberId: number | null;
  selfPurchase: boolean;
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
 * buyer when a promoter), level 2 the next one up; each only while their binding is in force and they are a promoter.
 * Two levels, never a third.
 */
@Injectable()
export class OrderReferrersParticipant implements CheckoutParticipant<OrderReferrers>, OnModuleInit {
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
  async quote({ memberId, forPreview, now, lines }: QuoteInput): Promise<ParticipantQuote<OrderReferrers>> {
    if (forPreview || lines.length === 0) return {};
    const settings = await this.settings.current();
    if (!settings.enabled) return {};
    const chain = await this.chainOf(memberId);
    const referrers = chain ? orderReferrers(chain, settings, memberId, now) : null;
    return referrers && (referrers.level1MemberId !== null || referrers.level2MemberId !== null) ? { hold: referrers } : {};
  }

  async reserve(manager: EntityManager, { hold, orderId, memberId }: ReserveInput<OrderReferrers>): Promise<void> {
    if (!hold) return;
    await manager.insert(OrderReferrersRow, { orderId, buyerMemberId: memberId, ...hold });
  }

  /** Nothing to give back: an order cancelled unpaid never earns (commission starts at payment). */
  async release(): Promise<void> {}

  /** The buyer's referrer and the referrer's referrer with their promoter statuses, in one read. */
  private async chainOf(memberId: number): Promise<ChainRow | null> {
    const rows: ChainRow[] = await this.dataSource.query(
      `SELECT c1.referrerMemberId AS level1, c1.expiresAt AS level1ExpiresAt, p1.status AS level1Status,
              c2.referrerMemberId AS level2, c2.expiresAt AS level2ExpiresAt, p2.status AS level2Status,
              pb.status AS buyerStatus
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
  const referrer = (id: number | null, expiresAt: Date | string | null, status: PromoterStatus | null): number | null =>
    id !== null && bindingInForce({ expiresAt: asDate(expiresAt) }, at) && isPromoter(status, settings) ? id : null;
  const level1 = referrer(chain.level1, chain.level1ExpiresAt, chain.level1Status);
  if (settings.selfPurchaseCommission && isPromoter(chain.buyerStatus, settings)) {
    return { level1MemberId: buyerId, level2MemberId: level1, selfPurchase: true };
  }
  const level2 = chain.level1 === null ? null : referrer(chain.level2, chain.level2ExpiresAt, chain.level2Status);
  return { level1MemberId: level1, level2MemberId: level2, selfPurchase: false };
}
