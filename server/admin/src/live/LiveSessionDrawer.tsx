import { ProFormSelect } from '@ant-design/pro-components';
import type { AdminProductDetail } from '@shared/api/admin';
import {
  LIVE_CHANNELS_ID_MAX_LENGTH,
  LIVE_FINDER_USER_NAME_MAX_LENGTH,
  LIVE_PROVIDER_LABELS,
  LIVE_PROVIDERS,
  LIVE_SESSION_STATUS_LABELS,
  LIVE_TITLE_MAX_LENGTH,
  type LiveSession,
} from '@shared/api/live';
import { Alert, DatePicker, Drawer, Form, Input, InputNumber, Radio } from 'antd';
import type { Rule } from 'antd/es/form';
import { useCallback, useState } from 'react';
import { ApiRequestError, isNotFound } from '@/api/client';
import { EditDrawerForm } from '@/common/EditDrawerForm';
import { notifyError, notifySuccess } from '@/common/feedback';
import { SingleImageInput } from '@/common/ImageListInput';
import { RemoteContent } from '@/common/RemoteContent';
import { useRemoteData } from '@/common/useRemoteData';
import { fetchCouponTemplate, fetchCouponTemplates } from '@/coupons/coupons-api';
import { fetchProduct } from '@/products/products-api';
import { createLiveSession, fetchLiveSession, updateLiveSession } from './live-api';
import {
  formFieldForServerField,
  formFieldForServerMessage,
  formValuesToInput,
  liveFieldProblem,
  newLiveFormValues,
  sessionToFormValues,
  type LiveCheckedField,
  type LiveFormValues,
} from './live-form';
import { FeaturedProductsField } from './FeaturedProductsField';

interface Props {
  /** The session to edit or read; null: a new one. */
  sessionId: number | null;
  /** An ended or cancelled session (or a read-only role): every field shown, nothing saved. */
  readOnly: boolean;
  onClose: () => void;
  onSaved: () => void;
}

interface Loaded {
  session: LiveSession | null;
  values: LiveFormValues;
}

/** A saved session with its featured products' SKUs (list prices), as the form shows it; a deleted product is marked. */
async function loadSessionForm(sessionId: number | null): Promise<Loaded> {
  if (sessionId === null) return { session: null, values: newLiveFormValues() };
  const session = await fetchLiveSession(sessionId);
  const details = await Promise.all(
    session.products.map((product) =>
      fetchProduct(product.productId).then(
        (detail): [number, AdminProductDetail | null] => [product.productId, detail],
        (error: unknown) => {
          if (isNotFound(error)) return [product.productId, null] as [number, null];
          throw error;
        },
      ),
    ),
  );
  return { session, values: sessionToFormValues(session, new Map(details)) };
}

/** 新建 / 编辑 / 查看 a live session in a drawer beside the list. */
export function LiveSessionDrawer({ sessionId, readOnly, onClose, onSaved }: Props) {
  const load = useCallback(() => loadSessionForm(sessionId), [sessionId]);
  const { state, reload } = useRemoteData(load);
  if (state.status !== 'ready') {
    return (
      <Drawer open width={960} title={sessionId === null ? '新建直播' : '直播场次'} onClose={onClose}>
        <RemoteContent state={state} loadingTip="正在加载直播场次…" failedTitle="直播场次加载失败" onRetry={reload}>
          {() => null}
        </RemoteContent>
      </Drawer>
    );
  }
  return <LiveSessionForm loaded={state.data} readOnly={readOnly} onClose={onClose} onSaved={onSaved} />;
}

