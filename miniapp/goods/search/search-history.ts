/** How many past keywords 搜索历史 keeps. */
export const SEARCH_HISTORY_MAX = 10;

/** The newest keyword first, each once (case as typed), at most SEARCH_HISTORY_MAX. */
export function withKeyword(history: string[], keyword: string): string[] {
  const trimmed = keyword.trim();
  if (!trimmed) return history;
  return [trimmed, ...history.filter((past) => past !== trimmed)].slice(0, SEARCH_HISTORY_MAX);
}
