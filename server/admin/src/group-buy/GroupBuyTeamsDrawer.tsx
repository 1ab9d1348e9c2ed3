import { ProTable, type ActionType, type ProColumns } from '@ant-design/pro-components';
import {
  GROUP_BUY_TEAM_STATUS_LABELS,
  GROUP_BUY_TEAM_STATUSES,
  type GroupBuyAdminSeat,
  type GroupBuyAdminTeam,
  type GroupBuyCampaign,
  type GroupBuyTeamStatus,
} from '@shared/api/group-buy';
import { ORDER_STATUSES, orderStatusText, type OrderStatus } from '@shared/api/orders';
import { Button, Drawer, Empty, Result, Space, Table, Tag } from 'antd';
import { useRef, useState } from 'react';
import { Link } from 'react-router-dom';
import { tableRowsOrFailure } from '@/common/table-rows';
import { fetchGroupBuyTeams } from './group-buy-api';
import { chinaMoment, SEAT_STATUS_LABELS, seatsText } from './group-buy-format';

const TEAM_STATUS_COLORS: Record<GroupBuyTeamStatus, string> = {
  opening: 'orange',
  forming: 'processing',
  succeeded: 'success',
  failed: 'error',
  cancelled: 'default',
};

const isOrderStatus = (status: string | null): status is OrderStatus => status !== null && (ORDER_STATUSES as readonly string[]).includes(status);

/** The teams of one campaign with their seats: who joined, who paid, the orders behind them. */
export function GroupBuyTeamsDrawer({ campaign, onClose }: { campaign: GroupBuyCampaign | null; onClose: () => void }) {
  const tableRef = useRef<ActionType>();
  const [loadError, setLoadError] = useState<string | null>(null);

  const columns: ProColumns<GroupBuyAdminTeam>[] = [
    { title: '团 ID', dataIndex: 'id', search: false, width: 80 },
    {
      title: '状态',
      dataIndex: 'status',
      valueType: 'select',
      valueEnum: Object.fromEntries(GROUP_BUY_TEAM_STATUSES.map((status) => [status, { text: GROUP_BUY_TEAM_STATUS_LABELS[status] }])),
      render: (_, team) => <Tag color={TEAM_STATUS_COLORS[team.status]}>{GROUP_BUY_TEAM_STATUS_LABELS[team.status]}</Tag>,
    },
    { title: '名额', dataIndex: 'seatsPaid', search: false, render: (_, team) => seatsText(team) },
    { title: '团长', dataIndex: 'leaderNickname', search: false },
    { title: '开团时间', dataIndex: 'createdAt', search: false, render: (_, team) => chinaMoment(team.createdAt) },
    { title: '截止时间', dataIndex: 'expiresAt', search: false, render: (_, team) => chinaMoment(team.expiresAt) },
    {
      title: '结束时间',
      dataIndex: 'succeededAt',
      search: false,
      render: (_, team) => (team.succeededAt ? `${chinaMoment(team.succeededAt)} 成团` : team.failedAt ? `${chinaMoment(team.failedAt)} 失败` : '—'),
    },
  ];

  const emptyText = loadError ? (
    <Result
      status="error"
      title="团列表加载失败"
      subTitle={loadError}
      extra={<Button type="primary" onClick={() => tableRef.current?.reload()}>重试</Button>}
    />
  ) : (
    <Empty description="还没有人开团" />
  );

  return (
    <Drawer title={campaign ? `团列表：${campaign.name}` : '团列表'} open={campaign !== null} onClose={onClose} width={1000} destroyOnHidden>
      {campaign && (
        <ProTable<GroupBuyAdminTeam, { current?: number; pageSize?: number; status?: GroupBuyTeamStatus }>
          rowKey="id"
          actionRef={tableRef}
          columns={columns}
          options={false}
          search={{ labelWidth: 'auto' }}
          pagination={{ defaultPageSize: 20 }}
          locale={{ emptyText }}
          expandable={{ expandedRowRender: (team) => <SeatTable team={team} /> }}
          request={({ current = 1, pageSize = 20, status }) => tableRowsOrFailure(fetchGroupBuyTeams(campaign.id, { page: current, pageSize, status }), setLoadError)}
        />
      )}
    </Drawer>
  );
}

function SeatTable({ team }: { team: GroupBuyAdminTeam }) {
  return (
    <Table<GroupBuyAdminSeat>
      size="small"
      rowKey={(seat) => `${seat.orderNo ?? 'virtual'}-${seat.joinedAt}-${seat.nickname}`}
      pagination={false}
      dataSource={team.seats}
      columns={[
        {
          title: '成员',
          render: (_, seat) => (
            <Space size={4}>
              {seat.nickname}
              {seat.isLeader && <Tag color="red">团长</Tag>}
              {seat.isVirtual && <Tag>模拟</Tag>}
            </Space>
          ),
        },
        { title: '名额状态', render: (_, seat) => SEAT_STATUS_LABELS[seat.status] },
        { title: '参团时间', render: (_, seat) => chinaMoment(seat.joinedAt) },
        { title: '付款时间', render: (_, seat) => chinaMoment(seat.paidAt) },
        { title: '订单号', render: (_, seat) => (seat.orderNo ? <Link to={`/orders/${seat.orderNo}`}>{seat.orderNo}</Link> : '—') },
        {
          title: '订单状态',
          // A paid order of a forming team waits for the team: 拼团中, not 待发货.
          render: (_, seat) =>
            isOrderStatus(seat.orderStatus)
              ? orderStatusText({ status: seat.orderStatus, refundedFen: 0, fulfilmentHold: team.status === 'forming' ? 'group_buy' : null })
              : (seat.orderStatus ?? '—'),
        },
      ]}
    />
  );
}
