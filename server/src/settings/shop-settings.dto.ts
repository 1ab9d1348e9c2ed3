import { IsInt, Max, Min, ValidateIf } from 'class-validator';
import type { ShopSettings } from '../../../shared';

const MAX_FEN = 100_000_000;

export class ShopSettingsDto implements ShopSettings {
  @IsInt()
  @Min(0)
  @Max(MAX_FEN)
  shippingFeeFen: number;

  /** null: no free-shipping threshold. */
  @ValidateIf((_, value) => value !== null)
  @IsInt()
  @Min(0)
  @Max(MAX_FEN)
  freeShippingThresholdFen: number | null;

  @IsInt()
  @Min(5)
  @Max(1440)
  unpaidTimeoutMinutes: number;

  @IsInt()
  @Min(1)
  @Max(30)
  autoConfirmDays: number;
}
