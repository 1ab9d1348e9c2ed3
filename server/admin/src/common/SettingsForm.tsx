import { ProForm } from '@ant-design/pro-components';
import { Alert, Form, Space } from 'antd';
import type { ReactNode } from 'react';
import { notifyError, notifySuccess } from './feedback';

const LABEL_SPAN = 5;

interface SettingsFormProps<V> {
  /** The rule now in force, in words; shown above the fields so the effect of the saved values is plain. */
  ruleText: string;
  /** What ruleText is called in the line above the fields (当前规则 unless said otherwise). */
  ruleLabel?: string;
  initialValues: V;
  /** Saves the values and answers what the server kept, as form values (the form then shows exactly that). */
  save: (values: V) => Promise<V>;
  savedText: string;
  /** Asked before saving; resolving false keeps the form as it is (e.g. the person cancelled a confirmation). */
  confirm?: (values: V) => Promise<boolean>;
  name?: string;
  wrapperSpan: number;
  children: ReactNode;
}

/** A shop-wide settings form: the current rule, the fields, and 保存设置 / 恢复 under them. */
export function SettingsForm<V extends object>({ ruleText, ruleLabel = '当前规则', initialValues, save, savedText, confirm, name, wrapperSpan, children }: SettingsFormProps<V>) {
  const [form] = Form.useForm<V>();
  return (
    <>
      <Alert type="info" showIcon style={{ marginBottom: 24 }} message={`${ruleLabel}：${ruleText}`} />
      <ProForm<V>
        form={form}
        name={name}
        layout="horizontal"
        labelCol={{ span: LABEL_SPAN }}
        wrapperCol={{ span: wrapperSpan }}
        initialValues={initialValues}
        submitter={{
          searchConfig: { submitText: '保存设置', resetText: '恢复' },
          render: (_, buttons) => (
            <Form.Item wrapperCol={{ offset: LABEL_SPAN }}>
              <Space>{buttons}</Space>
            </Form.Item>
          ),
        }}
        onFinish={async (values) => {
          if (confirm && !(await confirm(values))) return false;
          try {
            form.setFieldsValue(await save(values));
            notifySuccess(savedText);
            return true;
          } catch (error) {
            notifyError(error);
            return false;
          }
        }}
      >
        {children}
      </ProForm>
    </>
  );
}
