import { PROMOTER_STATUSES, PROMOTER_STATUS_LABELS, type PromoterStatus } from '@shared/api/referral';
import type { PromoterDecision } from './referral-api';

/** What staff may do to a promoter in a status (the server allows each only from this status: approve / reject from 待审核…). */
const DECISIONS_BY_STATUS: Record<PromoterStatus, PromoterDecision[]> = {
  pending: ['approve', 'reject'],
  active: ['freeze'],
  frozen: ['unfreeze'],
  rejected: [],
};

export const DECISION_LABELS: Record<PromoterDecision, string> = { approve: '通过', reject: '拒绝', freeze: '冻结', unfreeze: '解冻' };

/** The decisions offered on a row: none to roles that cannot review (PROMOTER_REVIEW_ROLES). */
export function decisionsFor(status: PromoterStatus, canReview: boolean): PromoterDecision[] {
  return canReview ? DECISIONS_BY_STATUS[status] : [];
}

/** Reject and freeze ask for a reason, which the promoter sees. */
export function needsReason(decision: PromoterDecision): boolean {
  return decision === 'reject' || decision === 'freeze';
}

/** The promoter list's tabs: 全部, then the apply queue first. */
export type PromoterTab = PromoterStatus | 'all';
export const PROMOTER_TABS: PromoterTab[] = ['all', 'pending', 'active', 'frozen', 'rejected'];

export function promoterTabLabel(tab: PromoterTab): string {
  return tab === 'all' ? '全部' : tab === 'pending' ? '待审核（申请）' : PROMOTER_STATUS_LABELS[tab];
}

/** The tab the address asks for (?status=pending); 全部 for none or an unknown one. */
export function promoterTabFromQuery(status: string | null): PromoterTab {
  return status && (PROMOTER_STATUSES as readonly string[]).includes(status) ? (status as PromoterStatus) : 'all';
}
