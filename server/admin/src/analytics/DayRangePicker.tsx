import { DatePicker } from 'antd';
import type { Dayjs } from 'dayjs';
import { notifyError } from '@/common/feedback';
import { chinaToday, fromDayRange, RANGE_PRESETS, rangeProblem, toDayRange, type DayRange } from './date-range';

/**
 * The reports' day range: presets beside it, no day after today (China), and a range the server would refuse
 * (too long, reversed) said at once instead of asked for.
 */
export function DayRangePicker({ range, onPick }: { range: DayRange; onPick: (range: DayRange) => void }) {
  const pick = (values: [Dayjs | null, Dayjs | null] | null) => {
    if (!values?.[0] || !values[1]) return;
    const picked = toDayRange([values[0], values[1]]);
    const problem = rangeProblem(picked);
    if (problem) notifyError(problem);
    else onPick(picked);
  };
  return (
    <DatePicker.RangePicker
      aria-label="统计时间范围"
      value={fromDayRange(range)}
      allowClear={false}
      presets={RANGE_PRESETS.map((preset) => ({ label: preset.label, value: preset.range(chinaToday()) }))}
      disabledDate={(day) => day.isAfter(chinaToday(), 'day')}
      onChange={pick}
    />
  );
}
