import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CouponsModule } from '../../coupons/coupons.module';
import { LoyaltyModule } from '../../loyalty/loyalty.module';
import { CheckoutParticipantsModule } from '../../orders/participants/checkout-participants.module';
import { StaffModule } from '../../staff/staff.module';
import { ReferralModule } from '../referral.module';
import { InviteOrderInviterRow } from './invite-order-inviter.entity';
import { InviteOrderSteps } from './invite-order-steps';
import { InviteRewardRow } from './invite-reward.entity';
import { InviteRewardSweeper } from './invite-reward-sweeper';
import { AdminInviteRewardsController, InviteRewardsController } from './invite-rewards.controller';
import { InviteRewardsService } from './invite-rewards.service';
import { InviteRuleRow } from './invite-rule.entity';
import { InviteRuleService } from './invite-rule.service';

/**
 * 邀请有礼: the rule, the inviter fixed on a friend's possible first order, the reward recorded at its payment and
 * granted by a sweep after completion and the after-sale window (coupon or points). Never for a share or a registration.
 */
@Module({
  imports: [TypeOrmModule.forFeature([InviteRuleRow, InviteOrderInviterRow, InviteRewardRow]), ReferralModule, CouponsModule, LoyaltyModule, CheckoutParticipantsModule, StaffModule],
  controllers: [InviteRewardsController, AdminInviteRewardsController],
  providers: [InviteRuleService, InviteRewardsService, InviteOrderSteps, InviteRewardSweeper],
})
export class InviteRewardsModule {}
