import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AdminShopProfile, ReturnAddress, ShopProfile } from '../../../shared';
import { returnAddressOf } from '../after-sales/after-sale-views';
import { AnswerTags, answersEdited } from '../platform/cache/cache-changes';
import { ShortLivedValue } from '../platform/cache/short-lived-value';
import { SINGLE_ROW_ID, writeSingleRow } from '../platform/database/single-row';
import { TransactionRunner } from '../platform/database/transaction-runner';
import { ShopProfileRow } from './shop-profile.entity';
import { SHOP_SETTINGS_CACHE_MS } from './shop-settings.service';

/** What a new shop shows until the owner saves its own profile. */
export const DEFAULT_SHOP_PROFILE: AdminShopProfile = {
  shopName: '山野茶事',
  logoUrl: null,
  servicePhone: null,
  serviceHours: null,
  announcement: null,
  returnAddress: null,
};

/** The shop's public face and return address; read by every storefront launch, so cached like the settings. */
@Injectable()
export class ShopProfileService {
  private readonly current = new ShortLivedValue(SHOP_SETTINGS_CACHE_MS, () => this.read());

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly transactions: TransactionRunner,
  ) {}

  /** The staff's view, with the return address. */
  get(): Promise<AdminShopProfile> {
    return this.current.get();
  }

  /** The shoppers' view: everything but the return address. */
  async getPublic(): Promise<ShopProfile> {
    const { returnAddress: _returnAddress, ...profile } = await this.get();
    return profile;
  }

  async getReturnAddress(): Promise<ReturnAddress | null> {
    return (await this.get()).returnAddress;
  }

  async save(profile: AdminShopProfile): Promise<AdminShopProfile> {
    const values = {
      shopName: profile.shopName.trim(),
      logoUrl: profile.logoUrl,
      servicePhone: blankToNull(profile.servicePhone),
      serviceHours: blankToNull(profile.serviceHours),
      announcement: blankToNull(profile.announcement),
      returnRecipientName: profile.returnAddress?.recipientName.trim() ?? null,
      returnPhone: profile.returnAddress?.phone.trim() ?? null,
      returnAddress: profile.returnAddress?.address.trim() ?? null,
    };
    await this.transactions.run(async (manager) => {
      await writeSingleRow(manager, ShopProfileRow, values);
      await answersEdited(manager, AnswerTags.shop);
    });
    this.current.forget();
    return this.get();
  }

  private async read(): Promise<AdminShopProfile> {
    const row = await this.dataSource.getRepository(ShopProfileRow).findOneBy({ id: SINGLE_ROW_ID });
    return row ? toProfile(row) : DEFAULT_SHOP_PROFILE;
  }
}

function blankToNull(value: string | null | undefined): string | null {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
}

function toProfile(row: ShopProfileRow): AdminShopProfile {
  return {
    shopName: row.shopName,
    logoUrl: row.logoUrl,
    servicePhone: row.servicePhone,
    serviceHours: row.serviceHours,
    announcement: row.announcement,
    returnAddress: returnAddressOf(row),
  };
}
