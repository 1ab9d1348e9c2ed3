import { ProFormSelect } from '@ant-design/pro-components';
import { GROUP_BUY_RULES_MAX_LENGTH, GROUP_BUY_NAME_MAX_LENGTH, type GroupBuyCampaign } from '@shared/api/group-buy';
import { formatYuan } from '@shared/money';
import { Alert, Button, Checkbox, DatePicker, Form, Input, Switch, Table } from 'antd';
import type { FormInstance, Rule } from 'antd/es/form';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { ApiRequestError } from '@/api/client';
import { EditDrawerForm } from '@/common/EditDrawerForm';
import { errorText, notifyError, notifySuccess } from '@/common/feedback';
import { YuanInput } from '@/common/YuanInput';
import { fetchProduct, searchProductOptions } from '@/products/products-api';
import { CheckedNumberField } from '@/referral/CheckedNumberField';
import { createGroupBuyCampaign, updateGroupBuyCampaign } from './group-buy-api';
import {
  campaignToFormValues,
  formFieldForServerField,
  formValuesToInput,
  groupBuyFieldProblem,
  groupPriceProblem,
  leaderPriceProblem,
  MEMBER_TEAM_LIMIT_BOUNDS,
  MEMBER_UNIT_LIMIT_BOUNDS,
  newGroupBuyFormValues,
  skuRowsFor,
  TEAM_SIZE_BOUNDS,
  UNIT_QUOTA_BOUNDS,
  VALIDITY_HOURS_BOUNDS,
  VIRTUAL_THRESHOLD_BOUNDS,
  type GroupBuyCheckedField,
  type GroupBuyFormValues,
  type GroupBuySkuRow,
} from './group-buy-form';

interface Props {
  /** The campaign to edit or read; null: a new one. */
  campaign: GroupBuyCampaign | null;
  /** An ended campaign (or a read-only role): every field shown, nothing saved. */
  readOnly: boolean;
  onClose: () => void;
  onSaved: () => void;
}

