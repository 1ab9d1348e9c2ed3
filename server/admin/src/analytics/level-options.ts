import type { MemberLevel } from '@shared/api/loyalty';
import { ApiRequestError, http } from '@/api/client';

/** The level filter's choices, or why there are none (the shop may run a version without member levels). */
export type LevelChoices =
  | { status: 'loading' }
  | { status: 'loaded'; options: { label: string; value: number }[] }
  | { status: 'unavailable' }
  | { status: 'failed'; message: string };

export function fetchMemberLevels(): Promise<MemberLevel[]> {
  return http.get<MemberLevel[]>('/member-levels');
}

/** Levels by rank as select options; a 404 means levels are not offered here, which is not an error to shout about. */
export async function loadLevelChoices(fetchLevels: () => Promise<MemberLevel[]> = fetchMemberLevels): Promise<LevelChoices> {
  try {
    const levels = await fetchLevels();
    const options = [...levels].sort((a, b) => a.rank - b.rank).map((level) => ({ label: level.name, value: level.id }));
    return { status: 'loaded', options };
  } catch (error) {
    if (error instanceof ApiRequestError && error.status === 404) return { status: 'unavailable' };
    return { status: 'failed', message: error instanceof ApiRequestError ? error.message : '会员等级加载失败' };
  }
}

/** What the level select shows as its placeholder (short: it sits in a narrow filter field). */
export function levelPlaceholder(choices: LevelChoices): string {
  switch (choices.status) {
    case 'loading':
      return '正在加载等级…';
    case 'loaded':
      return choices.options.length > 0 ? '全部等级' : '尚未设置等级';
    case 'unavailable':
      return '等级功能未开通';
    case 'failed':
      return '等级加载失败';
  }
}
