import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import {
  PROMOTER_REVIEW_ROLES,
  REFERRAL_READ_ROLES,
  REFERRAL_SETTINGS_ROLES,
  type AdminCommissionRow,
  type AdminPromoter,
  type MemberReferralBindings,
  type Paginated,
  type ProductCommissionRate,
  type PromoterStatus,
  type PromoterTeamTree,
  type ReferralSettings,
} from '../../../shared';
import { assertRangeOrdered } from '../analytics/analytics-range';
import { CurrentStaff, Roles } from '../platform/auth/staff-auth.guard';
import { CsvDownload } from '../platform/http/csv-document';
import { ParseIdPipe } from '../platform/http/id-param.pipe';
import type { StaffRow } from '../staff/staff.entity';
import { BindingsService } from './bindings.service';
import { CommissionsService, type CommissionFilter } from './commissions.service';
import { ProductCommissionRatesService } from './product-commission-rates.service';
import { PromotersService, type PromoterDecision } from './promoters.service';
import { AdminCommissionQueryDto, AdminPromoterQueryDto, ProductCommissionRateDto, PromoterReasonDto, ReferralSettingsDto } from './referral.dto';
import { ReferralSettingsService } from './referral-settings.service';
import { TeamsService } from './teams.service';

/** Console: 分销设置, product rates, promoters (apply queue, decisions, team tree), bindings and commission records. */
@Controller('admin/referral')
export class AdminReferralController {
  constructor(
    private readonly settings: ReferralSettingsService,
    private readonly productRates: ProductCommissionRatesService,
    private readonly promoters: PromotersService,
    private readonly teams: TeamsService,
    private readonly bindings: BindingsService,
    private readonly commissions: CommissionsService,
  ) {}

  @Get('settings')
  @Roles(...REFERRAL_READ_ROLES)
  getSettings(): Promise<ReferralSettings> {
    return this.settings.get();
  }

  @Put('settings')
  @Roles(...REFERRAL_SETTINGS_ROLES)
  saveSettings(@Body() body: ReferralSettingsDto): Promise<ReferralSettings> {
    return this.settings.save(body);
  }

  @Get('product-rates')
  @Roles(...REFERRAL_READ_ROLES)
  listProductRates(): Promise<ProductCommissionRate[]> {
    return this.productRates.list();
  }

  @Put('product-rates/:productId')
  @Roles(...REFERRAL_SETTINGS_ROLES)
  saveProductRate(@Param('productId', ParseIdPipe) productId: number, @Body() body: ProductCommissionRateDto): Promise<ProductCommissionRate> {
    return this.productRates.save(productId, body);
  }

  @Delete('product-rates/:productId')
  @HttpCode(204)
  @Roles(...REFERRAL_SETTINGS_ROLES)
  removeProductRate(@Param('productId', ParseIdPipe) productId: number): Promise<void> {
    return this.productRates.remove(productId);
  }

  @Get('promoters')
  @Roles(...REFERRAL_READ_ROLES)
  listPromoters(@Query() query: AdminPromoterQueryDto, @CurrentStaff() staff: StaffRow): Promise<Paginated<AdminPromoter>> {
    return this.promoters.list(query, staff.role);
  }

  @Post('promoters/:memberId/approve')
  @HttpCode(200)
  @Roles(...PROMOTER_REVIEW_ROLES)
  approve(@Param('memberId', ParseIdPipe) memberId: number, @CurrentStaff() staff: StaffRow): Promise<{ memberId: number; status: PromoterStatus }> {
    return this.decide(memberId, 'approve', staff);
  }

  @Post('promoters/:memberId/reject')
  @HttpCode(200)
  @Roles(...PROMOTER_REVIEW_ROLES)
  reject(@Param('memberId', ParseIdPipe) memberId: number, @Body() body: PromoterReasonDto, @CurrentStaff() staff: StaffRow): Promise<{ memberId: number; status: PromoterStatus }> {
    return this.decide(memberId, 'reject', staff, body.reason.trim());
  }

  @Post('promoters/:memberId/freeze')
  @HttpCode(200)
  @Roles(...PROMOTER_REVIEW_ROLES)
  freeze(@Param('memberId', ParseIdPipe) memberId: number, @Body() body: PromoterReasonDto, @CurrentStaff() staff: StaffRow): Promise<{ memberId: number; status: PromoterStatus }> {
    return this.decide(memberId, 'freeze', staff, body.reason.trim());
  }

  @Post('promoters/:memberId/unfreeze')
  @HttpCode(200)
  @Roles(...PROMOTER_REVIEW_ROLES)
  unfreeze(@Param('memberId', ParseIdPipe) memberId: number, @CurrentStaff() staff: StaffRow): Promise<{ memberId: number; status: PromoterStatus }> {
    return this.decide(memberId, 'unfreeze', staff);
  }

  @Get('promoters/:memberId/team')
  @Roles(...REFERRAL_READ_ROLES)
  team(@Param('memberId', ParseIdPipe) memberId: number, @CurrentStaff() staff: StaffRow): Promise<PromoterTeamTree> {
    return this.teams.tree(memberId, staff.role);
  }

  @Get('members/:memberId/bindings')
  @Roles(...REFERRAL_READ_ROLES)
  bindingsOf(@Param('memberId', ParseIdPipe) memberId: number): Promise<MemberReferralBindings> {
    return this.bindings.historyOf(memberId);
  }

  @Get('commissions')
  @Roles(...REFERRAL_READ_ROLES)
  listCommissions(@Query() query: AdminCommissionQueryDto): Promise<Paginated<AdminCommissionRow>> {
    return this.commissions.adminPage(commissionFilterOf(query), query);
  }

  @Get('commissions/export')
  @Roles(...REFERRAL_READ_ROLES)
  @CsvDownload('commissions.csv', '佣金明细.csv')
  exportCommissions(@Query() query: AdminCommissionQueryDto): Promise<string> {
    return this.commissions.exportCsv(commissionFilterOf(query));
  }

  private async decide(memberId: number, decision: PromoterDecision, staff: StaffRow, reason: string | null = null) {
    const row = await this.promoters.decide(memberId, decision, staff.id, reason);
    return { memberId: row.memberId, status: row.status };
  }
}

/** The list's and the export's filter; a range ending before it starts is refused like the reports' (400 ANALYTICS_RANGE_INVALID). */
function commissionFilterOf(query: AdminCommissionQueryDto): CommissionFilter {
  if (query.from && query.to) assertRangeOrdered(query.from, query.to);
  return { promoterMemberId: query.promoterId, status: query.status, orderNo: query.orderNo, from: query.from, to: query.to };
}
