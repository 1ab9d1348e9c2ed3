import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { StaffModule } from '../../staff/staff.module';
import { ReferralModule } from '../referral.module';
import { AdminWithdrawalsController } from './admin-withdrawals.controller';
import { WithdrawalNotifyController } from './withdrawal-notify.controller';
import { WithdrawalRow } from './withdrawal.entity';
import { WithdrawalTransferSweeper } from './withdrawal-sweeper';
import { WithdrawalTransfers } from './withdrawal-transfers';
import { WithdrawalsController } from './withdrawals.controller';
import { WithdrawalsService } from './withdrawals.service';

/** Promoters' withdrawals through WeChat Pay 商家转账 (user-confirmation mode); the money moves through ReferralModule's PromoterLedger. */
@Module({
  imports: [TypeOrmModule.forFeature([WithdrawalRow]), ReferralModule, StaffModule],
  controllers: [WithdrawalsController, AdminWithdrawalsController, WithdrawalNotifyController],
  providers: [WithdrawalsService, WithdrawalTransfers, WithdrawalTransferSweeper],
})
export class WithdrawalsModule {}
