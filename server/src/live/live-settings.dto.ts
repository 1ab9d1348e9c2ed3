import { IsInt, Max, Min } from 'class-validator';
import type { LiveSettings } from '../../../shared';

/** `PUT /admin/live/settings`: both values, whole numbers within their bounds. */
export class LiveSettingsDto implements LiveSettings {
  @IsInt({ message: '归因窗口必须是整数小时' })
  @Min(1, { message: '归因窗口至少 1 小时' })
  @Max(168, { message: '归因窗口最多 168 小时（7 天）' })
  attributionWindowHours: number;

  @IsInt({ message: '提醒提前量必须是整数分钟' })
  @Min(1, { message: '至少提前 1 分钟提醒' })
  @Max(1440, { message: '最多提前 1440 分钟（1 天）提醒' })
  reminderLeadMinutes: number;
}
