import { Module } from '@nestjs/common';
import { CheckoutParticipantsModule } from '../orders/participants/checkout-participants.module';
import { StaffModule } from '../staff/staff.module';
import { AdminLoyaltyController } from './admin-loyalty.controller';
import { LoyaltyCheckoutService } from './loyalty-checkout.service';
import { LoyaltyOrderFollowers } from './loyalty-order-followers';
import { LoyaltySettingsService } from './loyalty-settings.service';
import { LevelReviewSweeper, PointsExpirySweeper } from './loyalty-sweepers';
import { MemberLevelsService } from './member-levels.service';
import { MembershipController } from './membership.controller';
import { MembershipService } from './membership.service';
import { PointsParticipant } from './points-participant';
import { PointsService } from './points.service';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoyaltySettingsRow } from './loyalty-settings.entity';
import { MemberLevelChangeRow } from './member-level-change.entity';
import { MemberLevelReviewRow } from './member-level-review.entity';
import { MemberLevelRow } from './member-level.entity';
import { PointsLedgerRow } from './points-ledger.entity';

/** Member levels and points: tiers and settings, level recomputation, the points ledger, and their part in checkout (PointsParticipant). */
@Module({
  imports: [TypeOrmModule.forFeature([LoyaltySettingsRow, MemberLevelChangeRow, MemberLevelReviewRow, MemberLevelRow, PointsLedgerRow]), StaffModule, CheckoutParticipantsModule],
  controllers: [MembershipController, AdminLoyaltyController],
  providers: [
    LoyaltySettingsService,
    MemberLevelsService,
    PointsService,
    MembershipService,
    LoyaltyCheckoutService,
    PointsParticipant,
    LoyaltyOrderFollowers,
    LevelReviewSweeper,
    PointsExpirySweeper,
  ],
  exports: [LoyaltyCheckoutService, PointsService, MemberLevelsService, LoyaltySettingsService],
})
export class LoyaltyModule {}
