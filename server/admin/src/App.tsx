import { Button, Result } from 'antd';
import { lazy, Suspense, type ReactNode } from 'react';
import { BrowserRouter, Navigate, Route, Routes, useLocation, useNavigate } from 'react-router-dom';
import { homePathFor } from '@/auth/access';
import { useAuth, useCurrentStaff } from '@/auth/AuthProvider';
import { RequirePage } from '@/auth/RequirePage';
import { PageSpinner } from '@/common/PageSpinner';

// Pages load on demand so the login screen does not wait for every table and form.
const LoginPage = lazy(() => import('@/auth/LoginPage'));
const AdminLayout = lazy(() => import('@/layout/AdminLayout'));
const OverviewPage = lazy(() => import('@/overview/OverviewPage'));
const ProductListPage = lazy(() => import('@/products/ProductListPage'));
const ProductEditPage = lazy(() => import('@/products/ProductEditPage'));
const CategoryPage = lazy(() => import('@/categories/CategoryPage'));
const OrderListPage = lazy(() => import('@/orders/OrderListPage'));
const OrderDetailPage = lazy(() => import('@/orders/OrderDetailPage'));
const BatchShipPage = lazy(() => import('@/orders/BatchShipPage'));
const PickingListPage = lazy(() => import('@/orders/picking/PickingListPage'));
const AfterSaleListPage = lazy(() => import('@/after-sales/AfterSaleListPage'));
const MemberListPage = lazy(() => import('@/members/MemberListPage'));
const MemberLevelsPage = lazy(() => import('@/loyalty/MemberLevelsPage'));
const CouponListPage = lazy(() => import('@/coupons/CouponListPage'));
const CouponEditPage = lazy(() => import('@/coupons/CouponEditPage'));
const GroupBuyListPage = lazy(() => import('@/group-buy/GroupBuyListPage'));
const LiveSessionListPage = lazy(() => import('@/live/LiveSessionListPage'));
const LiveReportPage = lazy(() => import('@/live/LiveReportPage'));
const LiveSessionReportPage = lazy(() => import('@/live/LiveSessionReportPage'));
const LiveSettingsPage = lazy(() => import('@/live/LiveSettingsPage'));
const MemberDetailPage = lazy(() => import('@/members/MemberDetailPage'));
// The dashboard carries the chart library: loaded only when opened, so the console's first load stays as it was.
const RepeatPurchaseDashboardPage = lazy(() => import('@/analytics/RepeatPurchaseDashboardPage'));
const DueForRepurchasePage = lazy(() => import('@/analytics/DueForRepurchasePage'));
const ReferralReportPage = lazy(() => import('@/referral-report/ReferralReportPage'));
const ShopSettingsPage = lazy(() => import('@/settings/ShopSettingsPage'));
const StaffPage = lazy(() => import('@/staff/StaffPage'));
const JobsPage = lazy(() => import('@/jobs/JobsPage'));
const PromotersPage = lazy(() => import('@/referral/PromotersPage'));
const CommissionsPage = lazy(() => import('@/referral/CommissionsPage'));
const ReferralSettingsPage = lazy(() => import('@/referral/ReferralSettingsPage'));
const WithdrawalsPage = lazy(() => import('@/withdrawals/WithdrawalsPage'));
const InviteRewardsPage = lazy(() => import('@/referral/invite/InviteRewardsPage'));

/** The server serves the console under /admin and answers index.html for every path below it. */
export const ROUTER_BASENAME = '/admin';

