import type { MemberLevel } from '@shared/api/loyalty';
import { describe, expect, it } from 'vitest';
import {
  discountLabel,
  formToRequest,
  levelProblems,
  levelProblemText,
  levelsToForm,
  problemForServerField,
  serverLevelProblems,
  type LevelRowValues,
} from './level-form';

const DEFAULT_LEVELS: MemberLevel[] = [
  { id: 1, rank: 0, name: '普通会员', minPaidFen: 0, memberPricePercent: 100, freeShippingThresholdFen: null },
  { id: 2, rank: 1, name: '银卡', minPaidFen: 100_000, memberPricePercent: 98, freeShippingThresholdFen: 19_900 },
  { id: 3, rank: 2, name: '金卡', minPaidFen: 300_000, memberPricePercent: 95, freeShippingThresholdFen: 9_900 },
  { id: 4, rank: 3, name: '黑金', minPaidFen: 1_000_000, memberPricePercent: 88, freeShippingThresholdFen: 0 },
];

function row(name: string, minPaid: string, memberPricePercent: number | null = 100, freeShippingThreshold = ''): LevelRowValues {
  return { name, minPaid, memberPricePercent, freeShippingThreshold };
}

describe('level form ↔ API', () => {
  it('shows fen as yuan text and saves the same tiers back as integer fen', () => {
    const form = levelsToForm(DEFAULT_LEVELS);
    expect(form.levels[1]).toEqual({ name: '银卡', minPaid: '1000.00', memberPricePercent: 98, freeShippingThreshold: '199.00' });
    expect(form.levels[0].freeShippingThreshold).toBe('');
    expect(formToRequest(form)).toEqual({
      levels: DEFAULT_LEVELS.map(({ name, minPaidFen, memberPricePercent, freeShippingThresholdFen }) => ({
        name,
        minPaidFen,
        memberPricePercent,
        freeShippingThresholdFen,
      })),
    });
  });

  it('trims names, converts typed decimals without float error and always sends 0 for the first tier', () => {
    const request = formToRequest({ levels: [row(' 普通 ', 'ignored'), row('银卡', '0.29', 95, '99.9')] });
    expect(request.levels).toEqual([
      { name: '普通', minPaidFen: 0, memberPricePercent: 100, freeShippingThresholdFen: null },
      { name: '银卡', minPaidFen: 29, memberPricePercent: 95, freeShippingThresholdFen: 9990 },
    ]);
  });
});

describe('levelProblems', () => {
  it('accepts the default tiers', () => {
    expect(levelProblems(levelsToForm(DEFAULT_LEVELS))).toEqual([]);
  });

  it('refuses thresholds that do not increase, naming the tier', () => {
    const problems = levelProblems({ levels: [row('普通', '0'), row('银卡', '1000'), row('金卡', '1000'), row('黑金', '500')] });
    expect(problems).toEqual([
      { index: 2, field: 'minPaid', message: '门槛必须高于上一个等级' },
      { index: 3, field: 'minPaid', message: '门槛必须高于上一个等级' },
    ]);
  });

  it('refuses a zero, blank, malformed or absurd threshold above the first tier', () => {
    const problems = levelProblems({
      levels: [row('普通', ''), row('A', '0'), row('B', ''), row('C', '12.345'), row('D', '1000001')],
    });
    expect(problems.map((problem) => [problem.index, problem.message])).toEqual([
      [1, '金额必须大于 0'],
      [2, '请输入金额'],
      [3, '请输入金额，最多两位小数，例如 19.90'],
      [4, '金额不能超过 1000000 元'],
    ]);
  });

  it('keeps the member price a whole percent of 1–100', () => {
    const levels = [row('普通', '0', 100), row('A', '1', 0), row('B', '2', 101), row('C', '3', 95.5), row('D', '4', null), row('E', '5', 1)];
    const flagged = levelProblems({ levels })
      .filter((problem) => problem.field === 'memberPricePercent')
      .map((problem) => problem.index);
    expect(flagged).toEqual([1, 2, 3, 4]);
  });

  it('refuses blank, too long and repeated names', () => {
    const problems = levelProblems({ levels: [row('  ', '0'), row('一二三四五六七八九十一', '1'), row('银卡', '2'), row(' 银卡', '3')] });
    expect(problems).toEqual([
      { index: 0, field: 'name', message: '请输入等级名称' },
      { index: 1, field: 'name', message: '等级名称最多 10 个字' },
      { index: 3, field: 'name', message: '等级名称不能重复' },
    ]);
  });

  it('accepts a blank or zero free-shipping threshold and refuses a malformed one', () => {
    const problems = levelProblems({ levels: [row('普通', '0', 100, ''), row('银卡', '1', 100, '0'), row('金卡', '2', 100, '-5')] });
    expect(problems).toEqual([{ index: 2, field: 'freeShippingThreshold', message: '请输入金额，最多两位小数，例如 19.90' }]);
  });

  it('needs 2–8 tiers', () => {
    expect(levelProblems({ levels: [row('普通', '0')] })).toEqual([{ index: null, field: null, message: '等级数量须为 2–8 个' }]);
    const nine = Array.from({ length: 9 }, (_, index) => row(`L${index}`, String(index)));
    expect(levelProblems({ levels: nine })).toEqual([{ index: null, field: null, message: '等级数量须为 2–8 个' }]);
  });
});

describe('problemForServerField', () => {
  it('places the server error on the tier field it names, or on the list', () => {
    expect(problemForServerField({ field: 'levels.2.minPaidFen', message: '每个等级的门槛必须高于上一个等级' })).toEqual({
      index: 2,
      field: 'minPaid',
      message: '每个等级的门槛必须高于上一个等级',
    });
    expect(problemForServerField({ field: 'levels.0.freeShippingThresholdFen', message: 'x' }).field).toBe('freeShippingThreshold');
    expect(problemForServerField({ field: 'levels', message: '等级数量须为 2–8 个' })).toEqual({
      index: null,
      field: null,
      message: '等级数量须为 2–8 个',
    });
  });
});

describe('serverLevelProblems', () => {
  it('reads both the field list of VALIDATION_FAILED and the single field of MEMBER_LEVELS_INVALID', () => {
    expect(serverLevelProblems([{ field: 'levels.1.memberPricePercent', message: '不能大于 100' }])).toEqual([
      { index: 1, field: 'memberPricePercent', message: '不能大于 100' },
    ]);
    expect(serverLevelProblems({ field: 'levels.0.minPaidFen', message: '最低等级的门槛必须为 0' })).toEqual([
      { index: 0, field: 'minPaid', message: '最低等级的门槛必须为 0' },
    ]);
    expect(serverLevelProblems(undefined)).toEqual([]);
  });

  it('words a placed problem with the tier number and field for the message', () => {
    expect(levelProblemText({ index: 1, field: 'minPaid', message: '不能小于 0' })).toBe('第 2 个等级的升级门槛：不能小于 0');
    expect(levelProblemText({ index: null, field: null, message: '等级数量须为 2–8 个' })).toBe('等级数量须为 2–8 个');
  });
});

describe('discountLabel', () => {
  it('names the member price as shops do', () => {
    expect([95, 90, 88, 5, 100].map(discountLabel)).toEqual(['95折', '9折', '88折', '0.5折', '不打折']);
    expect(discountLabel(null)).toBe('');
    expect(discountLabel(120)).toBe('');
  });
});
