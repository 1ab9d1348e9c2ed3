import { formatFen, parseYuanToFen, type Fen } from '@shared/money';

/**
 * The one place where money typed by a person (yuan text such as "19.9") meets the integer fen of the API.
 * Forms keep the text as typed; conversion happens only when loading and saving, never through floats.
 */
export function fenToYuanText(fen: Fen | null | undefined): string {
  return fen === null || fen === undefined ? '' : formatFen(fen);
}

/** Fen for a typed amount; null for blank text. Throws on text that is not an amount (the form rule rejects it first). */
export function yuanTextToFen(text: string | null | undefined): Fen | null {
  if (!text || !text.trim()) return null;
  const fen = parseYuanToFen(text);
  if (fen === null) throw new Error(`not a yuan amount: ${text}`);
  return fen;
}

export interface AmountRule {
  required: boolean;
  /** Zero is refused (a price); otherwise zero is a valid amount (a fee that may be free). */
  positive?: boolean;
}

/** Why a typed amount is unacceptable, or null when it is fine. */
export function yuanTextProblem(text: string | null | undefined, { required, positive = false }: AmountRule): string | null {
  if (!text || !text.trim()) return required ? '请输入金额' : null;
  const fen = parseYuanToFen(text);
  if (fen === null) return '请输入金额，最多两位小数，例如 19.90';
  return positive && fen === 0 ? '金额必须大于 0' : null;
}
