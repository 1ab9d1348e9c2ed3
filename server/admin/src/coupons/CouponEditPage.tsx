import { PageContainer, ProForm } from '@ant-design/pro-components';
import type { CategoryNode } from '@shared/api/catalog';
import {
  COUPON_CHANNEL_LABELS,
  COUPON_CHANNELS,
  COUPON_MAX_PER_MEMBER_LIMIT,
  COUPON_MAX_TOTAL_QUANTITY,
  COUPON_MAX_VALID_DAYS,
  COUPON_SCOPE_LABELS,
  COUPON_SCOPES,
  COUPON_TYPE_LABELS,
  COUPON_TYPES,
  type AdminCouponTemplate,
} from '@shared/api/coupons';
import { App, Alert, Button, Card, DatePicker, Form, Input, InputNumber, Radio, Result, Space } from 'antd';
import type { Rule } from 'antd/es/form';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { ApiRequestError } from '@/api/client';
import { fetchCategoryTree } from '@/categories/categories-api';
import { errorText, notifyError, notifySuccess } from '@/common/feedback';
import { PageSpinner } from '@/common/PageSpinner';
import { YuanInput } from '@/common/YuanInput';
import {
  couponFieldProblem,
  formFieldForServerField,
  formValuesToRequest,
  lockedUpdateRequest,
  newCouponFormValues,
  templateToFormValues,
  typeFields,
  type CheckedField,
  type CouponFormValues,
} from './coupon-form';
import { CouponNameCheck } from './CouponNameCheck';
import { CouponScopePicker } from './CouponScopePicker';
import { createCouponTemplate, fetchCouponTemplate, updateCouponTemplate } from './coupons-api';

type LoadState =
  | { status: 'loading' }
  | { status: 'failed'; message: string }
  | { status: 'ready'; categories: CategoryNode[]; saved: AdminCouponTemplate | null };

/** Creates a coupon template (/coupons/new) or edits one (/coupons/:id/edit). */
export default function CouponEditPage() {
  const { id } = useParams();
  const templateId = id ? Number(id) : null;
  const navigate = useNavigate();
  const [load, setLoad] = useState<LoadState>({ status: 'loading' });

  useEffect(() => {
    let cancelled = false;
    Promise.all([fetchCategoryTree(), templateId ? fetchCouponTemplate(templateId) : Promise.resolve(null)])
      .then(([categories, saved]) => !cancelled && setLoad({ status: 'ready', categories, saved }))
      .catch((error: unknown) => !cancelled && setLoad({ status: 'failed', message: errorText(error) }));
    return () => {
      cancelled = true;
    };
  }, [templateId]);

  const back = () => navigate('/coupons');
  if (load.status === 'loading') return <PageSpinner />;
  if (load.status === 'failed') {
    return <Result status="error" title="优惠券加载失败" subTitle={load.message} extra={<Button onClick={back}>返回优惠券列表</Button>} />;
  }
  if (load.saved?.status === 'ended') {
    return <Result status="info" title="这张券已结束" subTitle="已结束的优惠券不能再编辑。" extra={<Button onClick={back}>返回优惠券列表</Button>} />;
  }
  return (
    <PageContainer title={templateId ? '编辑优惠券' : '新建优惠券'} onBack={back}>
      <CouponForm categories={load.categories} saved={load.saved} onSaved={back} />
    </PageContainer>
  );
}

