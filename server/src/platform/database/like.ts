/** Escapes LIKE wildcards with `!` (use `ESCAPE '!'`): a search for "100%" matches the text "100%". */
export function escapeLike(text: string): string {
  return text.replace(/[!%_]/g, (char) => `!${char}`);
}
