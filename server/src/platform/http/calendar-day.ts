import { Validate, ValidatorConstraint, type ValidatorConstraintInterface } from 'class-validator';
import { isCalendarDay } from '../../../../shared/china-time';

@ValidatorConstraint({ name: 'calendarDay' })
class CalendarDayConstraint implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    return typeof value === 'string' && isCalendarDay(value);
  }

  defaultMessage(): string {
    return '日期应为存在的 YYYY-MM-DD';
  }
}

/** A query field that must name a real calendar day as `YYYY-MM-DD` (2026-02-30 is refused). */
export function IsCalendarDay(): PropertyDecorator {
  return Validate(CalendarDayConstraint);
}
