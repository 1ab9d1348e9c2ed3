import { IsIn } from 'class-validator';
import { OVERVIEW_PERIODS, type OverviewPeriod } from '../../../../shared';

/** `?period=` of 经营概览. */
export class OverviewQueryDto {
  @IsIn(OVERVIEW_PERIODS, { message: 'period 应为 today、yesterday 或 7d' })
  period: OverviewPeriod;
}
