import { BarChartOutlined, PlusOutlined, SettingOutlined, VideoCameraOutlined } from '@ant-design/icons';
import { PageContainer, ProTable, type ActionType, type ProColumns } from '@ant-design/pro-components';
import {
  LIVE_PROVIDER_LABELS,
  LIVE_SESSION_ACTION_LABELS,
  LIVE_SESSION_STATUS_LABELS,
  LIVE_SESSION_STATUSES,
  type LiveSession,
  type LiveSessionAction,
  type LiveSessionStatus,
} from '@shared/api/live';
import { Button, Empty, Image, Popconfirm, Result, Space, Tag, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { canManageLive } from '@/auth/access';
import { useCurrentStaff } from '@/auth/AuthProvider';
import { runStaffAction } from '@/common/feedback';
import { tableRowsOrFailure } from '@/common/table-rows';
import { actOnLiveSession, fetchLiveSessions } from './live-api';
import { chinaMinuteOrDash, LIVE_STATUS_COLORS, plannedWindowText, sessionActions } from './live-format';
import { LiveSessionDrawer } from './LiveSessionDrawer';

const COLUMN_WIDTHS = { title: 210, provider: 150, planned: 200, status: 80, actual: 160, products: 130, actions: 170 };
const TABLE_WIDTH = Object.values(COLUMN_WIDTHS).reduce((sum, width) => sum + width, 0);

/** What a cover that fails to load (a removed upload, a dead link) shows instead of a broken image: the grey 直播 tile. */
const COVER_FALLBACK = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(
  '<svg xmlns="http://www.w3.org/2000/svg" width="56" height="56"><rect width="56" height="56" fill="#f5f5f5"/>' +
    '<text x="28" y="33" font-size="14" fill="#bfbfbf" text-anchor="middle">直播</text></svg>',
)}`;

type StatusTab = 'all' | LiveSessionStatus;
const STATUS_TABS: { key: StatusTab; label: string }[] = [
  { key: 'all', label: '全部' },
  ...LIVE_SESSION_STATUSES.map((status) => ({ key: status, label: LIVE_SESSION_STATUS_LABELS[status] })),
];

/** A moment without its year (12-07 08:00), or a dash: the actual start and end sit on two short lines. */
const shortMinute = (iso: string | null) => (iso ? chinaMinuteOrDash(iso).slice(5) : '—');

/** The session being edited (or read), or a new one. */
type Editing = { sessionId: number | null; readOnly: boolean } | null;

/** What each confirmed action says before it runs, and after. */
const ACTION_CONFIRMS: Record<LiveSessionAction, { title: string; description: string; okText: string; done: string; danger: boolean }> = {
  start: {
    title: '开播',
    description: '确认已在视频号开播？开播后直播专享价和直播优惠券立即生效，首页显示「正在直播」横幅。',
    okText: '确认开播',
    done: '已开播',
    danger: false,
  },
  end: {
    title: '结束直播',
    description: '结束后直播专享价立即失效，顾客按原价下单；直播优惠券不能再领取。此操作不能撤销。',
    okText: '确认结束',
    done: '直播已结束',
    danger: true,
  },
  cancel: {
    title: '取消直播',
    description: '取消后这场直播从直播页消失，已预约的会员不会再收到开播提醒，直播价和直播优惠券不会生效。取消后不能恢复，只能重新创建。',
    okText: '确认取消直播',
    done: '直播已取消',
    danger: true,
  },
};

/** 直播管理: sessions by status; write roles create, edit, start, end and cancel them; every read role opens their figures. */
export default function LiveSessionListPage() {
  const staff = useCurrentStaff();
  const manage = canManageLive(staff.role);
  const navigate = useNavigate();
  const tableRef = useRef<ActionType>();
  const [tab, setTab] = useState<StatusTab>('all');
  const [loadError, setLoadError] = useState<string | null>(null);
  const [editing, setEditing] = useState<Editing>(null);
  const reload = () => tableRef.current?.reload();
  const createNew = () => setEditing({ sessionId: null, readOnly: false });

  const columns: ProColumns<LiveSession>[] = [
    {
      title: '直播',
      dataIndex: 'title',
      width: COLUMN_WIDTHS.title,
      render: (_, row) => (
        <Space>
          {row.coverUrl ? (
            <Image src={row.coverUrl} fallback={COVER_FALLBACK} width={56} height={56} style={{ objectFit: 'cover', borderRadius: 4 }} preview={false} alt="" />
          ) : (
            <div style={{ width: 56, height: 56, borderRadius: 4, background: '#f5f5f5', display: 'flex', alignItems: 'center', justifyContent: 'center', color: '#bfbfbf', fontSize: 22 }}>
              <VideoCameraOutlined />
            </div>
          )}
          <Typography.Text strong ellipsis style={{ maxWidth: 150 }} title={row.title}>
            {row.title}
          </Typography.Text>
        </Space>
      ),
    },
    {
      title: '直播平台',
      dataIndex: 'provider',
      width: COLUMN_WIDTHS.provider,
      render: (_, row) => (
        <Space direction="vertical" size={0}>
          <span>{LIVE_PROVIDER_LABELS[row.provider]}</span>
          <Typography.Text type="secondary" ellipsis style={{ maxWidth: 150 }}>
            {row.provider === 'channels' ? row.finderUserName : `直播间 ${row.roomId}`}
          </Typography.Text>
        </Space>
      ),
    },
    {
      title: '计划时间（北京时间）',
      dataIndex: 'plannedStartAt',
      width: COLUMN_WIDTHS.planned,
      render: (_, row) => plannedWindowText(row.plannedStartAt, row.plannedEndAt),
    },
    {
      title: '状态',
      dataIndex: 'status',
      width: COLUMN_WIDTHS.status,
      render: (_, row) => <Tag color={LIVE_STATUS_COLORS[row.status]}>{row.statusLabel || LIVE_SESSION_STATUS_LABELS[row.status]}</Tag>,
    },
    {
      title: '实际开播 / 结束',
      dataIndex: 'startedAt',
      width: COLUMN_WIDTHS.actual,
      render: (_, row) =>
        row.status === 'cancelled' ? (
          <Typography.Text type="secondary">{chinaMinuteOrDash(row.cancelledAt)} 取消</Typography.Text>
        ) : (
          <Space direction="vertical" size={0}>
            <span>开播 {shortMinute(row.startedAt)}</span>
            <span>结束 {shortMinute(row.endedAt)}</span>
          </Space>
        ),
    },
    {
      title: '推荐商品',
      dataIndex: 'products',
      width: COLUMN_WIDTHS.products,
      render: (_, row) => (
        <Space direction="vertical" size={0}>
          <span>{row.products.length} 个</span>
          {row.prices.length > 0 && <Typography.Text type="secondary">{row.prices.length} 个规格直播价</Typography.Text>}
        </Space>
      ),
    },
    {
      title: '操作',
      valueType: 'option',
      fixed: 'right',
      width: COLUMN_WIDTHS.actions,
      render: (_, row) => {
        const actions = sessionActions(row, staff.role);
        return [
          actions.includes('edit') && (
            <a key="edit" onClick={() => setEditing({ sessionId: row.id, readOnly: false })} aria-label={`编辑 ${row.title}`}>
              编辑
            </a>
          ),
          actions.includes('view') && (
            <a key="view" onClick={() => setEditing({ sessionId: row.id, readOnly: true })} aria-label={`查看 ${row.title}`}>
              查看
            </a>
          ),
          ...(['start', 'end', 'cancel'] as const)
            .filter((action) => actions.includes(action))
            .map((action) => <SessionActionLink key={action} session={row} action={action} onChanged={reload} />),
          <a key="report" onClick={() => navigate(`/live/sessions/${row.id}/report`)} aria-label={`数据 ${row.title}`}>
            数据
          </a>,
        ];
      },
    },
  ];

  const emptyText = loadError ? (
    <Result status="error" title="直播场次加载失败" subTitle={loadError} extra={<Button type="primary" onClick={reload}>重试</Button>} />
  ) : (
    <Empty description={tab === 'all' ? '还没有直播场次' : `没有${LIVE_SESSION_STATUS_LABELS[tab]}的直播`}>
      {manage && tab === 'all' && (
        <Button type="primary" icon={<PlusOutlined />} onClick={createNew}>
          新建直播
        </Button>
      )}
    </Empty>
  );

  return (
    <PageContainer
      title="直播管理"
      subTitle={manage ? '视频号直播和小程序直播的场次、推荐商品与直播专享价' : '当前角色可查看直播和数据，不能新建、修改、开播或取消'}
      extra={[
        <Button key="report" icon={<BarChartOutlined />} onClick={() => navigate('/live/report')}>
          直播数据
        </Button>,
        <Button key="settings" icon={<SettingOutlined />} onClick={() => navigate('/live/settings')}>
          直播设置
        </Button>,
      ]}
    >
      <ProTable<LiveSession, { current?: number; pageSize?: number; status: StatusTab }>
        rowKey="id"
        actionRef={tableRef}
        columns={columns}
        search={false}
        options={{ reload: true, density: false, setting: false }}
        scroll={{ x: TABLE_WIDTH }}
        pagination={{ defaultPageSize: 20, showSizeChanger: true }}
        locale={{ emptyText }}
        params={{ status: tab }}
        toolbar={{
          menu: {
            type: 'tab',
            activeKey: tab,
            items: STATUS_TABS.map((item) => ({ key: item.key, label: <span data-testid={`live-tab-${item.key}`}>{item.label}</span> })),
            onChange: (key) => setTab((key as StatusTab) ?? 'all'),
          },
          actions: manage
            ? [
                <Button key="new" type="primary" icon={<PlusOutlined />} onClick={createNew}>
                  新建直播
                </Button>,
              ]
            : [],
        }}
        request={({ current = 1, pageSize = 20, status }) => tableRowsOrFailure(fetchLiveSessions({ page: current, pageSize, status: status === 'all' ? undefined : status }), setLoadError)}
      />
      {editing && (
        <LiveSessionDrawer
          sessionId={editing.sessionId}
          readOnly={editing.readOnly}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            reload();
          }}
        />
      )}
    </PageContainer>
  );
}

/** 开播 / 结束 / 取消 behind a confirmation that says what happens; a 409 (someone acted first) re-reads the list. */
function SessionActionLink({ session, action, onChanged }: { session: LiveSession; action: LiveSessionAction; onChanged: () => void }) {
  const confirm = ACTION_CONFIRMS[action];
  return (
    <Popconfirm
      title={`${confirm.title}「${session.title}」？`}
      description={<div style={{ maxWidth: 320 }}>{confirm.description}</div>}
      okText={confirm.okText}
      okButtonProps={{ danger: confirm.danger }}
      cancelText="再想想"
      onConfirm={async () => {
        if (await runStaffAction(() => actOnLiveSession(session.id, action), confirm.done, onChanged)) onChanged();
      }}
    >
      <Typography.Link type={confirm.danger ? 'danger' : undefined} aria-label={`${LIVE_SESSION_ACTION_LABELS[action]} ${session.title}`}>
        {LIVE_SESSION_ACTION_LABELS[action]}
      </Typography.Link>
    </Popconfirm>
  );
}
