import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { LoyaltySettings } from '../../../shared';
import { ShortLivedValue } from '../platform/cache/short-lived-value';
import { SINGLE_ROW_ID, writeSingleRow } from '../platform/database/single-row';
import { TransactionRunner } from '../platform/database/transaction-runner';
import { LoyaltySettingsRow } from './loyalty-settings.entity';

/** What a new shop starts with: a 365-day level window, 1 point per 元 paid, 100 points = 1 元, up to 50% of the goods, 12 months to use them. */
export const DEFAULT_LOYALTY_SETTINGS: LoyaltySettings = {
  levelWindowDays: 365,
  pointsEarnedPerYuan: 1,
  pointsPerYuan: 100,
  pointsMaxSharePercent: 50,
  pointsExpiryMonths: 12,
};

/**
 * How long an instance answers checkout from its own copy of the points rule and the tiers (every order
 * reads them): a save on this instance refreshes it at once, other instances within this bound.
 */
export const LOYALTY_TERMS_CACHE_MS = 5_000;

/** The points rule and the level window, stored so every instance applies the same ones. */
@Injectable()
export class LoyaltySettingsService {
  private readonly cached = new ShortLivedValue(LOYALTY_TERMS_CACHE_MS, () => this.get());

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly transactions: TransactionRunner,
  ) {}

  async get(manager: EntityManager = this.dataSource.manager): Promise<LoyaltySettings> {
    const row = await manager.findOneBy(LoyaltySettingsRow, { id: SINGLE_ROW_ID });
    return row ? toSettings(row) : DEFAULT_LOYALTY_SETTINGS;
  }

  /** The settings as checkout applies them: up to LOYALTY_TERMS_CACHE_MS old (read in `manager`'s transaction when stale). */
  current(manager?: EntityManager): Promise<LoyaltySettings> {
    return this.cached.get(manager && (() => this.get(manager)));
  }

  /** Saves the settings; answers them and the window they replaced (a new window re-evaluates levels). */
  async save(settings: LoyaltySettings): Promise<{ saved: LoyaltySettings; previous: LoyaltySettings }> {
    const previous = await this.get();
    const values = toSettings(settings);
    await this.transactions.run((manager) => writeSingleRow(manager, LoyaltySettingsRow, values));
    this.cached.forget();
    return { saved: await this.get(), previous };
  }
}

function toSettings(source: LoyaltySettings): LoyaltySettings {
  return {
    levelWindowDays: source.levelWindowDays,
    pointsEarnedPerYuan: source.pointsEarnedPerYuan,
    pointsPerYuan: source.pointsPerYuan,
    pointsMaxSharePercent: source.pointsMaxSharePercent,
    pointsExpiryMonths: source.pointsExpiryMonths,
  };
}
