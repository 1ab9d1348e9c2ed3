import type { Fen } from '../money';

/**
 * A member level (会员等级): reached by the amount a member paid over a trailing window (refunds
 * deducted). `GET /api/v1/admin/member-levels` lists them by rank (the lowest, rank 0, needs nothing).
 */
export interface MemberLevel {
  id: number;
  name: string;
  /** 0 = the entry level; higher is better. */
  rank: number;
  /** Net paid over the window needed to hold this level. */
  minPaidFen: Fen;
  /** Member price: the share of the price a member of this level pays on eligible products (95 = 95折; 100 = no discount). */
  memberPricePercent: number;
  /** Goods at or above this amount ship free for this level (null: the shop's own rule only). */
  freeShippingThresholdFen: Fen | null;
}
