import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { MEMBER_LEVEL_RULES as RULES, type MemberLevel } from '@shared/api/loyalty';
import { Alert, App, Button, Form, Input, InputNumber, Space, Table, Tag, Typography, type FormListFieldData } from 'antd';
import { useRef, useState } from 'react';
import { ApiRequestError } from '@/api/client';
import { notifyError, notifySuccess } from '@/common/feedback';
import { YuanInput } from '@/common/YuanInput';
import {
  discountLabel,
  formToRequest,
  levelProblems,
  levelProblemText,
  levelsToForm,
  newLevelRow,
  serverLevelProblems,
  type LevelFormValues,
  type LevelProblem,
  type LevelRowField,
} from './level-form';
import { saveMemberLevels } from './loyalty-api';

const ROW_FIELDS: LevelRowField[] = ['name', 'minPaid', 'memberPricePercent', 'freeShippingThreshold'];

/** The tier list: edit names, thresholds and benefits, add or remove tiers, save the whole list after a confirmation. */
export function LevelEditor({ saved, onSaved }: { saved: MemberLevel[]; onSaved: (levels: MemberLevel[]) => void }) {
  const [form] = Form.useForm<LevelFormValues>();
  const { modal } = App.useApp();
  const [listProblem, setListProblem] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  // After the first save attempt every change re-checks the list, so marks disappear as they are fixed.
  const checking = useRef(false);

  const currentValues = () => form.getFieldsValue(true) as LevelFormValues;

  const showProblems = (problems: LevelProblem[]) => {
    const rowCount = currentValues().levels.length;
    form.setFields(
      Array.from({ length: rowCount }, (_, index) =>
        ROW_FIELDS.map((field) => ({
          name: ['levels', index, field] as ['levels', number, LevelRowField],
          errors: problems.filter((problem) => problem.index === index && problem.field === field).map((problem) => problem.message),
        })),
      ).flat(),
    );
    setListProblem(problems.find((problem) => problem.index === null)?.message ?? null);
  };

  const submit = async (values: LevelFormValues) => {
    setSaving(true);
    try {
      const next = await saveMemberLevels(formToRequest(values));
      onSaved(next);
      form.setFieldsValue(levelsToForm(next));
      checking.current = false;
      notifySuccess('等级规则已保存，会员等级将在下次计算时更新');
    } catch (error) {
      // A 400 names the tier and field: mark it and say which, instead of the server's field path.
      const problems = error instanceof ApiRequestError && error.status === 400 ? serverLevelProblems(error.details) : [];
      showProblems(problems);
      notifyError(problems.length ? problems.map(levelProblemText).join('；') : error);
    } finally {
      setSaving(false);
    }
  };

  const save = () => {
    const values = currentValues();
    const problems = levelProblems(values);
    checking.current = true;
    showProblems(problems);
    if (problems.length) {
      notifyError('请先修正标红的内容');
      return;
    }
    modal.confirm({
      title: '保存等级规则？',
      content: '调整等级规则后，会员等级将在下次计算时更新',
      okText: '确认保存',
      cancelText: '取消',
      onOk: () => submit(values),
    });
  };

  const reset = () => {
    form.setFieldsValue(levelsToForm(saved));
    checking.current = false;
    showProblems([]);
  };

  return (
    <Form<LevelFormValues>
      form={form}
      name="member-levels"
      initialValues={levelsToForm(saved)}
      onValuesChange={() => checking.current && showProblems(levelProblems(currentValues()))}
    >
      {listProblem && <Alert type="error" showIcon message={listProblem} style={{ marginBottom: 16 }} />}
      <Form.List name="levels">
        {(fields, { add, remove }) => (
          <Space direction="vertical" size="middle" style={{ width: '100%' }}>
            <Table<FormListFieldData>
              data-testid="member-level-table"
              rowKey="key"
              dataSource={fields}
              pagination={false}
              size="middle"
              columns={[
                {
                  title: '等级',
                  width: 90,
                  render: (_, _field, index) => (index === 0 ? <Tag>最低等级</Tag> : <Tag color="gold">V{index}</Tag>),
                },
                {
                  title: '等级名称',
                  render: (_, field, index) => (
                    <Form.Item name={[field.name, 'name']} style={{ marginBottom: 0 }}>
                      <Input aria-label={`等级名称 ${index + 1}`} maxLength={RULES.nameMaxLength} placeholder="如 金卡" />
                    </Form.Item>
                  ),
                },
                {
                  title: '升级门槛（元）',
                  render: (_, field, index) =>
                    index === 0 ? (
                      <Typography.Text type="secondary">¥0，注册即享</Typography.Text>
                    ) : (
                      <Form.Item name={[field.name, 'minPaid']} style={{ marginBottom: 0 }}>
                        <YuanInput aria-label={`升级门槛 ${index + 1}`} />
                      </Form.Item>
                    ),
                },
                {
                  title: '会员价（%）',
                  render: (_, field, index) => (
                    <Space align="start">
                      <Form.Item name={[field.name, 'memberPricePercent']} style={{ marginBottom: 0 }}>
                        <InputNumber
                          aria-label={`会员价 ${index + 1}`}
                          min={RULES.minPercent}
                          max={RULES.maxPercent}
                          precision={0}
                          addonAfter="%"
                          style={{ width: 110 }}
                        />
                      </Form.Item>
                      <DiscountHint index={field.name} />
                    </Space>
                  ),
                },
                {
                  title: '包邮门槛（元）',
                  render: (_, field, index) => (
                    <Form.Item name={[field.name, 'freeShippingThreshold']} style={{ marginBottom: 0 }}>
                      <YuanInput aria-label={`包邮门槛 ${index + 1}`} placeholder="留空按店铺运费规则" />
                    </Form.Item>
                  ),
                },
                {
                  title: '操作',
                  width: 80,
                  render: (_, field, index) =>
                    index > 0 && (
                      <Button
                        type="text"
                        danger
                        icon={<DeleteOutlined />}
                        aria-label={`删除等级 ${index + 1}`}
                        disabled={fields.length <= RULES.minLevels}
                        onClick={() => remove(field.name)}
                      />
                    ),
                },
              ]}
            />
            <Space>
              <Button icon={<PlusOutlined />} disabled={fields.length >= RULES.maxLevels} onClick={() => add(newLevelRow())}>
                添加等级
              </Button>
              <Typography.Text type="secondary">
                {RULES.minLevels}–{RULES.maxLevels} 个等级，门槛从低到高；会员价 95 表示 95 折，100 表示不打折；包邮门槛填 0 表示全场包邮
              </Typography.Text>
            </Space>
          </Space>
        )}
      </Form.List>
      <Space style={{ marginTop: 24 }}>
        <Button type="primary" loading={saving} onClick={save} data-testid="member-levels-save">
          保存等级规则
        </Button>
        <Button onClick={reset}>恢复</Button>
      </Space>
    </Form>
  );
}

/** 95折 / 不打折 beside the percent input, following what is typed. */
function DiscountHint({ index }: { index: number }) {
  const form = Form.useFormInstance<LevelFormValues>();
  const percent = Form.useWatch(['levels', index, 'memberPricePercent'], form) as number | null | undefined;
  const label = discountLabel(percent ?? null);
  return label ? <Typography.Text type="secondary" style={{ lineHeight: '32px' }}>{label}</Typography.Text> : null;
}
