import { PlusOutlined } from '@ant-design/icons';
import { PageContainer, ProTable, type ActionType, type ProColumns } from '@ant-design/pro-components';
import {
  COUPON_CHANNEL_LABELS,
  COUPON_TEMPLATE_STATUS_LABELS,
  COUPON_TEMPLATE_STATUSES,
  COUPON_TYPE_LABELS,
  COUPON_TYPES,
  type AdminCouponTemplate,
  type CouponTemplateStatus,
  type CouponType,
} from '@shared/api/coupons';
import { Button, Popconfirm, Space, Tag, Tooltip, Typography } from 'antd';
import { useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { useCurrentStaff } from '@/auth/AuthProvider';
import { runStaffAction } from '@/common/feedback';
import { tableRows } from '@/common/table-rows';
import { canManageCoupons, couponRowActions, STATUS_ACTION_TEXTS } from './coupon-actions';
import { CouponStatsDrawer } from './CouponStatsDrawer';
import { changeCouponTemplateStatus, fetchCouponTemplates, type CouponStatusAction } from './coupons-api';
import { IssueCouponsModal } from './IssueCouponsModal';

interface CouponFilters {
  current?: number;
  pageSize?: number;
  keyword?: string;
  status?: CouponTemplateStatus;
  type?: CouponType;
}

const TYPE_COLORS: Record<CouponType, string> = {
  amount_off: 'red',
  percent_off: 'orange',
  no_threshold: 'magenta',
  newcomer: 'purple',
};

const STATUS_COLORS: Record<CouponTemplateStatus, string> = {
  active: 'green',
  paused: 'gold',
  ended: 'default',
};

const valueEnum = <K extends string>(labels: Record<K, string>, keys: readonly K[]) =>
  Object.fromEntries(keys.map((key) => [key, { text: labels[key] }]));

/** 优惠券: the templates with their figures, and what each role may do with them. */
export default function CouponListPage() {
  const staff = useCurrentStaff();
  const navigate = useNavigate();
  const tableRef = useRef<ActionType>();
  const [statsOf, setStatsOf] = useState<AdminCouponTemplate | null>(null);
  const [issueTo, setIssueTo] = useState<AdminCouponTemplate | null>(null);
  const reload = () => tableRef.current?.reload();

  const columns: ProColumns<AdminCouponTemplate>[] = [
    { title: '关键词', dataIndex: 'keyword', hideInTable: true, fieldProps: { placeholder: '券名称' } },
    {
      title: '优惠券',
      dataIndex: 'name',
      search: false,
      render: (_, row) => (
        <Space direction="vertical" size={0}>
          <Typography.Text strong>{row.name}</Typography.Text>
          <Typography.Text type="secondary">
            ID {row.id} · {COUPON_CHANNEL_LABELS[row.channel]}
          </Typography.Text>
        </Space>
      ),
    },
    {
      title: '类型',
      dataIndex: 'type',
      valueType: 'select',
      valueEnum: valueEnum(COUPON_TYPE_LABELS, COUPON_TYPES),
      render: (_, row) => <Tag color={TYPE_COLORS[row.type]}>{COUPON_TYPE_LABELS[row.type]}</Tag>,
    },
    { title: '规则', dataIndex: 'ruleText', search: false },
    { title: '适用范围', dataIndex: 'scope', search: false, render: (_, row) => <ScopeText template={row} /> },
    { title: '有效期', dataIndex: 'validityText', search: false },
    {
      title: '已领 / 总量',
      dataIndex: 'claimedCount',
      search: false,
      render: (_, row) => `${row.claimedCount} / ${row.totalQuantity}`,
    },
    { title: '已用', dataIndex: 'usedCount', search: false },
    {
      title: '状态',
      dataIndex: 'status',
      valueType: 'select',
      valueEnum: valueEnum(COUPON_TEMPLATE_STATUS_LABELS, COUPON_TEMPLATE_STATUSES),
      render: (_, row) => <Tag color={STATUS_COLORS[row.status]}>{COUPON_TEMPLATE_STATUS_LABELS[row.status]}</Tag>,
    },
    {
      title: '操作',
      valueType: 'option',
      width: 220,
      render: (_, row) => {
        const actions = couponRowActions(row, staff.role);
        return [
          <a key="stats" onClick={() => setStatsOf(row)} aria-label={`数据 ${row.name}`}>
            数据
          </a>,
          actions.includes('edit') && (
            <Link key="edit" to={`/coupons/${row.id}/edit`} aria-label={`编辑 ${row.name}`}>
              编辑
            </Link>
          ),
          actions.includes('issue') && (
            <a key="issue" onClick={() => setIssueTo(row)} aria-label={`发放 ${row.name}`}>
              发放
            </a>
          ),
          ...(['pause', 'resume', 'end'] as const)
            .filter((action) => actions.includes(action))
            .map((action) => <StatusActionLink key={action} row={row} action={action} onChanged={reload} />),
        ];
      },
    },
  ];

  return (
    <PageContainer title="优惠券" subTitle={canManageCoupons(staff.role) ? undefined : '当前角色可查看数据和发放，不能新建或修改'}>
      <ProTable<AdminCouponTemplate, CouponFilters>
        rowKey="id"
        actionRef={tableRef}
        columns={columns}
        pagination={{ defaultPageSize: 20, showSizeChanger: true }}
        search={{ labelWidth: 'auto' }}
        toolBarRender={() =>
          canManageCoupons(staff.role)
            ? [
                <Button key="new" type="primary" icon={<PlusOutlined />} onClick={() => navigate('/coupons/new')}>
                  新建优惠券
                </Button>,
              ]
            : []
        }
        request={({ current = 1, pageSize = 20, keyword, status, type }) =>
          tableRows(fetchCouponTemplates({ page: current, pageSize, keyword: keyword?.trim() || undefined, status, type }))
        }
      />
      <CouponStatsDrawer template={statsOf} onClose={() => setStatsOf(null)} />
      {issueTo && <IssueCouponsModal template={issueTo} onClose={() => setIssueTo(null)} onIssued={reload} />}
    </PageContainer>
  );
}

/** 全部商品, or the kind of scope with its items in a tooltip. */
function ScopeText({ template }: { template: AdminCouponTemplate }) {
  if (template.scope === 'all') return <>全部商品</>;
  const label = template.scope === 'categories' ? `${template.scopeItems.length} 个分类` : `${template.scopeItems.length} 件商品`;
  return (
    <Tooltip title={template.scopeItems.map((item) => item.name).join('、')}>
      <Typography.Text underline style={{ cursor: 'help' }}>
        {label}
      </Typography.Text>
    </Tooltip>
  );
}

function StatusActionLink({ row, action, onChanged }: { row: AdminCouponTemplate; action: CouponStatusAction; onChanged: () => void }) {
  const texts = STATUS_ACTION_TEXTS[action];
  return (
    <Popconfirm
      title={texts.title}
      description={texts.description}
      okText={texts.confirm}
      okButtonProps={{ danger: action === 'end' }}
      cancelText="取消"
      onConfirm={async () => {
        // A 409 (someone changed it first) re-reads through onStale; a success re-reads to show the new state.
        if (await runStaffAction(() => changeCouponTemplateStatus(row.id, action), texts.done, onChanged)) onChanged();
      }}
    >
      <Typography.Link type={action === 'end' ? 'danger' : undefined} aria-label={`${texts.label} ${row.name}`}>
        {texts.label}
      </Typography.Link>
    </Popconfirm>
  );
}
