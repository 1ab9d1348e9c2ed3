import { UserOutlined } from '@ant-design/icons';
import { PageContainer, ProTable, type ProColumns } from '@ant-design/pro-components';
import type { AdminMemberRow } from '@shared/api/admin';
import { FULL_PHONE_ROLES } from '@shared/roles';
import { Avatar, Space } from 'antd';
import { Link } from 'react-router-dom';
import { useCurrentStaff } from '@/auth/AuthProvider';
import { tableRows } from '@/common/table-rows';
import { fetchMembers } from './members-api';

export default function MemberListPage() {
  const staff = useCurrentStaff();

  const columns: ProColumns<AdminMemberRow>[] = [
    {
      title: '关键词',
      dataIndex: 'keyword',
      hideInTable: true,
      fieldProps: { placeholder: '昵称 / 手机号 / 会员 ID' },
    },
    {
      title: '会员',
      dataIndex: 'nickname',
      search: false,
      render: (_, member) => (
        <Space>
          <Avatar src={member.avatarUrl ?? undefined} icon={<UserOutlined />} />
          {member.nickname ?? '未设置昵称'}
        </Space>
      ),
    },
    { title: '会员 ID', dataIndex: 'id', search: false },
    // The server decides what the role sees: the full number or 138****0000.
    { title: '手机号', dataIndex: 'phone', search: false, render: (_, member) => member.phone ?? '未绑定' },
    { title: '注册时间', dataIndex: 'createdAt', valueType: 'dateTime', search: false },
    { title: '最近登录', dataIndex: 'lastLoginAt', valueType: 'dateTime', search: false },
    {
      title: '操作',
      valueType: 'option',
      render: (_, member) => [
        <Link key="detail" to={`/members/${member.id}`} aria-label={`查看会员 ${member.id}`}>
          详情
        </Link>,
      ],
    },
  ];

  return (
    <PageContainer
      title="会员管理"
      subTitle={FULL_PHONE_ROLES.includes(staff.role) ? undefined : '手机号已按角色权限脱敏显示'}
    >
      <ProTable<AdminMemberRow, { current?: number; pageSize?: number; keyword?: string }>
        rowKey="id"
        columns={columns}
        search={{ labelWidth: 'auto' }}
        pagination={{ defaultPageSize: 20, showSizeChanger: true }}
        request={({ current = 1, pageSize = 20, keyword }) =>
          tableRows(fetchMembers({ page: current, pageSize, keyword: keyword?.trim() || undefined }))
        }
      />
    </PageContainer>
  );
}
