import { Type } from 'class-transformer';
import { IsInt, Matches, Max, Min, Validate } from 'class-validator';
import type { ReferralReportQuery } from '../../../../shared';
import { CalendarDay, DAY_FORMAT } from '../../analytics/analytics.dto';
import { MAX_ID } from '../../platform/http/id-param.pipe';
import { OptionalField } from '../../platform/http/optional-field';
import { PageQueryDto } from '../../platform/http/page-query.dto';

/** `?from=&to=&sharer=&page=&pageSize=` of the referral report and its CSV (the range itself is checked by the service). */
export class ReferralReportQueryDto extends PageQueryDto implements ReferralReportQuery {
  @Matches(DAY_FORMAT, { message: 'from 应为 YYYY-MM-DD' })
  @Validate(CalendarDay)
  from: string;

  @Matches(DAY_FORMAT, { message: 'to 应为 YYYY-MM-DD' })
  @Validate(CalendarDay)
  to: string;

  /** One sharer's figures only (their member id). */
  @OptionalField()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_ID)
  sharer?: number;
}