/** 新建 / 编辑 / 查看 a 拼团 campaign in a drawer beside the list. */
export function GroupBuyCampaignDrawer({ campaign, readOnly, onClose, onSaved }: Props) {
  const [form] = Form.useForm<GroupBuyFormValues>();
  const [initialValues] = useState(() => (campaign ? campaignToFormValues(campaign) : newGroupBuyFormValues()));
  // Shoppers are already in teams of this product and size: changing either would break them.
  const running = campaign?.state === 'running';
  const virtualCompletion = Form.useWatch('virtualCompletion', form) ?? initialValues.virtualCompletion;

  const check =
    (field: GroupBuyCheckedField): Rule =>
    (instance) => ({
      validator: async () => {
        const problem = groupBuyFieldProblem(field, instance.getFieldsValue(true) as GroupBuyFormValues);
        if (problem) throw new Error(problem);
      },
    });

  const save = async (): Promise<boolean> => {
    const values = form.getFieldsValue(true) as GroupBuyFormValues;
    try {
      const input = formValuesToInput(values);
      if (campaign) await updateGroupBuyCampaign(campaign.id, input);
      else await createGroupBuyCampaign(input);
      notifySuccess('拼团活动已保存');
      onSaved();
      return true;
    } catch (error) {
      // Fields the server named get their message beside them; the message itself says what went wrong.
      if (error instanceof ApiRequestError && error.fieldErrors.length > 0) {
        form.setFields(
          error.fieldErrors.map((fieldError) => ({ name: formFieldForServerField(fieldError.field, values), errors: [fieldError.message] })) as Parameters<
            typeof form.setFields
          >[0],
        );
      }
      notifyError(error);
      return false;
    }
  };

  const title = !campaign ? '新建拼团' : readOnly ? `查看拼团：${campaign.name}` : `编辑拼团：${campaign.name}`;
  return (
    <EditDrawerForm<GroupBuyFormValues>
      title={title}
      form={form}
      initialValues={initialValues}
      width={880}
      labelSpan={5}
      readOnly={readOnly}
      submitText="保存拼团"
      onClose={onClose}
      onSave={save}
    >
      {readOnly && campaign?.state === 'ended' && <Alert type="info" showIcon style={{ marginBottom: 16 }} message="活动已结束，只能查看，不能再修改。" />}
      {running && !readOnly && (
        <Alert type="info" showIcon style={{ marginBottom: 16 }} message="活动进行中：已有顾客开团，商品和成团人数不能再改。" />
      )}
      <Form.Item name="name" label="活动名称" required rules={[check('name')]}>
        <Input aria-label="活动名称" maxLength={GROUP_BUY_NAME_MAX_LENGTH} showCount placeholder="例如：明前龙井 3 人团" style={{ maxWidth: 420 }} />
      </Form.Item>
      <ProFormSelect
        name="productId"
        label="商品"
        required
        showSearch
        debounceTime={300}
        disabled={readOnly || running}
        rules={[check('productId')]}
        fieldProps={{ 'aria-label': '商品', placeholder: '输入商品名称搜索', filterOption: false, style: { maxWidth: 420 } }}
        request={async ({ keyWords }) => {
          const found = await searchProductOptions(typeof keyWords === 'string' ? keyWords.trim() : '');
          // The saved product stays nameable even when a search no longer lists it.
          const saved = campaign && !found.some((option) => option.value === campaign.productId);
          return saved ? [{ value: campaign.productId, label: `${campaign.productTitle}（ID ${campaign.productId}）` }, ...found] : found;
        }}
      />
      <SkuPriceRows form={form} campaign={campaign} />

      <CheckedNumberField
        name="teamSize"
        label="成团人数"
        bounds={TEAM_SIZE_BOUNDS}
        ariaLabel="成团人数"
        addonAfter="人（含团长）"
        requiredMessage="请填写成团人数"
        // undefined, not false: a read-only drawer disables it too.
        disabled={running || undefined}
      />
      <CheckedNumberField
        name="validityHours"
        label="成团时限"
        bounds={VALIDITY_HOURS_BOUNDS}
        ariaLabel="成团时限"
        addonAfter="小时"
        requiredMessage="请填写成团时限"
        extra="从团长付款起计时，到时未满员的团按规则成团或失败退款"
      />
      <Form.Item name="window" label="活动时间" required rules={[check('window')]} extra="北京时间">
        <DatePicker.RangePicker
          aria-label="活动时间"
          showTime={{ format: 'HH:mm', defaultValue: [dayjs().startOf('day'), dayjs().endOf('day')] }}
          format="YYYY-MM-DD HH:mm"
          // A started campaign keeps its start (the server refuses a change); its end may still move.
          disabled={running ? [true, false] : undefined}
        />
      </Form.Item>
      <CheckedNumberField name="memberTeamLimit" label="每人参团次数" bounds={MEMBER_TEAM_LIMIT_BOUNDS} ariaLabel="每人参团次数" addonAfter="次" requiredMessage="请填写每人参团次数" extra="每位会员在本活动最多开团或参团的次数，0 为不限" />
      <CheckedNumberField name="memberUnitLimit" label="每人限购" bounds={MEMBER_UNIT_LIMIT_BOUNDS} ariaLabel="每人限购" addonAfter="件" requiredMessage="请填写每人限购件数" extra="每位会员在本活动共可购买的件数（也是单笔最多件数），0 为不限" />
      <CheckedNumberField name="unitQuota" label="活动总件数" bounds={UNIT_QUOTA_BOUNDS} ariaLabel="活动总件数" addonAfter="件" requiredMessage="请填写活动总件数" extra={campaign ? `已占用 ${campaign.unitsTaken} 件；0 为不限（以库存为准）` : '0 为不限（以库存为准）'} />
      <Form.Item name="allowCoupons" label="可用优惠券" valuePropName="checked">
        <Switch aria-label="可用优惠券" />
      </Form.Item>
      <Form.Item name="allowPoints" label="可用积分抵扣" valuePropName="checked">
        <Switch aria-label="可用积分抵扣" />
      </Form.Item>
      <Form.Item
        name="virtualCompletion"
        label="模拟成团"
        valuePropName="checked"
        extra="开启后，团到期时已付款人数达到门槛的，系统以模拟名额补齐并成团；统计中真实参团人数与模拟名额分开计算，顾客在活动规则中能看到这条说明。"
      >
        <Switch aria-label="模拟成团" />
      </Form.Item>
      {virtualCompletion && (
        <CheckedNumberField
          name="virtualThresholdPercent"
          label="模拟成团门槛"
          bounds={VIRTUAL_THRESHOLD_BOUNDS}
          ariaLabel="模拟成团门槛"
          addonAfter="%"
          requiredMessage="请填写模拟成团门槛"
          extra="到期时已付款人数 ≥ 成团人数 × 该比例，才以模拟名额成团"
        />
      )}
      <Form.Item name="rulesText" label="活动规则" rules={[check('rulesText')]} extra="展示在团页面；失败自动退款、模拟成团的说明由系统自动附上">
        <Input.TextArea aria-label="活动规则" rows={4} maxLength={GROUP_BUY_RULES_MAX_LENGTH} showCount placeholder="例如：活动期间每人限购 2 件，成团后 48 小时内发货。" />
      </Form.Item>
    </EditDrawerForm>
  );
}

