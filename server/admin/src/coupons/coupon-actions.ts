import type { AdminCouponTemplate, CouponTemplateStatus } from '@shared/api/coupons';
import { COUPON_ADMIN_ROLES, COUPON_ISSUE_ROLES, type StaffRole } from '@shared/roles';
import type { CouponStatusAction } from './coupons-api';

export type CouponRowAction = 'edit' | 'issue' | CouponStatusAction;

const STATUS_ACTIONS: Record<CouponTemplateStatus, CouponStatusAction[]> = {
  active: ['pause', 'end'],
  paused: ['resume', 'end'],
  ended: [],
};

/**
 * What a staff member may do with a template in its state: edit and the status changes for coupon admins
 * (nothing once ended); issuing to members for issue roles, only while active (newcomer coupons are issued by
 * the shop itself at first login, so they are not offered).
 */
export function couponRowActions(template: Pick<AdminCouponTemplate, 'status' | 'type'>, role: StaffRole): CouponRowAction[] {
  const actions: CouponRowAction[] = [];
  const admin = COUPON_ADMIN_ROLES.includes(role);
  if (admin && template.status !== 'ended') actions.push('edit');
  if (COUPON_ISSUE_ROLES.includes(role) && template.status === 'active' && template.type !== 'newcomer') actions.push('issue');
  if (admin) actions.push(...STATUS_ACTIONS[template.status]);
  return actions;
}

export function canManageCoupons(role: StaffRole): boolean {
  return COUPON_ADMIN_ROLES.includes(role);
}

/** The confirmation for each status change: what it does to shoppers, and the button that confirms it. */
export const STATUS_ACTION_TEXTS: Record<CouponStatusAction, { label: string; title: string; description: string; confirm: string; done: string }> = {
  pause: {
    label: '暂停',
    title: '暂停发放这张券？',
    description: '暂停后顾客不能再领取，员工也不能发放；已领到的券照常可用，之后可以恢复。',
    confirm: '确认暂停',
    done: '已暂停',
  },
  resume: {
    label: '恢复',
    title: '恢复发放这张券？',
    description: '恢复后顾客可以继续领取。',
    confirm: '确认恢复',
    done: '已恢复',
  },
  end: {
    label: '结束',
    title: '结束这张券？',
    description: '结束后不能再领取、发放或编辑，且不能恢复；已领到的券在有效期内照常可用。',
    confirm: '确认结束',
    done: '已结束',
  },
};
