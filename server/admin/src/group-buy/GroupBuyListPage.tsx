import { PlusOutlined } from '@ant-design/icons';
import { PageContainer, ProTable, type ActionType, type ProColumns } from '@ant-design/pro-components';
import { GROUP_BUY_CAMPAIGN_STATE_LABELS, GROUP_BUY_CAMPAIGN_STATES, type GroupBuyCampaign, type GroupBuyCampaignState } from '@shared/api/group-buy';
import { formatYuan } from '@shared/money';
import { Button, Empty, Image, Popconfirm, Result, Space, Tag, Typography } from 'antd';
import { useRef, useState } from 'react';
import { canManageGroupBuy } from '@/auth/access';
import { useCurrentStaff } from '@/auth/AuthProvider';
import { runStaffAction } from '@/common/feedback';
import { tableRowsOrFailure } from '@/common/table-rows';
import { GroupBuyCampaignDrawer } from './GroupBuyCampaignDrawer';
import { endGroupBuyCampaign, fetchGroupBuyCampaigns } from './group-buy-api';
import { campaignActions, chinaMinute, groupPriceWarning, limitText, succeededText, successRateText } from './group-buy-format';
import { GroupBuyTeamsDrawer } from './GroupBuyTeamsDrawer';

const STATE_COLORS: Record<GroupBuyCampaignState, string> = { scheduled: 'blue', running: 'green', ended: 'default' };

/**
 * Fixed widths and a table as wide as their sum: with 'max-content' the fixed 操作 column was laid over the
 * columns before it at 1366px (成团规则 clipped); now the table scrolls and every column keeps its width.
 */
const COLUMN_WIDTHS = { name: 260, state: 90, figure: 80, succeeded: 110, members: 100, money: 110, rules: 180, window: 190, actions: 180 };
const TABLE_WIDTH =
  COLUMN_WIDTHS.name + COLUMN_WIDTHS.state + 4 * COLUMN_WIDTHS.figure + COLUMN_WIDTHS.succeeded + COLUMN_WIDTHS.members + 2 * COLUMN_WIDTHS.money + COLUMN_WIDTHS.rules + COLUMN_WIDTHS.window + COLUMN_WIDTHS.actions;

/** The campaign being edited (or read), or a new one. */
type Editing = { campaign: GroupBuyCampaign | null; readOnly: boolean } | null;

