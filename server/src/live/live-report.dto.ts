import { ReportDay } from '../analytics/analytics.dto';
import { OptionalField } from '../platform/http/optional-field';
import { PageQueryDto } from '../platform/http/page-query.dto';

/** `?from=&to=&page=&pageSize=` of the live report and its CSV: China days of the planned start (both included), each optional. */
export class LiveReportQueryDto extends PageQueryDto {
  @OptionalField()
  @ReportDay()
  from?: string;

  @OptionalField()
  @ReportDay()
  to?: string;
}