function CouponForm({ categories, saved, onSaved }: { categories: CategoryNode[]; saved: AdminCouponTemplate | null; onSaved: () => void }) {
  const [form] = Form.useForm<CouponFormValues>();
  const { notification } = App.useApp();
  // Once members hold the coupon, the rules they received it under stay as they are.
  const locked = saved !== null && !saved.editable;
  const initialValues = saved ? templateToFormValues(saved) : newCouponFormValues();
  // The fields shown follow the type, the scope and the validity kind.
  const type = Form.useWatch('type', form) ?? initialValues.type;
  const scope = Form.useWatch('scope', form) ?? initialValues.scope;
  const validityKind = Form.useWatch('validityKind', form) ?? initialValues.validityKind;
  const shown = typeFields(type);

  const check =
    (field: CheckedField): Rule =>
    (instance) => ({
      validator: async () => {
        const problem = couponFieldProblem(field, instance.getFieldsValue(true) as CouponFormValues, saved ?? undefined);
        if (problem) throw new Error(problem);
      },
    });

  const save = async (): Promise<boolean> => {
    const values = form.getFieldsValue(true) as CouponFormValues;
    try {
      if (!saved) await createCouponTemplate(formValuesToRequest(values));
      else await updateCouponTemplate(saved.id, locked ? lockedUpdateRequest(values) : formValuesToRequest(values));
      notifySuccess('优惠券已保存');
      onSaved();
      return true;
    } catch (error) {
      showSaveError(error);
      return false;
    }
  };

  const showSaveError = (error: unknown) => {
    if (!(error instanceof ApiRequestError) || error.fieldErrors.length === 0) {
      notifyError(error);
      return;
    }
    const fields = error.fieldErrors.map((fieldError) => ({ name: formFieldForServerField(fieldError.field), errors: [fieldError.message] }));
    form.setFields(fields as Parameters<typeof form.setFields>[0]);
    notification.error({ message: error.message, description: fields.map((field) => field.errors[0]).join('；') });
  };

  return (
    <Card>
      {locked && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 24 }}
          message={`已有 ${saved.claimedCount} 张被领取：券的规则、范围和有效期开始时间不能再改；可以改名称、发放方式、发行总量（不少于已领取数）、每人限领（只能增加）和固定有效期的结束时间（只能延后）。`}
        />
      )}
      <ProForm<CouponFormValues>
        form={form}
        layout="horizontal"
        labelCol={{ span: 4 }}
        wrapperCol={{ span: 14 }}
        initialValues={initialValues}
        onValuesChange={(changed: Partial<CouponFormValues>) => {
          // Category ids and product ids are different things: switching the scope starts the choice over.
          if ('scope' in changed) form.setFieldValue('scopeIds', []);
        }}
        onFinish={save}
        onFinishFailed={() => notifyError('请先修正标红的内容')}
        submitter={{
          searchConfig: { submitText: '保存优惠券', resetText: '取消' },
          resetButtonProps: { onClick: onSaved },
          render: (_, buttons) => (
            <Form.Item wrapperCol={{ offset: 4 }}>
              <Space>{buttons}</Space>
            </Form.Item>
          ),
        }}
      >
        <Form.Item name="name" label="券名称" required rules={[check('name')]}>
          <Input aria-label="券名称" maxLength={30} showCount placeholder="例如：双十一满200减30" style={{ maxWidth: 400 }} />
        </Form.Item>
        <CouponNameCheck form={form} />
        <Form.Item name="type" label="类型" required>
          <Radio.Group disabled={locked} optionType="button" options={COUPON_TYPES.map((key) => ({ value: key, label: COUPON_TYPE_LABELS[key] }))} />
        </Form.Item>

        {type === 'newcomer' && (
          <Form.Item wrapperCol={{ offset: 4 }}>
            <Alert type="info" showIcon message="新人券在会员首次登录时自动发放，每人 1 张，不在领券中心展示。" />
          </Form.Item>
        )}
        {shown.threshold && (
          <Form.Item
            name="threshold"
            label="使用门槛"
            required={type === 'amount_off'}
            tooltip="所选范围内的商品金额满多少元可用"
            extra={type === 'amount_off' ? undefined : '留空表示无门槛'}
            dependencies={['type']}
            rules={[check('threshold')]}
          >
            <YuanInput aria-label="使用门槛" disabled={locked} addonBefore="满" style={{ maxWidth: 240 }} />
          </Form.Item>
        )}
        {shown.amountOff && (
          <Form.Item name="amountOff" label="减免金额" required dependencies={['type', 'threshold']} rules={[check('amountOff')]}>
            <YuanInput aria-label="减免金额" disabled={locked} addonBefore="减" style={{ maxWidth: 240 }} />
          </Form.Item>
        )}
        {shown.percent && (
          <Form.Item name="fold" label="折扣力度" required tooltip="顾客支付的折数，8.8 表示打 8.8 折" dependencies={['type']} rules={[check('fold')]}>
            <Input aria-label="折扣力度" disabled={locked} inputMode="decimal" addonAfter="折" placeholder="8.8" style={{ maxWidth: 160 }} />
          </Form.Item>
        )}
        {shown.percent && (
          <Form.Item name="maxDiscount" label="最高减免" required dependencies={['type']} rules={[check('maxDiscount')]}>
            <YuanInput aria-label="最高减免" disabled={locked} addonBefore="最多减" style={{ maxWidth: 260 }} />
          </Form.Item>
        )}

        <Form.Item name="scope" label="适用范围" required>
          <Radio.Group disabled={locked} options={COUPON_SCOPES.map((key) => ({ value: key, label: COUPON_SCOPE_LABELS[key] }))} />
        </Form.Item>
        {scope !== 'all' && (
          <Form.Item name="scopeIds" label={scope === 'categories' ? '适用分类' : '适用商品'} required dependencies={['scope']} rules={[check('scopeIds')]}>
            <CouponScopePicker key={scope} scope={scope} categories={categories} savedItems={saved?.scopeItems ?? []} disabled={locked} />
          </Form.Item>
        )}

        <Form.Item name="validityKind" label="有效期" required>
          <Radio.Group
            disabled={locked}
            options={[
              { value: 'fixed', label: '固定时间段' },
              { value: 'days_after_claim', label: '领取后 N 天内有效' },
            ]}
          />
        </Form.Item>
        {validityKind === 'fixed' ? (
          <Form.Item name="validRange" label="使用时间" required dependencies={['validityKind']} rules={[check('validRange')]}>
            <DatePicker.RangePicker
              aria-label="使用时间"
              showTime={{ format: 'HH:mm', defaultValue: [dayjs().startOf('day'), dayjs().endOf('day')] }}
              format="YYYY-MM-DD HH:mm"
              // Members who hold it keep its start; only the end can move later.
              disabled={[locked, false]}
            />
          </Form.Item>
        ) : (
          <Form.Item name="validDays" label="有效天数" required dependencies={['validityKind']} rules={[check('validDays')]}>
            <InputNumber aria-label="有效天数" disabled={locked} min={1} max={COUPON_MAX_VALID_DAYS} precision={0} addonBefore="领取后" addonAfter="天内有效" />
          </Form.Item>
        )}

        <Form.Item name="totalQuantity" label="发行总量" required extra={saved ? `已领取 ${saved.claimedCount} 张` : undefined} rules={[check('totalQuantity')]}>
          <InputNumber aria-label="发行总量" min={1} max={COUPON_MAX_TOTAL_QUANTITY} precision={0} addonAfter="张" style={{ width: 220 }} />
        </Form.Item>
        {type !== 'newcomer' && (
          <Form.Item name="perMemberLimit" label="每人限领" required dependencies={['type']} rules={[check('perMemberLimit')]}>
            <InputNumber aria-label="每人限领" min={1} max={COUPON_MAX_PER_MEMBER_LIMIT} precision={0} addonAfter="张" style={{ width: 180 }} />
          </Form.Item>
        )}
        {type !== 'newcomer' && (
          <Form.Item name="channel" label="发放方式" required tooltip="公开领取：领券中心和商品页可领；仅员工发放：只能由员工发给指定会员">
            <Radio.Group options={COUPON_CHANNELS.map((channel) => ({ value: channel, label: COUPON_CHANNEL_LABELS[channel] }))} />
          </Form.Item>
        )}
      </ProForm>
    </Card>
  );
}
