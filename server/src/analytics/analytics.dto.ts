import { applyDecorators } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsInt, Matches, Max, Min, Validate, ValidatorConstraint, type ValidatorConstraintInterface } from 'class-validator';
import type { DueForRepurchaseQuery, RepeatPurchaseQuery } from '../../../shared';
import { MAX_ID } from '../platform/http/id-param.pipe';
import { PageQueryDto } from '../platform/http/page-query.dto';
import { isCalendarDay } from '../../../shared/china-time';
import { OptionalField } from '../platform/http/optional-field';

const DAY_FORMAT = /^\d{4}-\d{2}-\d{2}$/;
const MAX_FEN = 2_147_483_647;

@ValidatorConstraint({ name: 'calendarDay' })
class CalendarDay implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    return typeof value === 'string' && isCalendarDay(value);
  }

  defaultMessage(): string {
    return '不是存在的日期';
  }
}

/** A report's `from` or `to`: a real calendar day written YYYY-MM-DD (the message follows 「字段 from」). */
export function ReportDay(): PropertyDecorator {
  return applyDecorators(Matches(DAY_FORMAT, { message: '应为 YYYY-MM-DD 格式的日期' }), Validate(CalendarDay));
}

/** `?from=&to=` of the store metrics; the range itself (order, length) is checked by the service. */
export class RepeatPurchaseQueryDto implements RepeatPurchaseQuery {
  @ReportDay()
  from: string;

  @ReportDay()
  to: string;
}

/** Filters of the due-for-repurchase list and its CSV (min ≤ max is checked by the service). */
export class DueForRepurchaseQueryDto extends PageQueryDto implements DueForRepurchaseQuery {
  @OptionalField()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_ID)
  levelId?: number;

  @OptionalField()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(MAX_FEN)
  minSpentFen?: number;

  @OptionalField()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(MAX_FEN)
  maxSpentFen?: number;
}
