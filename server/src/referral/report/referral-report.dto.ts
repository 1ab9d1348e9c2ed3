import { Type } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';
import type { ReferralReportQuery } from '../../../../shared';
import { ReportDay } from '../../analytics/analytics.dto';
import { MAX_ID } from '../../platform/http/id-param.pipe';
import { OptionalField } from '../../platform/http/optional-field';
import { PageQueryDto } from '../../platform/http/page-query.dto';

/** `?from=&to=&sharer=&page=&pageSize=` of the referral report and its CSV (the range itself is checked by the service). */
export class ReferralReportQueryDto extends PageQueryDto implements ReferralReportQuery {
  @ReportDay()
  from: string;

  @ReportDay()
  to: string;

  /** One sharer's figures only (their member id). */
  @OptionalField()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_ID)
  sharer?: number;
}
