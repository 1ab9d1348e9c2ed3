/*
 * The demo history: six months of made-up members and orders a fresh install writes (SEED_DEMO_HISTORY) so the
 * console has figures to show. Its members' openids start with `demo-history-`; removing it removes them with
 * their orders, payments, refunds, after-sale cases, points, coupons, purchase stats and level history, takes
 * their sales off the products' sales counts and their coupons off the templates' counts, and touches nothing else.
 */

/** `GET /api/v1/admin/demo-history` (DEMO_DATA_ROLES) → DemoHistoryStatus. */
export interface DemoHistoryStatus {
  members: number;
  orders: number;
  /** Still being written (this server is seeding it right now). */
  seeding: boolean;
}

/**
 * `DELETE /api/v1/admin/demo-history` (DEMO_DATA_ROLES) → DemoHistoryRemoved: removes it in one transaction;
 * nothing to remove answers zeros. 409 DEMO_HISTORY_BUSY while it is still being written.
 */
export interface DemoHistoryRemoved {
  members: number;
  orders: number;
}
