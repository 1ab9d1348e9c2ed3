import { HttpStatus, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { OrderRow } from '../orders/order.entity';
import { OrdersService } from '../orders/orders.service';
import { RefundsService } from '../payments/refunds.service';
import { ApiException } from '../platform/errors/api-exception';
import { GroupBuyCampaignRow } from './group-buy-campaign.entity';
import { campaignNotFound } from './group-buy-errors';
import { quitRefusal } from './group-buy-quit-rules';
import { GroupBuySeatRow } from './group-buy-seat.entity';
import { GroupBuyTeamRow } from './group-buy-team.entity';
import { TeamExpirySweeper } from './team-expiry-sweeper';

/** Whole seconds: expiresAt is a DATETIME without fraction on MySQL, and must compare equal to the moment it was set to. */
const wholeSeconds = (date: Date) => new Date(Math.floor(date.getTime() / 1000) * 1000);

/** Ending a campaign early (staff), and a shopper's 取消拼团并退款. */
@Injectable()
export class GroupBuyEndingService {
  private readonly logger = new Logger('GroupBuyEnding');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly orders: OrdersService,
    private readonly expiry: TeamExpirySweeper,
    private readonly refunds: RefundsService,
  ) {}

  /**
   * Stops new teams and joins now (endedAt, conditional: once), cancels the unpaid leader orders of teams that never
   * opened, lets forming teams expire now, then runs the expiry sweep (virtual completion or failure, unpaid
   * joins cancelled, failed teams' orders refunded) at once.
   */
  async endCampaign(campaignId: number): Promise<void> {
    const now = wholeSeconds(new Date());
    const ended = await this.dataSource
      .createQueryBuilder()
      .update(GroupBuyCampaignRow)
      .set({ endedAt: now })
      .where('id = :campaignId AND endedAt IS NULL AND endsAt > :now', { campaignId, now })
      .execute();
    if (ended.affected !== 1) {
      const campaign = await this.dataSource.getRepository(GroupBuyCampaignRow).findOneBy({ id: campaignId });
      if (!campaign) throw campaignNotFound();
      throw new ApiException('GROUP_BUY_CAMPAIGN_ENDED', HttpStatus.CONFLICT, '拼团活动已结束');
    }
    // Unopened teams first, forming teams after: a leader's payment in flight (it may have read the campaign as
    // running before endedAt was written) holds its order's lock until it commits, so cancelling that order waits for
    // it; once the cancel is done the team either never opens (its payment is refunded) or is forming already and is
    // caught by the expiresAt update below. The other way round, a team opened in between stayed forming.
    const unopened = await this.dataSource
      .getRepository(OrderRow)
      .createQueryBuilder('o')
      .select('o.id', 'id')
      .innerJoin(GroupBuyTeamRow, 'tm', 'tm.id = o.groupBuyTeamId')
      .where("tm.campaignId = :campaignId AND tm.status = 'opening' AND o.status = 'pending_payment'", { campaignId })
      .getRawMany<{ id: number }>();
    for (const { id } of unopened) await this.orders.cancelUnpaid(Number(id), 'staff', '拼团活动已结束');
    await this.dataSource
      .createQueryBuilder()
      .update(GroupBuyTeamRow)
      .set({ expiresAt: now })
      .where("campaignId = :campaignId AND status = 'forming' AND expiresAt > :now", { campaignId, now })
      .execute();
    // The campaign has ended (committed): a failure here must not answer as if it had not. The periodic sweeps
    // (group-buy.expire-teams, group-buy.refund-lost-seats) finish what this run did not.
    try {
      await this.expiry.sweep(now);
    } catch (error) {
      this.logger.error(`campaign ${campaignId} ended; its teams are left to the periodic sweep: ${String(error)}`);
    }
  }

  /**
   * 取消拼团并退款: the whole order refunded (kind group_quit) while its team forms; the seat's release frees the seat
   * in the refund's transaction. If the team succeeded meanwhile the refund is refused (its hold is gone, or the
   * release finds the team no longer forming) and nothing is written.
   */
  async quit(memberId: number, orderNo: string): Promise<void> {
    const order = await this.orders.findOwned(memberId, orderNo);
    const seat = await this.dataSource.getRepository(GroupBuySeatRow).findOneBy({ orderId: order.id });
    if (!seat) throw new ApiException('ORDER_NOT_FOUND', HttpStatus.NOT_FOUND, '订单不存在');
    const team = await this.dataSource.getRepository(GroupBuyTeamRow).findOneByOrFail({ id: seat.teamId });
    const refusal = quitRefusal(order, seat, team);
    if (refusal) throw refusal;
    // The team may succeed between these reads and the refund: the refund checks the hold again under the order's lock.
    const closed = () => new ApiException('GROUP_BUY_TEAM_CLOSED', HttpStatus.CONFLICT, '这个团已结束，不能再取消拼团', { teamId: team.id });
    await this.refunds.startSystemRefund(
      { orderId: order.id, kind: 'group_quit', reason: '取消拼团，款项原路退回', items: null },
      { expectHold: { hold: 'group_buy', otherwise: closed } },
    );
  }
}
