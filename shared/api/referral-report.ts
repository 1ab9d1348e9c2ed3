import type { Paginated } from './common';

/**
 * Where a share action happened, named like the share links' channels: 转发到聊天 (onShareAppMessage), 分享到朋友圈
 * (onShareTimeline), 海报保存. Share actions are counted for the referral report only: nothing is ever granted for
 * them (WeChat 运营规范 §5.1).
 */
export const SHARE_EVENT_CHANNELS = ['chat', 'moments', 'poster'] as const;
export type ShareEventChannel = (typeof SHARE_EVENT_CHANNELS)[number];

/**
 * `POST /api/v1/share-events` (member token) → 204. The caller's own share link (its short id); someone else's or
 * an unknown link is 404 SHARE_LINK_NOT_FOUND. Rate limited like share-link creation.
 */
export interface RecordShareEventRequest {
  shortId: string;
  channel: ShareEventChannel;
}

/** The five steps of the referral funnel (see server/README.md 推广报表 for how each is counted). */
export interface ReferralFunnelFigures {
  /** Share actions (转发、朋友圈、海报保存). */
  shares: number;
  /** Distinct visitors (devices) who opened the sharer's links. */
  visits: number;
  /** Members registered in the range who arrived through the sharer. */
  newMembers: number;
  /** Of those new members, the ones whose first paid order was paid in the range. */
  firstOrders: number;
  /** Paid orders attributed to the sharer (paid in the range, not fully refunded). */
  orders: number;
  /** What those orders paid minus their succeeded refunds, in fen. */
  gmvFen: number;
}

export interface ReferralReportDay extends ReferralFunnelFigures {
  day: string;
}

export interface ReferralSharerFigures extends ReferralFunnelFigures {
  sharerMemberId: number;
  nickname: string;
  /** Masked (138****0000). */
  phone: string | null;
}

/**
 * `GET /api/v1/admin/referral/report?from=YYYY-MM-DD&to=YYYY-MM-DD[&sharer=memberId][&page=&pageSize=]`
 * (ANALYTICS_ROLES). Both days inclusive, China time; from ≤ to (else 400 ANALYTICS_RANGE_INVALID), at most
 * MAX_ANALYTICS_RANGE_DAYS days (else 400 ANALYTICS_RANGE_TOO_LONG); a malformed day is 400 VALIDATION_FAILED.
 * `…/report.csv` with the same filters answers every sharer row as CSV.
 */
export interface ReferralReportQuery {
  from: string;
  to: string;
  sharer?: number;
  page?: number;
  pageSize?: number;
}

export interface ReferralReport {
  from: string;
  to: string;
  /** The whole range; visits are distinct over the range, so they can be fewer than the daily sum. */
  totals: ReferralFunnelFigures;
  /** One entry per day of the range, oldest first, zeros included. */
  daily: ReferralReportDay[];
  /** Sharers with any figure in the range, most GMV first. */
  sharers: Paginated<ReferralSharerFigures>;
}
