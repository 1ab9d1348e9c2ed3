import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AttributionModule } from '../attribution/attribution.module';
import { CheckoutParticipantsModule } from '../orders/participants/checkout-participants.module';
import { StaffModule } from '../staff/staff.module';
import { AdminReferralController } from './admin-referral.controller';
import { BindingsService } from './bindings.service';
import { CommissionOrderSteps } from './commission-order-steps';
import { CommissionReversalRow } from './commission-reversal.entity';
import { CommissionRow } from './commission.entity';
import { CommissionsService } from './commissions.service';
import { CurrentReferrerRow } from './current-referrer.entity';
import { LedgerEntryRow } from './ledger-entry.entity';
import { MyReferralService } from './my-referral.service';
import { OrderReferrersParticipant } from './order-referrers-participant';
import { OrderReferrersRow } from './order-referrers.entity';
import { ProductCommissionRateRow } from './product-commission-rate.entity';
import { ProductCommissionRatesService } from './product-commission-rates.service';
import { PromoterAccountRow } from './promoter-account.entity';
import { PromoterLedger } from './promoter-ledger';
import { PromoterRow } from './promoter.entity';
import { PromotersService } from './promoters.service';
import { ReferralBindingRow } from './referral-binding.entity';
import { ReferralController } from './referral.controller';
import { ReferralReportController } from './report/referral-report.controller';
import { ReferralReportService } from './report/referral-report.service';
import { ReferralSettingsRow } from './referral-settings.entity';
import { ReferralSettingsService } from './referral-settings.service';
import { CommissionSettlementSweeper } from './settlement-sweeper';
import { TeamsService } from './teams.service';

/**
 * Referral binding and 分销 (two levels, never more): settings, promoters, bindings, the order's earners,
 * commission records and the promoters' ledger. PromoterLedger is exported for the withdrawal module (hold/release).
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([
      ReferralSettingsRow,
      ProductCommissionRateRow,
      PromoterRow,
      CurrentReferrerRow,
      ReferralBindingRow,
      OrderReferrersRow,
      CommissionRow,
      CommissionReversalRow,
      PromoterAccountRow,
      LedgerEntryRow,
    ]),
    AttributionModule,
    CheckoutParticipantsModule,
    StaffModule,
  ],
  controllers: [ReferralController, AdminReferralController, ReferralReportController],
  providers: [
    ReferralSettingsService,
    ProductCommissionRatesService,
    PromotersService,
    TeamsService,
    BindingsService,
    OrderReferrersParticipant,
    CommissionsService,
    CommissionOrderSteps,
    CommissionSettlementSweeper,
    PromoterLedger,
    MyReferralService,
    ReferralReportService,
  ],
  exports: [ReferralSettingsService, PromoterLedger, PromotersService, BindingsService, CommissionsService],
})
export class ReferralModule {}
