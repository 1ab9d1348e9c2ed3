import { DrawerForm } from '@ant-design/pro-components';
import type { FormInstance } from 'antd';
import type { ReactNode } from 'react';
import { notifyError } from './feedback';

interface EditDrawerFormProps<V> {
  title: string;
  form: FormInstance<V>;
  initialValues: V;
  width: number;
  /** The label column's span out of 24; the fields take the rest. */
  labelSpan: number;
  /** Every field shown disabled and no save button (history, or a read-only role). */
  readOnly: boolean;
  submitText: string;
  onClose: () => void;
  /** Saves; resolves true to close the drawer. */
  onSave: () => Promise<boolean>;
  children: ReactNode;
}

/** 新建 / 编辑 / 查看 in a drawer beside a list: horizontal labels, 保存 and 取消 at the bottom, read-only for history. */
export function EditDrawerForm<V extends object>({ title, form, initialValues, width, labelSpan, readOnly, submitText, onClose, onSave, children }: EditDrawerFormProps<V>) {
  return (
    <DrawerForm<V>
      title={title}
      open
      form={form}
      width={width}
      layout="horizontal"
      labelCol={{ span: labelSpan }}
      wrapperCol={{ span: 24 - labelSpan }}
      initialValues={initialValues}
      disabled={readOnly}
      drawerProps={{ onClose, destroyOnHidden: true, maskClosable: readOnly }}
      onFinish={onSave}
      onFinishFailed={() => notifyError('请先修正标红的内容')}
      submitter={readOnly ? false : { searchConfig: { submitText, resetText: '取消' }, resetButtonProps: { onClick: onClose, disabled: false } }}
    >
      {children}
    </DrawerForm>
  );
}
