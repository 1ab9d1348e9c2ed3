import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { Fen, MemberLevel } from '../../../shared';
import { MemberRow } from '../members/member.entity';
import type { BuyerStanding } from '../orders/order-inputs';
import { LoyaltySettingsService } from './loyalty-settings.service';
import { MemberLevelsService } from './member-levels.service';
import { PointsService } from './points.service';

/** What checkout needs to know about the member's level and points. */
export interface CheckoutLoyalty {
  /** The member's current level (entry level if never computed). */
  level: MemberLevel;
  /** = level.memberPricePercent */
  memberPricePercent: number;
  /** = level.freeShippingThresholdFen */
  freeShippingThresholdFen: Fen | null;
  pointsBalance: number;
  /** Points worth 1 元 when redeemed (100). */
  pointsPerYuan: number;
  /** Max share of the goods (after coupon) points may pay (50). */
  pointsMaxSharePercent: number;
}

/** The loyalty side of checkout: the member's benefits, and redeeming / giving back points in the order's transaction. */
@Injectable()
export class LoyaltyCheckoutService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly levels: MemberLevelsService,
    private readonly settings: LoyaltySettingsService,
    private readonly points: PointsService,
  ) {}

  /** The member's level and points benefits, reading the member's standing. */
  async forCheckout(memberId: number): Promise<CheckoutLoyalty> {
    const member = await this.dataSource
      .getRepository(MemberRow)
      .findOne({ select: { id: true, levelId: true, pointsBalance: true }, where: { id: memberId } });
    return this.forStanding({ levelId: member?.levelId ?? null, pointsBalance: member?.pointsBalance ?? 0 });
  }

  /** The benefits of a standing already read (placing an order reads it with the address): no query of its own. */
  async forStanding(standing: BuyerStanding): Promise<CheckoutLoyalty> {
    const [settings, levels] = await Promise.all([this.settings.current(), this.levels.current()]);
    const level = await this.levels.levelOf(standing.levelId, levels);
    return {
      level,
      memberPricePercent: level.memberPricePercent,
      freeShippingThresholdFen: level.freeShippingThresholdFen,
      pointsBalance: standing.pointsBalance,
      pointsPerYuan: settings.pointsPerYuan,
      pointsMaxSharePercent: settings.pointsMaxSharePercent,
    };
  }

  /** Redeems points for the order inside its transaction; throws 409 POINTS_INSUFFICIENT when the balance is short. */
  spendPoints(manager: EntityManager, p: { memberId: number; orderId: number; orderNo: string; points: number }): Promise<void> {
    return this.points.spend(manager, p);
  }

  /**
   * Gives back the points the order redeemed, inside the cancellation's transaction. Idempotent; the
   * amount given back is what the ledger recorded for the order (`points` is what the order says it used).
   */
  returnPointsOfCancelledOrder(manager: EntityManager, p: { memberId: number; orderId: number; orderNo: string; points: number }): Promise<void> {
    if (p.points <= 0) return Promise.resolve();
    return this.points.returnForCancelledOrder(manager, p);
  }
}
