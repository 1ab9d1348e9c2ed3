import { ProFormDependency, ProFormDigit, ProFormRadio, ProFormSelect, ProFormSwitch, ProFormTextArea } from '@ant-design/pro-components';
import type { AdminCouponTemplate } from '@shared/api/coupons';
import {
  INVITE_REWARD_KINDS,
  MAX_INVITE_REWARD_POINTS,
  MAX_INVITE_RULE_TEXT_LENGTH,
  inducedSharingPhrase,
  inviteSummary,
  rewardTextOf,
  type InviteRewardKind,
  type InviteRule,
  type InviteRuleView,
} from '@shared/api/invite-rewards';
import { App, Typography } from 'antd';
import { SettingsForm } from '@/common/SettingsForm';
import { saveInviteRule } from './invite-api';

const KIND_LABELS: Record<InviteRewardKind, string> = { coupon: '优惠券', points: '积分' };

/** The server's 诱导分享 check, before saving. */
function checkRuleText(value = ''): Promise<void> {
  const phrase = inducedSharingPhrase(value);
  return phrase ? Promise.reject(new Error(`不能把分享、转发、进群或注册和奖励连在一起（“${phrase}”）：微信禁止诱导分享`)) : Promise.resolve();
}

function ruleOf(view: InviteRuleView): InviteRule {
  const { enabled, rewardKind, couponTemplateId, points, ruleText } = view;
  return { enabled, rewardKind, couponTemplateId, points, ruleText };
}

/** The option of a template: its name, rule and what is left (the owner picks one that can still be granted). */
function templateLabel(template: AdminCouponTemplate): string {
  return `${template.name}（${template.ruleText}，剩 ${template.totalQuantity - template.claimedCount} 张，${template.validityText}）`;
}

interface InviteRuleFormProps {
  saved: InviteRuleView;
  onSaved: (rule: InviteRuleView) => void;
  /** Templates in progress (进行中): the ones a reward may be. */
  templates: AdminCouponTemplate[];
}

/**
 * The 邀请有礼 rule (owner): on/off, the reward (a coupon template in progress or N points), the owner's words,
 * and a preview of what shoppers read. Turning it off asks first.
 */
export function InviteRuleForm({ saved, onSaved, templates }: InviteRuleFormProps) {
  const { modal } = App.useApp();
  const options = templates.map((template) => ({ value: template.id, label: templateLabel(template) }));
  // The saved coupon may have been paused, ended or used up since: it stays listed, marked, so the owner sees why to change it.
  if (saved.rewardKind === 'coupon' && saved.couponTemplateId !== null && !templates.some((template) => template.id === saved.couponTemplateId)) {
    options.unshift({ value: saved.couponTemplateId, label: `${saved.couponName ?? `优惠券 ${saved.couponTemplateId}`}（已暂停、结束或发完，请换一张）` });
  }
  const nameOf = (id: number | null) => templates.find((template) => template.id === id)?.name ?? (id !== null && id === saved.couponTemplateId ? saved.couponName : null);

  const confirmTurningOff = async (values: InviteRule): Promise<boolean> => {
    if (!saved.enabled || values.enabled) return true;
    return modal.confirm({
      title: '关闭邀请有礼？',
      content: '关闭后，好友新付款的首单不再计入奖励；已经付款、正在等待确认收货和售后期的首单仍按原规则发放。',
      okText: '确认关闭',
      cancelText: '取消',
    });
  };

  const save = async (values: InviteRule) => {
    const next = await saveInviteRule({
      enabled: values.enabled,
      rewardKind: values.rewardKind,
      couponTemplateId: values.rewardKind === 'coupon' ? (values.couponTemplateId ?? null) : null,
      points: values.rewardKind === 'points' ? (values.points ?? null) : null,
      ruleText: values.ruleText ?? '',
    });
    onSaved(next);
    return ruleOf(next);
  };

  return (
    <SettingsForm<InviteRule>
      name="invite-rule"
      ruleText={saved.summary}
      initialValues={ruleOf(saved)}
      save={save}
      savedText="邀请有礼规则已保存"
      confirm={confirmTurningOff}
      wrapperSpan={14}
    >
      <ProFormSwitch name="enabled" label="开启邀请有礼" />
      <ProFormRadio.Group name="rewardKind" label="奖励" options={INVITE_REWARD_KINDS.map((kind) => ({ value: kind, label: KIND_LABELS[kind] }))} />
      <ProFormDependency name={['rewardKind']}>
        {({ rewardKind }) =>
          rewardKind === 'points' ? (
            <ProFormDigit
              name="points"
              label="奖励积分"
              min={1}
              max={MAX_INVITE_REWARD_POINTS}
              width="sm"
              fieldProps={{ precision: 0, addonAfter: '积分', 'aria-label': '奖励积分' }}
              extra={`每位好友首单完成后发给邀请人（1–${MAX_INVITE_REWARD_POINTS}），记入积分明细`}
            />
          ) : (
            <ProFormSelect
              name="couponTemplateId"
              label="奖励优惠券"
              placeholder="选择一张进行中的优惠券"
              options={options}
              fieldProps={{ 'aria-label': '奖励优惠券', showSearch: true, optionFilterProp: 'label' }}
              extra="每位好友首单完成后发一张给邀请人，不受这张券的每人限领限制；建议用「仅员工发放」的券，顾客在领券中心领不到"
            />
          )
        }
      </ProFormDependency>
      <ProFormTextArea
        name="ruleText"
        label="补充说明"
        placeholder="例如：奖励券领取后 7 天内有效"
        rules={[{ validator: (_rule: unknown, value?: string) => checkRuleText(value) }]}
        fieldProps={{ maxLength: MAX_INVITE_RULE_TEXT_LENGTH, showCount: true, autoSize: { minRows: 2, maxRows: 5 } }}
        extra="不能写“分享即送”“转发有奖”“注册就领红包”之类的话：微信禁止诱导分享，奖励只在好友首单完成后发放"
      />
      <ProFormDependency name={['enabled', 'rewardKind', 'couponTemplateId', 'points', 'ruleText']}>
        {(values: Partial<InviteRule>) => {
          const rewardText = rewardTextOf({ rewardKind: values.rewardKind ?? 'coupon', points: values.points ?? null }, nameOf(values.couponTemplateId ?? null));
          return (
            <div className="invite-rule-preview" style={{ margin: '0 0 24px', padding: 16, borderRadius: 8, background: '#fff5f2', maxWidth: 520 }}>
              <Typography.Text type="secondary">顾客在「邀请有礼」页看到：</Typography.Text>
              <Typography.Paragraph style={{ margin: '8px 0 0' }}>{inviteSummary(Boolean(values.enabled), rewardText, saved.afterSaleWindowDays)}</Typography.Paragraph>
              {values.ruleText?.trim() && <Typography.Paragraph style={{ margin: '8px 0 0' }}>{values.ruleText.trim()}</Typography.Paragraph>}
            </div>
          );
        }}
      </ProFormDependency>
    </SettingsForm>
  );
}