function LiveSessionForm({ loaded, readOnly, onClose, onSaved }: { loaded: Loaded; readOnly: boolean; onClose: () => void; onSaved: () => void }) {
  const { session } = loaded;
  const [form] = Form.useForm<LiveFormValues>();
  const [initialValues] = useState(loaded.values);
  const provider = Form.useWatch('provider', form) ?? initialValues.provider;
  // On air: the live is running on that provider and room, so they stay as they are (the server refuses a change).
  const live = session?.status === 'live';

  const check =
    (field: LiveCheckedField): Rule =>
    (instance) => ({
      validator: async () => {
        const problem = liveFieldProblem(field, instance.getFieldsValue(true) as LiveFormValues);
        if (problem) throw new Error(problem);
      },
    });

  const save = async (): Promise<boolean> => {
    const values = form.getFieldsValue(true) as LiveFormValues;
    try {
      const input = formValuesToInput(values);
      if (session) await updateLiveSession(session.id, input);
      else await createLiveSession(input);
      notifySuccess('直播场次已保存');
      onSaved();
      return true;
    } catch (error) {
      showServerRefusal(form, values, error);
      return false;
    }
  };

  const title = !session ? '新建直播' : readOnly ? `查看直播：${session.title}` : `编辑直播：${session.title}`;
  return (
    <EditDrawerForm<LiveFormValues>
      title={title}
      form={form}
      initialValues={initialValues}
      width={960}
      labelSpan={4}
      readOnly={readOnly}
      submitText="保存直播"
      onClose={onClose}
      onSave={save}
    >
      {readOnly && session && (session.status === 'ended' || session.status === 'cancelled') && (
        <Alert type="info" showIcon style={{ marginBottom: 16 }} message={`直播${LIVE_SESSION_STATUS_LABELS[session.status]}，只能查看，不能再修改。`} />
      )}
      {live && !readOnly && (
        <Alert type="warning" showIcon style={{ marginBottom: 16 }} message="直播进行中：直播平台、视频号 ID 和直播间号不能再改；修改直播价立即对之后的下单生效。" />
      )}
      <Form.Item name="title" label="直播标题" required rules={[check('title')]}>
        <Input aria-label="直播标题" maxLength={LIVE_TITLE_MAX_LENGTH} showCount placeholder="例如：春茶开采直播 · 明前龙井专场" style={{ maxWidth: 480 }} />
      </Form.Item>
      <Form.Item name="coverUrl" label="封面" extra="建议 3:4 竖图，展示在直播页和首页横幅">
        <SingleImageInput data-testid="live-cover" />
      </Form.Item>
      <Form.Item name="provider" label="直播平台" required>
        <Radio.Group
          aria-label="直播平台"
          disabled={live || undefined}
          options={LIVE_PROVIDERS.map((value) => ({ value, label: LIVE_PROVIDER_LABELS[value] }))}
          optionType="button"
        />
      </Form.Item>
      {provider === 'channels' ? (
        <>
          <Form.Item
            name="finderUserName"
            label="视频号 ID"
            required
            rules={[check('finderUserName')]}
            extra="视频号助手「帐号设置」里的视频号 ID，以 sph 开头；小程序须与该视频号主体相同或已关联"
          >
            <Input aria-label="视频号 ID" placeholder="sph…" maxLength={LIVE_FINDER_USER_NAME_MAX_LENGTH} disabled={live || undefined} style={{ maxWidth: 360 }} />
          </Form.Item>
          <Form.Item name="feedId" label="直播 feedId" rules={[check('feedId')]} extra="选填：开播后可从 getChannelsLiveInfo 取得，填了可直接进入该场直播">
            <Input aria-label="直播 feedId" maxLength={LIVE_CHANNELS_ID_MAX_LENGTH} style={{ maxWidth: 360 }} />
          </Form.Item>
          <Form.Item name="noticeId" label="预告 ID" rules={[check('noticeId')]} extra="选填：视频号直播预告的 noticeId，填了会员可在小程序里直接预约视频号直播">
            <Input aria-label="预告 ID" maxLength={LIVE_CHANNELS_ID_MAX_LENGTH} style={{ maxWidth: 360 }} />
          </Form.Item>
        </>
      ) : (
        <Form.Item name="roomId" label="直播间号" required rules={[check('roomId')]} extra="小程序直播后台的房间号；开播和结束按直播间状态每分钟同步">
          <InputNumber aria-label="直播间号" disabled={live || undefined} style={{ width: 200 }} />
        </Form.Item>
      )}
      <Form.Item
        name="window"
        label="计划时间"
        required
        rules={[check('window')]}
        extra={
          provider === 'channels'
            ? '北京时间；视频号直播到点自动显示为直播中、到结束时间显示为已结束，也可以在列表里手动开播和结束'
            : '北京时间；小程序直播的开播和结束以直播间状态为准'
        }
      >
        <DatePicker.RangePicker
          aria-label="计划时间"
          showTime={{ format: 'HH:mm' }}
          format="YYYY-MM-DD HH:mm"
          // A session on air keeps its start; its end may still move.
          disabled={live ? [true, false] : undefined}
        />
      </Form.Item>
      <FeaturedProductsField form={form} readOnly={readOnly} />
      <ProFormSelect
        name="couponTemplateId"
        label="直播优惠券"
        showSearch
        debounceTime={300}
        extra="选填：仅可选「仅员工发放」的非新人券；直播进行中会员可在直播页领取，领取数量和每人限领按优惠券本身的设置"
        fieldProps={{ 'aria-label': '直播优惠券', placeholder: '选择进行中的优惠券', filterOption: false, allowClear: true, style: { maxWidth: 480 } }}
        request={async ({ keyWords }) => {
          // Only coupons staff hand out, not newcomer ones (filtered by the server): it refuses the others (a public one is claimable in 领券中心 before the live).
          const keyword = typeof keyWords === 'string' && keyWords.trim() ? keyWords.trim() : undefined;
          const page = await fetchCouponTemplates({ status: 'active', channel: 'staff', excludeType: 'newcomer', keyword, page: 1, pageSize: 20 });
          const options = page.items.map((template) => ({ value: template.id, label: `${template.name}（${template.ruleText}）` }));
          // The saved coupon stays nameable even when it is no longer active or a search no longer lists it.
          const saved = initialValues.couponTemplateId;
          if (saved === null || options.some((option) => option.value === saved)) return options;
          const template = await fetchCouponTemplate(saved).catch(() => null);
          return [{ value: saved, label: template ? `${template.name}（${template.ruleText}）` : `优惠券 ID ${saved}` }, ...options];
        }}
      />
    </EditDrawerForm>
  );
}

/** A refusal from the server: the fields it names get their message beside them, and the message says what went wrong. */
function showServerRefusal(form: ReturnType<typeof Form.useForm<LiveFormValues>>[0], values: LiveFormValues, error: unknown): void {
  if (!(error instanceof ApiRequestError)) {
    notifyError(error);
    return;
  }
  type FieldData = Parameters<typeof form.setFields>[0];
  if (error.fieldErrors.length > 0) {
    form.setFields(error.fieldErrors.map((fieldError) => ({ name: formFieldForServerField(fieldError.field, values), errors: [fieldError.message] })) as FieldData);
    notifyError(error.fieldErrors.map((fieldError) => fieldError.message).join('；'));
    return;
  }
  const field = error.code === 'LIVE_SESSION_INVALID' ? formFieldForServerMessage(error.message, values) : null;
  if (field) form.setFields([{ name: field, errors: [error.message] }] as FieldData);
  notifyError(error);
}
