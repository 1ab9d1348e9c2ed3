import { UserOutlined } from '@ant-design/icons';
import { PageContainer, ProDescriptions, ProTable, type ProColumns } from '@ant-design/pro-components';
import type { AdminMemberDetail, AdminMemberRow } from '@shared/api/admin';
import { FULL_PHONE_ROLES } from '@shared/roles';
import { Avatar, Drawer, Result, Space, Spin } from 'antd';
import { useEffect, useState } from 'react';
import { useCurrentStaff } from '@/auth/AuthProvider';
import { errorText, notifyError } from '@/common/feedback';
import { MemberLoyaltyPanel } from './MemberLoyaltyPanel';
import { fetchMember, fetchMembers } from './members-api';

export default function MemberListPage() {
  const staff = useCurrentStaff();
  const [openMemberId, setOpenMemberId] = useState<number | null>(null);
  const [loyaltyMember, setLoyaltyMember] = useState<AdminMemberRow | null>(null);

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
        <a key="detail" onClick={() => setOpenMemberId(member.id)} aria-label={`查看会员 ${member.id}`}>
          详情
        </a>,
        <a key="loyalty" onClick={() => setLoyaltyMember(member)} aria-label={`等级积分 ${member.id}`}>
          等级积分
        </a>,
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
        request={async ({ current = 1, pageSize = 20, keyword }) => {
          try {
            const page = await fetchMembers({ page: current, pageSize, keyword: keyword?.trim() || undefined });
            return { data: page.items, total: page.total, success: true };
          } catch (error) {
            notifyError(error);
            return { data: [], total: 0, success: false };
          }
        }}
      />
      <Drawer title="会员详情" width={480} open={openMemberId !== null} onClose={() => setOpenMemberId(null)} destroyOnHidden>
        {openMemberId !== null && <MemberDetail memberId={openMemberId} />}
      </Drawer>
      <Drawer
        title={loyaltyMember ? `等级积分 · ${loyaltyMember.nickname ?? `会员 ${loyaltyMember.id}`}` : '等级积分'}
        width={760}
        open={loyaltyMember !== null}
        onClose={() => setLoyaltyMember(null)}
        destroyOnHidden
      >
        {loyaltyMember && <MemberLoyaltyPanel memberId={loyaltyMember.id} />}
      </Drawer>
    </PageContainer>
  );
}

function MemberDetail({ memberId }: { memberId: number }) {
  const [member, setMember] = useState<AdminMemberDetail | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    fetchMember(memberId)
      .then(setMember)
      .catch((error: unknown) => setFailure(errorText(error)));
  }, [memberId]);

  if (failure) return <Result status="error" title="会员详情加载失败" subTitle={failure} />;
  if (!member) return <Spin tip="加载中…"><div style={{ height: 120 }} /></Spin>;
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Space>
        <Avatar size={64} src={member.avatarUrl ?? undefined} icon={<UserOutlined />} />
        <span style={{ fontSize: 18 }}>{member.nickname ?? '未设置昵称'}</span>
      </Space>
      <ProDescriptions<AdminMemberDetail> column={1} dataSource={member}>
        <ProDescriptions.Item label="会员 ID" dataIndex="id" />
        <ProDescriptions.Item label="手机号" dataIndex="phone" renderText={(phone: string | null) => phone ?? '未绑定'} />
        <ProDescriptions.Item label="OpenID" dataIndex="openid" copyable />
        <ProDescriptions.Item label="UnionID" dataIndex="unionid" copyable={member.unionid !== null} renderText={(unionid: string | null) => unionid ?? '无'} />
        <ProDescriptions.Item label="注册时间" dataIndex="createdAt" valueType="dateTime" />
        <ProDescriptions.Item label="最近登录" dataIndex="lastLoginAt" valueType="dateTime" />
      </ProDescriptions>
    </Space>
  );
}
