import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { ShopSettings } from '../../../shared';
import { isUniqueViolation, TransactionRunner } from '../platform/database/transaction-runner';
import { ShopSettingsRow } from './shop-settings.entity';

const SETTINGS_ROW_ID = 1;

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
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly transactions: TransactionRunner,
  ) {}

  async get(): Promise<ShopSettings> {
    const row = await this.dataSource.getRepository(ShopSettingsRow).findOneBy({ id: SETTINGS_ROW_ID });
    return row ? toShopSettings(row) : DEFAULT_SHOP_SETTINGS;
  }

  async save(settings: ShopSettings): Promise<ShopSettings> {
    const values = { ...settings };
    await this.transactions.run(async (manager) => {
      const updated = await manager.update(ShopSettingsRow, { id: SETTINGS_ROW_ID }, values);
      if (updated.affected) return;
      try {
        await manager.insert(ShopSettingsRow, { id: SETTINGS_ROW_ID, ...values });
      } catch (error) {
        // Another instance wrote the first row meanwhile: the last save wins, as an update would.
        if (!isUniqueViolation(error)) throw error;
        await manager.update(ShopSettingsRow, { id: SETTINGS_ROW_ID }, values);
      }
    });
    return this.get();
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
