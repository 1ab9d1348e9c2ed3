import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OrdersModule } from '../orders/orders.module';
import { CheckoutParticipantsModule } from '../orders/participants/checkout-participants.module';
import { PaymentsModule } from '../payments/payments.module';
import { ReferralModule } from '../referral/referral.module';
import { StaffModule } from '../staff/staff.module';
import { SubscribeMessagesModule } from '../subscribe-messages/subscribe-messages.module';
import { AdminGroupBuyEndController } from './admin-group-buy-end.controller';
import { AdminGroupBuyController } from './admin-group-buy.controller';
import { GroupBuyCampaignSkuRow } from './group-buy-campaign-sku.entity';
import { GroupBuyCampaignRow } from './group-buy-campaign.entity';
import { GroupBuyCampaignsService } from './group-buy-campaigns.service';
import { GroupBuyEndingService } from './group-buy-ending.service';
import { GroupBuyMemberUsageRow } from './group-buy-member-usage.entity';
import { GroupBuyNotices } from './group-buy-notices';
import { GroupBuyOrdersController } from './group-buy-orders.controller';
import { GroupBuyOrderSteps } from './group-buy-order-steps';
import { GroupBuySeatParticipant } from './group-buy-seat-participant';
import { GroupBuySeatRow } from './group-buy-seat.entity';
import { GroupBuySeats } from './group-buy-seats';
import { GroupBuyShopperService } from './group-buy-shopper.service';
import { GroupBuyTeamRow } from './group-buy-team.entity';
import { GroupBuyController } from './group-buy.controller';
import { LostSeatRefundSweeper } from './lost-seat-refund-sweeper';
import { TeamExpirySweeper } from './team-expiry-sweeper';

/**
 * 拼团: campaigns (admin), teams as seat counters, the seat as a checkout participant, the group price as a
 * price source, order hooks and guards (no shipping, after-sale or commission while a team forms), the expiry
 * sweep (virtual completion or failure) and automatic refunds of lost seats.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([GroupBuyCampaignRow, GroupBuyCampaignSkuRow, GroupBuyTeamRow, GroupBuySeatRow, GroupBuyMemberUsageRow]),
    CheckoutParticipantsModule,
    ReferralModule,
    OrdersModule,
    PaymentsModule,
    StaffModule,
    SubscribeMessagesModule,
  ],
  controllers: [AdminGroupBuyController, GroupBuyController, AdminGroupBuyEndController, GroupBuyOrdersController],
  providers: [
    GroupBuyCampaignsService,
    GroupBuyShopperService,
    GroupBuySeats,
    GroupBuySeatParticipant,
    GroupBuyOrderSteps,
    TeamExpirySweeper,
    LostSeatRefundSweeper,
    GroupBuyEndingService,
    GroupBuyNotices,
  ],
  exports: [GroupBuyCampaignsService, GroupBuyShopperService],
})
export class GroupBuyModule {}
