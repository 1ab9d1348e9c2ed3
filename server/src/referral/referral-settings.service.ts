import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { MAX_COMMISSION_RATE_BP, type ReferralSettings } from '../../../shared';
import { ShortLivedValue } from '../platform/cache/short-lived-value';
import { SINGLE_ROW_ID, writeSingleRow } from '../platform/database/single-row';
import { TransactionRunner } from '../platform/database/transaction-runner';
import { ApiException } from '../platform/errors/api-exception';
import { ReferralSettingsRow } from './referral-settings.entity';

/** A new shop: 分销 off, 人人分销, first touch for good, everyone may be bound, no rates yet, 7 days after-sale window. */
export const DEFAULT_REFERRAL_SETTINGS: ReferralSettings = {
  enabled: false,
  programMode: 'everyone',
  everyoneMinSpendFen: null,
  bindingMode: 'first_touch',
  bindingValidDays: 30,
  bindScope: 'everyone',
  level1RateBp: 0,
  level2RateBp: null,
  selfPurchaseCommission: false,
  afterSaleWindowDays: 7,
  withdrawalMinFen: 100,
  withdrawalDailyLimitFen: 500_000,
};

/** How long an instance uses its copy of the settings (checkout reads them for every order); a save here forgets it at once. */
export const REFERRAL_SETTINGS_CACHE_MS = 5_000;

const settingsInvalid = (message: string, details: Record<string, unknown>) =>
  new ApiException('REFERRAL_SETTINGS_INVALID', HttpStatus.BAD_REQUEST, message, details);

/** Level 1 + level 2 may not give away more than the line was paid (and there is no level 3 to add). */
export function assertRatesWithinLine(level1RateBp: number, level2RateBp: number | null): void {
  if (level1RateBp + (level2RateBp ?? 0) > MAX_COMMISSION_RATE_BP) {
    throw settingsInvalid('一级与二级佣金比例之和不能超过 100%', { level1RateBp, level2RateBp });
  }
}

/** The shop's 分销 settings: one row, the defaults until the owner saves. */
@Injectable()
export class ReferralSettingsService {
  private readonly cached = new ShortLivedValue(REFERRAL_SETTINGS_CACHE_MS, () => this.get());

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly transactions: TransactionRunner,
  ) {}

  async get(manager: EntityManager = this.dataSource.manager): Promise<ReferralSettings> {
    const row = await manager.findOneBy(ReferralSettingsRow, { id: SINGLE_ROW_ID });
    return row ? toSettings(row) : DEFAULT_REFERRAL_SETTINGS;
  }

  /** Up to REFERRAL_SETTINGS_CACHE_MS old (read with `manager` when stale inside a transaction). */
  current(manager?: EntityManager): Promise<ReferralSettings> {
    return this.cached.get(manager && (() => this.get(manager)));
  }

  async save(input: ReferralSettings): Promise<ReferralSettings> {
    assertRatesWithinLine(input.level1RateBp, input.level2RateBp);
    if (input.withdrawalMinFen > input.withdrawalDailyLimitFen) {
      throw settingsInvalid('单次最少提现金额不能超过每日提现上限', { withdrawalMinFen: input.withdrawalMinFen, withdrawalDailyLimitFen: input.withdrawalDailyLimitFen });
    }
    const values = toSettings(input);
    await this.transactions.run((manager) => writeSingleRow(manager, ReferralSettingsRow, values));
    this.cached.forget();
    return this.get();
  }
}

function toSettings(source: ReferralSettings): ReferralSettings {
  return {
    enabled: Boolean(source.enabled),
    programMode: source.programMode,
    everyoneMinSpendFen: source.everyoneMinSpendFen,
    bindingMode: source.bindingMode,
    bindingValidDays: source.bindingValidDays,
    bindScope: source.bindScope,
    level1RateBp: source.level1RateBp,
    level2RateBp: source.level2RateBp,
    selfPurchaseCommission: Boolean(source.selfPurchaseCommission),
    afterSaleWindowDays: source.afterSaleWindowDays,
    withdrawalMinFen: source.withdrawalMinFen,
    withdrawalDailyLimitFen: source.withdrawalDailyLimitFen,
  };
}
