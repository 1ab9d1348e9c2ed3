import { applyDecorators } from '@nestjs/common';
import { IsISO8601, Matches } from 'class-validator';

/** RFC 3339 needs the zone: a time without Z or an offset would be read in the server's zone, not the shop's. */
const RFC3339_OFFSET = /(Z|[+-]\d{2}:\d{2})$/i;
const ZONE_REQUIRED = '时间必须带时区，如 2026-12-06T10:00:00+08:00';

/** A strict ISO 8601 timestamp that carries its zone, e.g. 2026-12-06T10:00:00+08:00. */
export function IsZonedTimestamp(): PropertyDecorator {
  return applyDecorators(IsISO8601({ strict: true }), Matches(RFC3339_OFFSET, { message: ZONE_REQUIRED }));
}