/** 拼团活动: campaigns with their figures; write roles create, edit and end them, every read role opens the teams. */
export default function GroupBuyListPage() {
  const staff = useCurrentStaff();
  const manage = canManageGroupBuy(staff.role);
  const tableRef = useRef<ActionType>();
  const [loadError, setLoadError] = useState<string | null>(null);
  const [editing, setEditing] = useState<Editing>(null);
  const [teamsOf, setTeamsOf] = useState<GroupBuyCampaign | null>(null);
  const reload = () => tableRef.current?.reload();
  const createNew = () => setEditing({ campaign: null, readOnly: false });

  const columns: ProColumns<GroupBuyCampaign>[] = [
    {
      title: '活动 / 商品',
      dataIndex: 'name',
      width: COLUMN_WIDTHS.name,
      search: false,
      render: (_, row) => (
        <Space>
          {row.productImage && <Image src={row.productImage} width={44} height={44} style={{ objectFit: 'cover', borderRadius: 4 }} preview={false} alt="" />}
          <Space direction="vertical" size={0}>
            <Typography.Text strong>{row.name}</Typography.Text>
            {groupPriceWarning(row) && (
              <Tag color="warning" className="group-price-warning" title="有规格的拼团价（或团长价）不低于当前售价，顾客按售价付款">
                {groupPriceWarning(row)}
              </Tag>
            )}
            <Typography.Text type="secondary" ellipsis style={{ maxWidth: 180 }} title={row.productTitle}>
              {row.productTitle}
            </Typography.Text>
          </Space>
        </Space>
      ),
    },
    {
      title: '状态',
      dataIndex: 'state',
      width: COLUMN_WIDTHS.state,
      valueType: 'select',
      valueEnum: Object.fromEntries(GROUP_BUY_CAMPAIGN_STATES.map((state) => [state, { text: GROUP_BUY_CAMPAIGN_STATE_LABELS[state] }])),
      render: (_, row) => <Tag color={STATE_COLORS[row.state]}>{GROUP_BUY_CAMPAIGN_STATE_LABELS[row.state]}</Tag>,
    },
    { title: '开团数', dataIndex: ['stats', 'teamsOpened'], width: COLUMN_WIDTHS.figure, search: false },
    { title: '成团数', dataIndex: ['stats', 'teamsSucceeded'], width: COLUMN_WIDTHS.succeeded, search: false, render: (_, row) => succeededText(row.stats) },
    { title: '失败数', dataIndex: ['stats', 'teamsFailed'], width: COLUMN_WIDTHS.figure, search: false },
    { title: '成团率', dataIndex: ['stats', 'successRatePercent'], width: COLUMN_WIDTHS.figure, search: false, render: (_, row) => successRateText(row.stats) },
    {
      title: '参团人数',
      dataIndex: ['stats', 'realMembers'],
      width: COLUMN_WIDTHS.members,
      search: false,
      tooltip: '付款参团的真实会员；模拟成团补足的名额单独统计',
      render: (_, row) => (
        <Space direction="vertical" size={0}>
          <span>{row.stats.realMembers}</span>
          {row.stats.virtualSeats > 0 && <Typography.Text type="secondary">模拟名额 {row.stats.virtualSeats}</Typography.Text>}
        </Space>
      ),
    },
    {
      title: '销量',
      dataIndex: ['stats', 'unitsSold'],
      width: COLUMN_WIDTHS.figure,
      search: false,
      render: (_, row) => (row.unitQuota > 0 ? `${row.stats.unitsSold} / ${row.unitQuota}` : row.stats.unitsSold),
    },
    { title: 'GMV', dataIndex: ['stats', 'gmvFen'], width: COLUMN_WIDTHS.money, search: false, render: (_, row) => formatYuan(row.stats.gmvFen) },
    { title: '退款', dataIndex: ['stats', 'refundedFen'], width: COLUMN_WIDTHS.money, search: false, render: (_, row) => formatYuan(row.stats.refundedFen) },
    {
      title: '成团规则',
      dataIndex: 'teamSize',
      width: COLUMN_WIDTHS.rules,
      search: false,
      render: (_, row) => (
        <Space direction="vertical" size={0}>
          <span style={{ whiteSpace: 'nowrap' }}>{row.teamSize} 人团 · {row.validityHours} 小时内</span>
          <Typography.Text type="secondary">每人限购 {limitText(row.memberUnitLimit, '件')}</Typography.Text>
        </Space>
      ),
    },
    {
      title: '活动时间（北京时间）',
      dataIndex: 'startsAt',
      width: COLUMN_WIDTHS.window,
      search: false,
      render: (_, row) => (
        <Space direction="vertical" size={0}>
          <span>{chinaMinute(row.startsAt)} 起</span>
          <span>{chinaMinute(row.endsAt)} 止</span>
          {row.endedAt && <Typography.Text type="secondary">{chinaMinute(row.endedAt)} 提前结束</Typography.Text>}
        </Space>
      ),
    },
    {
      title: '操作',
      valueType: 'option',
      fixed: 'right',
      width: COLUMN_WIDTHS.actions,
      render: (_, row) => {
        const actions = campaignActions(row, staff.role);
        return [
          <a key="teams" onClick={() => setTeamsOf(row)} aria-label={`团列表 ${row.name}`}>
            团列表
          </a>,
          actions.includes('edit') && (
            <a key="edit" onClick={() => setEditing({ campaign: row, readOnly: false })} aria-label={`编辑 ${row.name}`}>
              编辑
            </a>
          ),
          actions.includes('view') && (
            <a key="view" onClick={() => setEditing({ campaign: row, readOnly: true })} aria-label={`查看 ${row.name}`}>
              查看
            </a>
          ),
          manage && <EndCampaignLink key="end" campaign={row} disabled={!actions.includes('end')} onChanged={reload} />,
        ];
      },
    },
  ];

  const emptyText = loadError ? (
    <Result status="error" title="拼团活动加载失败" subTitle={loadError} extra={<Button type="primary" onClick={reload}>重试</Button>} />
  ) : (
    <Empty description="还没有拼团活动">
      {manage && (
        <Button type="primary" icon={<PlusOutlined />} onClick={createNew}>
          新建拼团
        </Button>
      )}
    </Empty>
  );

  return (
    <PageContainer title="拼团活动" subTitle={manage ? undefined : '当前角色可查看活动数据和团，不能新建、修改或结束活动'}>
      <ProTable<GroupBuyCampaign, { current?: number; pageSize?: number; state?: GroupBuyCampaignState }>
        rowKey="id"
        actionRef={tableRef}
        columns={columns}
        scroll={{ x: TABLE_WIDTH }}
        pagination={{ defaultPageSize: 20, showSizeChanger: true }}
        search={{ labelWidth: 'auto' }}
        locale={{ emptyText }}
        toolBarRender={() =>
          manage
            ? [
                <Button key="new" type="primary" icon={<PlusOutlined />} onClick={createNew}>
                  新建拼团
                </Button>,
              ]
            : []
        }
        request={({ current = 1, pageSize = 20, state }) => tableRowsOrFailure(fetchGroupBuyCampaigns({ page: current, pageSize, state }), setLoadError)}
      />
      {editing && (
        <GroupBuyCampaignDrawer
          campaign={editing.campaign}
          readOnly={editing.readOnly}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            reload();
          }}
        />
      )}
      <GroupBuyTeamsDrawer campaign={teamsOf} onClose={() => setTeamsOf(null)} />
    </PageContainer>
  );
}

/** 提前结束 with a confirmation that says what happens to the teams and orders; an ended campaign shows it disabled. */
function EndCampaignLink({ campaign, disabled, onChanged }: { campaign: GroupBuyCampaign; disabled: boolean; onChanged: () => void }) {
  const link = (
    <Typography.Link type={disabled ? undefined : 'danger'} disabled={disabled} aria-label={`提前结束 ${campaign.name}`}>
      提前结束
    </Typography.Link>
  );
  if (disabled) return link;
  return (
    <Popconfirm
      title={`提前结束「${campaign.name}」？`}
      description={
        <div style={{ maxWidth: 320 }}>
          结束后不能再开团或参团；进行中的团将立即按规则成团或失败，失败的团自动退款；未付款订单将被取消。此操作不能撤销。
        </div>
      }
      okText="确认结束"
      okButtonProps={{ danger: true }}
      cancelText="取消"
      onConfirm={async () => {
        // A 409 (already ended by someone else) re-reads the list; a success re-reads to show 已结束.
        if (await runStaffAction(() => endGroupBuyCampaign(campaign.id), '活动已结束', onChanged)) onChanged();
      }}
    >
      {link}
    </Popconfirm>
  );
}
