import type { ApiError, FieldError } from '@shared/errors';
import { MEMBER_LEVEL_RULES as RULES, type MemberLevel, type SaveMemberLevelsRequest } from '@shared/api/loyalty';
import { fenToYuanText, yuanTextProblem, yuanTextToFen } from '@/common/money-text';

/** One tier as the editor holds it: amounts as typed yuan text, the rank as its position in the list. */
export interface LevelRowValues {
  name: string;
  /** Net paid over the window to hold the level; the first tier's is fixed at 0. */
  minPaid: string;
  memberPricePercent: number | null;
  /** Blank: the shop's own shipping rule only. */
  freeShippingThreshold: string;
}

export interface LevelFormValues {
  levels: LevelRowValues[];
}

export type LevelRowField = keyof LevelRowValues;

/** A problem the editor shows beside one field of one tier (or, with `index` null, about the whole list). */
export interface LevelProblem {
  index: number | null;
  field: LevelRowField | null;
  message: string;
}

const MAX_YUAN_TEXT = fenToYuanText(RULES.maxFen).replace(/\.00$/, '');

export function levelsToForm(levels: MemberLevel[]): LevelFormValues {
  return {
    levels: levels.map((level) => ({
      name: level.name,
      minPaid: fenToYuanText(level.minPaidFen),
      memberPricePercent: level.memberPricePercent,
      freeShippingThreshold: fenToYuanText(level.freeShippingThresholdFen),
    })),
  };
}

/** A blank tier to append: its threshold is left for the person to type (it must exceed the last one). */
export function newLevelRow(): LevelRowValues {
  return { name: '', minPaid: '', memberPricePercent: 100, freeShippingThreshold: '' };
}

/** The request for valid form values (levelProblems found nothing). */
export function formToRequest(values: LevelFormValues): SaveMemberLevelsRequest {
  return {
    levels: values.levels.map((row, index) => ({
      name: row.name.trim(),
      minPaidFen: index === 0 ? 0 : (yuanTextToFen(row.minPaid) ?? 0),
      memberPricePercent: row.memberPricePercent ?? 100,
      freeShippingThresholdFen: yuanTextToFen(row.freeShippingThreshold),
    })),
  };
}

/**
 * Every problem of the tier list, by the rules the server applies (MEMBER_LEVEL_RULES): 2–8 tiers; names of
 * 1–10 characters, each used once; the first tier needs 0 and every next one strictly more; member price a
 * whole percent of 1–100; amounts up to 1 000 000 元.
 */
export function levelProblems(values: LevelFormValues): LevelProblem[] {
  const rows = values.levels;
  const problems: LevelProblem[] = [];
  if (rows.length < RULES.minLevels || rows.length > RULES.maxLevels) {
    problems.push({ index: null, field: null, message: `等级数量须为 ${RULES.minLevels}–${RULES.maxLevels} 个` });
  }

  const names = rows.map((row) => row.name.trim());
  let previousFen: number | null = null;
  rows.forEach((row, index) => {
    const add = (field: LevelRowField, message: string) => problems.push({ index, field, message });

    if (!names[index]) add('name', '请输入等级名称');
    else if (names[index].length > RULES.nameMaxLength) add('name', `等级名称最多 ${RULES.nameMaxLength} 个字`);
    else if (names.indexOf(names[index]) !== index) add('name', '等级名称不能重复');

    if (index > 0) {
      const problem = amountProblem(row.minPaid, true);
      if (problem) {
        add('minPaid', problem);
        previousFen = null;
      } else {
        const fen = yuanTextToFen(row.minPaid)!;
        if (previousFen !== null && fen <= previousFen) add('minPaid', '门槛必须高于上一个等级');
        previousFen = fen;
      }
    } else {
      previousFen = 0;
    }

    const percent = row.memberPricePercent;
    if (percent === null || !Number.isInteger(percent) || percent < RULES.minPercent || percent > RULES.maxPercent) {
      add('memberPricePercent', `请输入 ${RULES.minPercent}–${RULES.maxPercent} 的整数，100 表示不打折`);
    }

    const shipping = amountProblem(row.freeShippingThreshold, false);
    if (shipping) add('freeShippingThreshold', shipping);
  });
  return problems;
}

function amountProblem(text: string, required: boolean): string | null {
  const problem = yuanTextProblem(text, { required, positive: required });
  if (problem) return problem;
  const fen = yuanTextToFen(text);
  return fen !== null && fen > RULES.maxFen ? `金额不能超过 ${MAX_YUAN_TEXT} 元` : null;
}

const FORM_FIELDS: Record<string, LevelRowField> = {
  name: 'name',
  minPaidFen: 'minPaid',
  memberPricePercent: 'memberPricePercent',
  freeShippingThresholdFen: 'freeShippingThreshold',
};

/**
 * The problems a 400 names: VALIDATION_FAILED lists field errors; MEMBER_LEVELS_INVALID names one
 * `{ field, message }`. Anything else is left to the message alone.
 */
export function serverLevelProblems(details: ApiError['details']): LevelProblem[] {
  if (Array.isArray(details)) return details.map(problemForServerField);
  if (details && typeof details.field === 'string' && typeof details.message === 'string') {
    return [problemForServerField({ field: details.field, message: details.message })];
  }
  return [];
}

/** The editor's field for a server error path: `levels.2.minPaidFen` → tier 2's 门槛; `levels` → the list. */
export function problemForServerField(error: FieldError): LevelProblem {
  const match = /^levels\.(\d+)\.(\w+)$/.exec(error.field);
  if (match && FORM_FIELDS[match[2]]) return { index: Number(match[1]), field: FORM_FIELDS[match[2]], message: error.message };
  return { index: null, field: null, message: error.message };
}

const FIELD_LABELS: Record<LevelRowField, string> = {
  name: '等级名称',
  minPaid: '升级门槛',
  memberPricePercent: '会员价',
  freeShippingThreshold: '包邮门槛',
};

/** A problem as one line of a message: 第 2 个等级的升级门槛：门槛必须高于上一个等级. */
export function levelProblemText(problem: LevelProblem): string {
  if (problem.index === null || problem.field === null) return problem.message;
  return `第 ${problem.index + 1} 个等级的${FIELD_LABELS[problem.field]}：${problem.message}`;
}

/** The member price as shops say it, beside the percent input: 95 → 95折, 90 → 9折, 100 → 不打折. */
export function discountLabel(percent: number | null): string {
  if (percent === null || !Number.isInteger(percent) || percent < RULES.minPercent || percent > RULES.maxPercent) return '';
  if (percent === 100) return '不打折';
  if (percent % 10 === 0) return `${percent / 10}折`;
  return percent < 10 ? `0.${percent}折` : `${percent}折`;
}
