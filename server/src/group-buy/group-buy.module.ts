import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { StaffModule } from '../staff/staff.module';
import { AdminGroupBuyController } from './admin-group-buy.controller';
import { GroupBuyCampaignsService } from './group-buy-campaigns.service';
import { GroupBuyShopperService } from './group-buy-shopper.service';
import { GroupBuyController } from './group-buy.controller';
import { GroupBuyCampaignSkuRow } from './group-buy-campaign-sku.entity';
import { GroupBuyCampaignRow } from './group-buy-campaign.entity';
import { GroupBuyMemberUsageRow } from './group-buy-member-usage.entity';
import { GroupBuySeatRow } from './group-buy-seat.entity';
import { GroupBuyTeamRow } from './group-buy-team.entity';

/**
 * 拼团: campaigns (admin), teams as seat counters, the seat as a checkout participant, the group price as a
 * price source, order hooks and guards (no shipping, after-sale or commission while a team forms), the expiry
 * sweep (virtual completion or failure) and automatic refunds of lost seats.
 */
@Module({
  imports: [TypeOrmModule.forFeature([GroupBuyCampaignRow, GroupBuyCampaignSkuRow, GroupBuyTeamRow, GroupBuySeatRow, GroupBuyMemberUsageRow]), StaffModule],
  controllers: [AdminGroupBuyController, GroupBuyController],
  providers: [GroupBuyCampaignsService, GroupBuyShopperService],
  exports: [GroupBuyCampaignsService, GroupBuyShopperService],
})
export class GroupBuyModule {}
