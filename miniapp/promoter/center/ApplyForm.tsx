import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, Textarea, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { MyPromoterStatus } from '@shared/api/referral';
import { applyPromoter } from '@/services/referral';

/** The longest note the server takes (ApplyPromoterDto). */
const NOTE_MAX_LENGTH = 200;

/**
 * 指定分销's application: the rule in plain words (free, no purchase needed), an optional note, and — after a
 * refusal — the shop's reason above the same form to apply again.
 */
export function ApplyForm({ rejectReason, onApplied }: { rejectReason: string | null; onApplied(status: MyPromoterStatus): void }) {
  const [note, setNote] = useState('');
  const [submitting, setSubmitting] = useState(false);

  const submit = async () => {
    setSubmitting(true);
    try {
      const status = await applyPromoter(note.trim());
      Taro.showToast({ title: '申请已提交', icon: 'success' });
      onApplied(status);
    } catch {
      // The request toasted the server's reason (e.g. 分销 was switched off meanwhile).
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <View className="apply-form">
      {rejectReason !== null && (
        <View className="promoter-notice promoter-notice--rejected">
          <Text className="promoter-notice__title">上次的申请未通过</Text>
          {rejectReason && <Text className="promoter-notice__reason">原因：{rejectReason}</Text>}
          <Text className="promoter-notice__text">你可以补充说明后重新申请。</Text>
        </View>
      )}
      <View className="promoter-section apply-rules">
        <Text className="promoter-section__title">成为推广员</Text>
        <Text className="promoter-section__line">申请不收任何费用，也不需要先购买商品。</Text>
        <Text className="promoter-section__line">店铺审核通过后，朋友通过你分享的商品或链接下单并付款，你可以按他们实际付款的金额获得佣金；只分享不产生佣金。</Text>
        <Text className="promoter-section__line">团队只有两级：你直接邀请的朋友，和他们邀请的朋友。</Text>
      </View>
      <View className="promoter-section">
        <Text className="promoter-section__title">申请说明（选填）</Text>
        <Textarea
          className="apply-form__note apply-note"
          value={note}
          maxlength={NOTE_MAX_LENGTH}
          placeholder="例如：我经常向朋友推荐茶叶，想成为推广员"
          onInput={(event) => setNote(event.detail.value)}
        />
        <Text className="apply-form__count">
          {note.length}/{NOTE_MAX_LENGTH}
        </Text>
      </View>
      <Button className="apply-form__submit apply-submit" type="primary" block loading={submitting} onClick={submit}>
        {rejectReason !== null ? '重新申请' : '提交申请'}
      </Button>
    </View>
  );
}