export function AppRoutes() {
  return (
    <BrowserRouter basename={ROUTER_BASENAME}>
      <Suspense fallback={<PageSpinner />}>
        <Routes>
          <Route path="/login" element={<LoginPage />} />
          {/* A print page: no menu or header around it. */}
          <Route
            path="/picking-list"
            element={
              <RequireSignIn>
                <RequirePage page="pickingList">
                  <PickingListPage />
                </RequirePage>
              </RequireSignIn>
            }
          />
          <Route
            element={
              <RequireSignIn>
                <AdminLayout />
              </RequireSignIn>
            }
          >
            <Route index element={<HomeRedirect />} />
            <Route path="overview" element={<RequirePage page="overview"><OverviewPage /></RequirePage>} />
            <Route path="products" element={<RequirePage page="products"><ProductListPage /></RequirePage>} />
            <Route path="products/new" element={<RequirePage page="productEdit"><ProductEditPage /></RequirePage>} />
            <Route path="products/:id/edit" element={<RequirePage page="productEdit"><ProductEditPage /></RequirePage>} />
            <Route path="categories" element={<RequirePage page="categories"><CategoryPage /></RequirePage>} />
            <Route path="orders" element={<RequirePage page="orders"><OrderListPage /></RequirePage>} />
            <Route path="batch-ship" element={<RequirePage page="batchShip"><BatchShipPage /></RequirePage>} />
            <Route path="orders/:orderNo" element={<RequirePage page="orders"><OrderDetailPage /></RequirePage>} />
            <Route path="after-sales" element={<RequirePage page="afterSales"><AfterSaleListPage /></RequirePage>} />
            <Route path="members" element={<RequirePage page="members"><MemberListPage /></RequirePage>} />
            <Route path="member-levels" element={<RequirePage page="memberLevels"><MemberLevelsPage /></RequirePage>} />
            <Route path="coupons" element={<RequirePage page="coupons"><CouponListPage /></RequirePage>} />
            <Route path="coupons/new" element={<RequirePage page="couponEdit"><CouponEditPage /></RequirePage>} />
            <Route path="coupons/:id/edit" element={<RequirePage page="couponEdit"><CouponEditPage /></RequirePage>} />
            <Route path="group-buy" element={<RequirePage page="groupBuy"><GroupBuyListPage /></RequirePage>} />
            <Route path="live" element={<RequirePage page="live"><LiveSessionListPage /></RequirePage>} />
            <Route path="live/report" element={<RequirePage page="live"><LiveReportPage /></RequirePage>} />
            <Route path="live/sessions/:id/report" element={<RequirePage page="live"><LiveSessionReportPage /></RequirePage>} />
            <Route path="live/settings" element={<RequirePage page="live"><LiveSettingsPage /></RequirePage>} />
            <Route path="members/:id" element={<RequirePage page="members"><MemberDetailPage /></RequirePage>} />
            <Route path="analytics/repeat-purchase" element={<RequirePage page="repeatPurchase"><RepeatPurchaseDashboardPage /></RequirePage>} />
            <Route path="analytics/due-for-repurchase" element={<RequirePage page="dueForRepurchase"><DueForRepurchasePage /></RequirePage>} />
            <Route path="referral/report" element={<RequirePage page="referralReport"><ReferralReportPage /></RequirePage>} />
            <Route path="settings/shop" element={<RequirePage page="shopSettings"><ShopSettingsPage /></RequirePage>} />
            <Route path="staff" element={<RequirePage page="staff"><StaffPage /></RequirePage>} />
            <Route path="jobs" element={<RequirePage page="jobs"><JobsPage /></RequirePage>} />
            <Route path="referral/promoters" element={<RequirePage page="promoters"><PromotersPage /></RequirePage>} />
            <Route path="referral/commissions" element={<RequirePage page="commissions"><CommissionsPage /></RequirePage>} />
            <Route path="referral/settings" element={<RequirePage page="referralSettings"><ReferralSettingsPage /></RequirePage>} />
            <Route path="referral/withdrawals" element={<RequirePage page="withdrawals"><WithdrawalsPage /></RequirePage>} />
            <Route path="referral/invite-rewards" element={<RequirePage page="inviteRewards"><InviteRewardsPage /></RequirePage>} />
            <Route path="*" element={<NotFound />} />
          </Route>
        </Routes>
      </Suspense>
    </BrowserRouter>
  );
}

/** The console's home: 经营概览 or the product list, by role. */
function HomeRedirect() {
  return <Navigate to={homePathFor(useCurrentStaff().role)} replace />;
}

function RequireSignIn({ children }: { children: ReactNode }) {
  const { session } = useAuth();
  const location = useLocation();
  if (session.status === 'loading') return <PageSpinner tip="正在确认登录状态…" />;
  if (session.status === 'signedOut') {
    return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  }
  return <>{children}</>;
}

function NotFound() {
  const navigate = useNavigate();
  return (
    <Result
      status="404"
      title="页面不存在"
      extra={<Button type="primary" onClick={() => navigate('/products')}>返回商品列表</Button>}
    />
  );
}