type SkuLoad = { status: 'idle' } | { status: 'loading' } | { status: 'failed'; message: string } | { status: 'ready' };

/**
 * The chosen product's SKUs with their list prices and the 拼团价 / 团长价 to charge; a SKU left unticked is not sold in
 * the campaign. Loads the product whenever another one is picked.
 */
function SkuPriceRows({ form, campaign }: { form: FormInstance<GroupBuyFormValues>; campaign: GroupBuyCampaign | null }) {
  const productId = Form.useWatch('productId', form) as number | null | undefined;
  const [load, setLoad] = useState<SkuLoad>({ status: 'idle' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (!productId) {
      form.setFieldValue('skus', []);
      setLoad({ status: 'idle' });
      return;
    }
    let cancelled = false;
    setLoad({ status: 'loading' });
    fetchProduct(productId).then(
      (product) => {
        if (cancelled) return;
        form.setFieldValue('skus', skuRowsFor(product, campaign && productId === campaign.productId ? campaign.skus : undefined));
        setLoad({ status: 'ready' });
      },
      (error: unknown) => !cancelled && setLoad({ status: 'failed', message: errorText(error) }),
    );
    return () => {
      cancelled = true;
    };
  }, [productId, attempt, campaign, form]);

  if (load.status === 'idle') return null;
  if (load.status === 'failed') {
    return (
      <Form.Item label="规格价格">
        <Alert
          type="error"
          showIcon
          message={`商品规格加载失败：${load.message}`}
          action={<Button size="small" onClick={() => setAttempt((n) => n + 1)} disabled={false}>重试</Button>}
        />
      </Form.Item>
    );
  }
  return (
    <Form.Item label="规格价格" required>
      <Form.List
        name="skus"
        rules={[
          {
            validator: async (_, rows: GroupBuySkuRow[] | undefined) => {
              if (rows && rows.length > 0 && !rows.some((row) => row.included)) throw new Error('至少选择一个规格参加拼团');
            },
          },
        ]}
      >
        {(fields, _operations, { errors }) => (
          <>
            <Table
              size="small"
              rowKey="key"
              loading={load.status === 'loading'}
              pagination={false}
              dataSource={fields}
              columns={[
                { title: '参加', width: 56, render: (_, field) => <IncludedBox form={form} name={field.name} /> },
                { title: '规格', render: (_, field) => form.getFieldValue(['skus', field.name, 'specText']) || '默认规格' },
                { title: '原价', width: 100, render: (_, field) => formatYuan(form.getFieldValue(['skus', field.name, 'listPriceFen'])) },
                { title: '拼团价', width: 190, render: (_, field) => <PriceCell form={form} name={field.name} kind="groupPrice" /> },
                { title: '团长价（选填）', width: 190, render: (_, field) => <PriceCell form={form} name={field.name} kind="leaderPrice" /> },
              ]}
            />
            <Form.ErrorList errors={errors} />
          </>
        )}
      </Form.List>
    </Form.Item>
  );
}

function rowLabel(form: FormInstance<GroupBuyFormValues>, name: number): string {
  return (form.getFieldValue(['skus', name, 'specText']) as string) || '默认规格';
}

function IncludedBox({ form, name }: { form: FormInstance<GroupBuyFormValues>; name: number }) {
  return (
    <Form.Item name={[name, 'included']} valuePropName="checked" noStyle>
      <Checkbox aria-label={`参加拼团 ${rowLabel(form, name)}`} />
    </Form.Item>
  );
}

/** 拼团价 (required, below the list price) or 团长价 (optional, at most the group price) of one SKU row. */
function PriceCell({ form, name, kind }: { form: FormInstance<GroupBuyFormValues>; name: number; kind: 'groupPrice' | 'leaderPrice' }) {
  const included = Form.useWatch(['skus', name, 'included'], form) as boolean | undefined;
  const problem = kind === 'groupPrice' ? groupPriceProblem : leaderPriceProblem;
  return (
    <Form.Item
      name={[name, kind]}
      style={{ marginBottom: 0 }}
      dependencies={[['skus', name, 'included'], ...(kind === 'leaderPrice' ? [['skus', name, 'groupPrice']] : [])]}
      rules={[
        {
          validator: async () => {
            const found = problem(form.getFieldValue(['skus', name]) as GroupBuySkuRow);
            if (found) throw new Error(found);
          },
        },
      ]}
    >
      <YuanInput aria-label={`${kind === 'groupPrice' ? '拼团价' : '团长价'} ${rowLabel(form, name)}`} disabled={included === false || undefined} />
    </Form.Item>
  );
}
