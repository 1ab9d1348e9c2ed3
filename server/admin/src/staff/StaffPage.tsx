import { PlusOutlined } from '@ant-design/icons';
import { ModalForm, PageContainer, ProFormSelect, ProFormText, ProTable, type ActionType, type ProColumns } from '@ant-design/pro-components';
import type { StaffProfile } from '@shared/api/admin';
import { ALL_STAFF_ROLES, STAFF_ROLE_LABELS, type StaffRole } from '@shared/roles';
import { Button, Popconfirm, Tag } from 'antd';
import type { Rule } from 'antd/es/form';
import { useRef, useState } from 'react';
import { useCurrentStaff } from '@/auth/AuthProvider';
import { notifyError, notifySuccess } from '@/common/feedback';
import { tableRows } from '@/common/table-rows';
import { createStaff, fetchStaff, updateStaff } from './staff-api';

const ROLE_OPTIONS = ALL_STAFF_ROLES.map((role) => ({ value: role, label: STAFF_ROLE_LABELS[role] }));
const PASSWORD_RULES: Rule[] = [{ min: 8, max: 64, message: '密码长度为 8 到 64 位' }];

/** null: no dialog; 'new': create; a profile: edit that account. */
type DialogTarget = null | 'new' | StaffProfile;

export default function StaffPage() {
  const me = useCurrentStaff();
  const tableRef = useRef<ActionType>();
  const [dialog, setDialog] = useState<DialogTarget>(null);

  const setDisabled = async (account: StaffProfile, disabled: boolean) => {
    try {
      await updateStaff(account.id, { disabled });
      notifySuccess(disabled ? '账号已停用' : '账号已启用');
      tableRef.current?.reload();
    } catch (error) {
      notifyError(error);
    }
  };

  const columns: ProColumns<StaffProfile>[] = [
    { title: '用户名', dataIndex: 'username' },
    {
      title: '姓名',
      dataIndex: 'displayName',
      render: (_, account) => (
        <>
          {account.displayName}
          {account.id === me.id && <Tag style={{ marginLeft: 8 }}>我</Tag>}
        </>
      ),
    },
    { title: '角色', dataIndex: 'role', render: (_, account) => <Tag color="blue">{STAFF_ROLE_LABELS[account.role]}</Tag> },
    {
      title: '状态',
      dataIndex: 'disabled',
      render: (_, account) => (account.disabled ? <Tag color="red">已停用</Tag> : <Tag color="green">正常</Tag>),
    },
    { title: '创建时间', dataIndex: 'createdAt', valueType: 'dateTime' },
    {
      title: '操作',
      valueType: 'option',
      render: (_, account) => [
        <a key="edit" onClick={() => setDialog(account)} aria-label={`编辑员工 ${account.username}`}>
          编辑
        </a>,
        // Disabling yourself would lock the shop's only owner out.
        account.id !== me.id && (
          <Popconfirm
            key="toggle"
            title={account.disabled ? `启用「${account.displayName}」的账号？` : `停用「${account.displayName}」的账号？`}
            description={account.disabled ? '启用后可以重新登录后台。' : '停用后该账号将无法登录后台。'}
            okText={account.disabled ? '启用' : '停用'}
            okButtonProps={{ danger: !account.disabled }}
            cancelText="取消"
            onConfirm={() => setDisabled(account, !account.disabled)}
          >
            <a aria-label={`${account.disabled ? '启用' : '停用'}员工 ${account.username}`}>{account.disabled ? '启用' : '停用'}</a>
          </Popconfirm>
        ),
      ],
    },
  ];

  return (
    <PageContainer title="员工管理">
      <ProTable<StaffProfile>
        rowKey="id"
        actionRef={tableRef}
        columns={columns}
        search={false}
        pagination={{ defaultPageSize: 20 }}
        toolBarRender={() => [
          <Button key="new" type="primary" icon={<PlusOutlined />} onClick={() => setDialog('new')}>
            新建员工
          </Button>,
        ]}
        request={({ current = 1, pageSize = 20 }) => tableRows(fetchStaff({ page: current, pageSize }))}
      />
      {dialog === 'new' && (
        <CreateStaffDialog
          onClose={() => setDialog(null)}
          onSaved={() => {
            setDialog(null);
            tableRef.current?.reload();
          }}
        />
      )}
      {dialog && dialog !== 'new' && (
        <EditStaffDialog
          account={dialog}
          isMe={dialog.id === me.id}
          onClose={() => setDialog(null)}
          onSaved={() => {
            setDialog(null);
            tableRef.current?.reload();
          }}
        />
      )}
    </PageContainer>
  );
}

interface DialogProps {
  onClose: () => void;
  onSaved: () => void;
}

function CreateStaffDialog({ onClose, onSaved }: DialogProps) {
  return (
    <ModalForm<{ username: string; displayName: string; password: string; role: StaffRole }>
      title="新建员工"
      open
      width={480}
      modalProps={{ onCancel: onClose, destroyOnHidden: true }}
      onFinish={async (values) => {
        try {
          await createStaff({ ...values, username: values.username.trim(), displayName: values.displayName.trim() });
          notifySuccess('员工已创建');
          onSaved();
          return true;
        } catch (error) {
          notifyError(error); // USERNAME_TAKEN and the like come with a readable message
          return false;
        }
      }}
    >
      <ProFormText
        name="username"
        label="用户名"
        placeholder="3 到 32 位字母、数字或下划线"
        rules={[
          { required: true, message: '请输入用户名' },
          { pattern: /^[a-zA-Z0-9_]{3,32}$/, message: '用户名为 3 到 32 位字母、数字或下划线' },
        ]}
      />
      <ProFormText name="displayName" label="姓名" fieldProps={{ maxLength: 20 }} rules={[{ required: true, whitespace: true, message: '请输入姓名' }]} />
      <ProFormText.Password name="password" label="初始密码" rules={[{ required: true, message: '请输入初始密码' }, ...PASSWORD_RULES]} />
      <ProFormSelect name="role" label="角色" options={ROLE_OPTIONS} rules={[{ required: true, message: '请选择角色' }]} />
    </ModalForm>
  );
}

function EditStaffDialog({ account, isMe, onClose, onSaved }: DialogProps & { account: StaffProfile; isMe: boolean }) {
  return (
    <ModalForm<{ displayName: string; role: StaffRole; password?: string }>
      title={`编辑员工：${account.username}`}
      open
      width={480}
      initialValues={{ displayName: account.displayName, role: account.role }}
      modalProps={{ onCancel: onClose, destroyOnHidden: true }}
      onFinish={async (values) => {
        try {
          await updateStaff(account.id, {
            displayName: values.displayName.trim(),
            // The server refuses a change of one's own role; do not send it at all.
            ...(isMe ? {} : { role: values.role }),
            ...(values.password ? { password: values.password } : {}),
          });
          notifySuccess('员工信息已保存');
          onSaved();
          return true;
        } catch (error) {
          notifyError(error);
          return false;
        }
      }}
    >
      <ProFormText name="displayName" label="姓名" fieldProps={{ maxLength: 20 }} rules={[{ required: true, whitespace: true, message: '请输入姓名' }]} />
      <ProFormSelect
        name="role"
        label="角色"
        options={ROLE_OPTIONS}
        disabled={isMe}
        tooltip={isMe ? '不能修改自己的角色' : undefined}
        rules={[{ required: true, message: '请选择角色' }]}
      />
      <ProFormText.Password name="password" label="重置密码" placeholder="留空则不修改" rules={PASSWORD_RULES} />
    </ModalForm>
  );
}
