import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DEFAULT_LIVE_SETTINGS, type LiveSettings } from '../../../shared';
import { ShortLivedValue } from '../platform/cache/short-lived-value';
import { SINGLE_ROW_ID, writeSingleRow } from '../platform/database/single-row';
import { TransactionRunner } from '../platform/database/transaction-runner';
import { LiveSettingsRow } from './live-settings.entity';
import { HOUR_MS } from './live-time';

/** Every order reads the attribution window: an instance answers from its own copy this long (a save here refreshes it at once). */
export const LIVE_SETTINGS_CACHE_MS = 5_000;

/** The attribution window and the reminder lead, stored in the database so every instance applies the same ones. */
@Injectable()
export class LiveSettingsService {
  private readonly current = new ShortLivedValue(LIVE_SETTINGS_CACHE_MS, () => this.read());

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly transactions: TransactionRunner,
  ) {}

  get(): Promise<LiveSettings> {
    return this.current.get();
  }

  /** When the attribution window that ends at `now` began: touches (and Channels lives) since then count. */
  async attributionWindowStart(now: Date): Promise<Date> {
    const { attributionWindowHours } = await this.get();
    return new Date(now.getTime() - attributionWindowHours * HOUR_MS);
  }

  async save(settings: LiveSettings): Promise<LiveSettings> {
    const values = { attributionWindowHours: settings.attributionWindowHours, reminderLeadMinutes: settings.reminderLeadMinutes };
    await this.transactions.run((manager) => writeSingleRow(manager, LiveSettingsRow, values));
    this.current.forget();
    return this.get();
  }

  private async read(): Promise<LiveSettings> {
    const row = await this.dataSource.getRepository(LiveSettingsRow).findOneBy({ id: SINGLE_ROW_ID });
    return row ? { attributionWindowHours: row.attributionWindowHours, reminderLeadMinutes: row.reminderLeadMinutes } : DEFAULT_LIVE_SETTINGS;
  }
}
