import { MEMBER_LEVEL_RULES, type MemberLevelInput } from '../../../shared';

interface Tier {
  rank: number;
  minPaidFen: number;
}

/** The member's level: the highest tier whose threshold the net paid reaches (the entry tier needs 0). */
export function levelFor<T extends Tier>(levelsByRank: readonly T[], netPaidFen: number): T {
  let reached = levelsByRank[0];
  for (const level of levelsByRank) {
    if (level.minPaidFen <= netPaidFen) reached = level;
  }
  return reached;
}

/** The tier right above `current`, or null at the top. */
export function nextLevelAfter<T extends Tier>(levelsByRank: readonly T[], current: T): T | null {
  return levelsByRank.find((level) => level.rank > current.rank) ?? null;
}

/**
 * The rules a level list must meet beyond each field's range: the first tier needs 0, thresholds strictly
 * increase. Answers the first offending field and why, or null when the list is sound.
 */
export function levelListProblem(levels: readonly MemberLevelInput[]): { field: string; message: string } | null {
  if (levels.length < MEMBER_LEVEL_RULES.minLevels || levels.length > MEMBER_LEVEL_RULES.maxLevels) {
    return { field: 'levels', message: `等级数量须为 ${MEMBER_LEVEL_RULES.minLevels}–${MEMBER_LEVEL_RULES.maxLevels} 个` };
  }
  if (levels[0].minPaidFen !== 0) return { field: 'levels.0.minPaidFen', message: '最低等级的门槛必须为 0' };
  for (let index = 1; index < levels.length; index++) {
    if (levels[index].minPaidFen <= levels[index - 1].minPaidFen) {
      return { field: `levels.${index}.minPaidFen`, message: '每个等级的门槛必须高于上一个等级' };
    }
  }
  const names = levels.map((level) => level.name.trim());
  const repeated = names.findIndex((name, index) => names.indexOf(name) !== index);
  if (repeated >= 0) return { field: `levels.${repeated}.name`, message: '等级名称不能重复' };
  return null;
}
