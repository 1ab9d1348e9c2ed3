import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { ShopSettings } from '../../../shared';
import { ShortLivedValue } from '../platform/cache/short-lived-value';
import { SINGLE_ROW_ID, writeSingleRow } from '../platform/database/single-row';
import { TransactionRunner } from '../platform/database/transaction-runner';
import { ShopSettingsRow } from './shop-settings.entity';

/**
 * How long an instance answers from its own copy of the settings. Every order reads them, so the cache
 * saves a query per order; a save on this instance refreshes it at once, other instances within this bound.
 */
export const SHOP_SETTINGS_CACHE_MS = 5_000;

/** What a new shop starts with: ¥8 shipping, free from ¥99, 30 minutes to pay, 10 days to confirm receipt. */
export const DEFAULT_SHOP_SETTINGS: ShopSettings = {
  shippingFeeFen: 800,
  freeShippingThresholdFen: 9900,
  unpaidTimeoutMinutes: 30,
  autoConfirmDays: 10,
};

/** The shop's order rules, stored in the database so every instance applies the same ones. */
@Injectable()
export class ShopSettingsService {
  private readonly current = new ShortLivedValue(SHOP_SETTINGS_CACHE_MS, () => this.read());

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly transactions: TransactionRunner,
  ) {}

  get(): Promise<ShopSettings> {
    return this.current.get();
  }

  async save(settings: ShopSettings): Promise<ShopSettings> {
    const values = { ...settings };
    await this.transactions.run((manager) => writeSingleRow(manager, ShopSettingsRow, values));
    this.current.forget();
    return this.get();
  }

  private async read(): Promise<ShopSettings> {
    const row = await this.dataSource.getRepository(ShopSettingsRow).findOneBy({ id: SINGLE_ROW_ID });
    return row ? toShopSettings(row) : DEFAULT_SHOP_SETTINGS;
  }
}

function toShopSettings(row: ShopSettingsRow): ShopSettings {
  return {
    shippingFeeFen: row.shippingFeeFen,
    freeShippingThresholdFen: row.freeShippingThresholdFen,
    unpaidTimeoutMinutes: row.unpaidTimeoutMinutes,
    autoConfirmDays: row.autoConfirmDays,
  };
}
