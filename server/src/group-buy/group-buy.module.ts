import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CheckoutParticipantsModule } from '../orders/participants/checkout-participants.module';
import { ReferralModule } from '../referral/referral.module';
import { GroupBuyCampaignSkuRow } from './group-buy-campaign-sku.entity';
import { GroupBuyCampaignRow } from './group-buy-campaign.entity';
import { GroupBuyMemberUsageRow } from './group-buy-member-usage.entity';
import { GroupBuyOrderSteps } from './group-buy-order-steps';
import { GroupBuySeatParticipant } from './group-buy-seat-participant';
import { GroupBuySeatRow } from './group-buy-seat.entity';
import { GroupBuySeats } from './group-buy-seats';
import { GroupBuyTeamRow } from './group-buy-team.entity';

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
  ],
  controllers: [],
  providers: [GroupBuySeats, GroupBuySeatParticipant, GroupBuyOrderSteps],
  exports: [],
})
export class GroupBuyModule {}
