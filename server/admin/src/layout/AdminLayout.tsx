import {
  AccountBookOutlined,
  AppstoreOutlined,
  ApartmentOutlined,
  CarOutlined,
  CrownOutlined,
  CustomerServiceOutlined,
  DashboardOutlined,
  FieldTimeOutlined,
  GiftOutlined,
  IdcardOutlined,
  LineChartOutlined,
  LogoutOutlined,
  ScheduleOutlined,
  ProfileOutlined,
  SettingOutlined,
  ShareAltOutlined,
  ShoppingOutlined,
  SlidersOutlined,
  TagsOutlined,
  TeamOutlined,
  UsergroupAddOutlined,
  VideoCameraOutlined,
  WalletOutlined,
} from '@ant-design/icons';
import { ProLayout, type MenuDataItem } from '@ant-design/pro-components';
import { STAFF_ROLE_LABELS } from '@shared/roles';
import { Button, Space, Tag, Typography } from 'antd';
import { Suspense, type ReactNode } from 'react';
import { Link, Outlet, useLocation, useNavigate } from 'react-router-dom';
import { canOpen, menuFor, type PageKey } from '@/auth/access';
import { useAuth, useCurrentStaff } from '@/auth/AuthProvider';
import { PageSpinner } from '@/common/PageSpinner';
import { NewOrderNotices } from '@/orders/NewOrderNotices';

const MENU_ICONS: Partial<Record<PageKey, ReactNode>> = {
  overview: <DashboardOutlined />,
  products: <ShoppingOutlined />,
  categories: <AppstoreOutlined />,
  orders: <ProfileOutlined />,
  batchShip: <CarOutlined />,
  afterSales: <CustomerServiceOutlined />,
  members: <IdcardOutlined />,
  memberLevels: <CrownOutlined />,
  coupons: <TagsOutlined />,
  groupBuy: <UsergroupAddOutlined />,
  live: <VideoCameraOutlined />,
  repeatPurchase: <LineChartOutlined />,
  dueForRepurchase: <FieldTimeOutlined />,
  referralReport: <ShareAltOutlined />,
  shopSettings: <SettingOutlined />,
  staff: <TeamOutlined />,
  jobs: <ScheduleOutlined />,
  promoters: <ApartmentOutlined />,
  commissions: <AccountBookOutlined />,
  referralSettings: <SlidersOutlined />,
  withdrawals: <WalletOutlined />,
  inviteRewards: <GiftOutlined />,
};

/** Pages reached from a menu entry but not listed in the menu; they keep their parent entry highlighted. */
const HIDDEN_CHILDREN: Partial<Record<PageKey, MenuDataItem[]>> = {
  products: [
    { path: '/products/new', name: '新建商品' },
    { path: '/products/:id/edit', name: '编辑商品' },
  ],
  orders: [{ path: '/orders/:orderNo', name: '订单详情' }],
  coupons: [
    { path: '/coupons/new', name: '新建优惠券' },
    { path: '/coupons/:id/edit', name: '编辑优惠券' },
  ],
  members: [{ path: '/members/:id', name: '会员详情' }],
  live: [
    { path: '/live/report', name: '直播数据' },
    { path: '/live/sessions/:id/report', name: '场次数据' },
    { path: '/live/settings', name: '直播设置' },
  ],
};

export default function AdminLayout() {
  const staff = useCurrentStaff();
  const { logout } = useAuth();
  const location = useLocation();
  const navigate = useNavigate();

  const routes: MenuDataItem[] = menuFor(staff.role).map((entry) => ({
    path: entry.path,
    name: entry.name,
    icon: MENU_ICONS[entry.key],
    children: HIDDEN_CHILDREN[entry.key],
    hideChildrenInMenu: true,
  }));

  return (
    <ProLayout
      title="店铺管理后台"
      logo={false}
      layout="mix"
      fixSiderbar
      route={{ path: '/', routes }}
      location={{ pathname: location.pathname }}
      menuItemRender={(item, dom) => (item.path ? <Link to={item.path}>{dom}</Link> : dom)}
      actionsRender={() => [
        <Space key="staff" data-testid="current-staff">
          <Typography.Text>{staff.displayName}</Typography.Text>
          <Tag color="blue">{STAFF_ROLE_LABELS[staff.role]}</Tag>
        </Space>,
        <Button
          key="logout"
          type="text"
          icon={<LogoutOutlined />}
          onClick={() => {
            logout();
            // Straight to the login page: the next person to sign in should not land on this account's last page.
            navigate('/login', { replace: true });
          }}
        >
          退出登录
        </Button>,
      ]}
    >
      {canOpen(staff.role, 'orders') && <NewOrderNotices />}
      <Suspense fallback={<PageSpinner />}>
        <Outlet />
      </Suspense>
    </ProLayout>
  );
}
