import { useState } from 'react';
import Taro, { useReachBottom, useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { orderStatusText, ORDER_TAB_LABELS, ORDER_TABS, type OrderTab } from '@shared/api/orders';
import { listOrders } from '@/services/orders';
import { useSession } from '@/store/session';
import { usePagedList } from '@/hooks/usePagedList';
import { usePullDownReload, useReloadOnReturn } from '@/hooks/usePageReload';
import { orderDetailUrl } from '@/routes';
import { PageState } from '@/components/page-state/PageState';
import { PriceText } from '@/components/price-text/PriceText';
import { FeedFooter } from '@/components/product-card/FeedFooter';
import { LoginPrompt } from '@/components/login-prompt/LoginPrompt';
import { OrderLines } from '../components/OrderLines';
import { OrderActionBar } from '../components/OrderActionBar';
import { openOrder, useOrderActions } from '../useOrderActions';
import './index.scss';

const PAGE_SIZE = 10;

function initialTab(param: string | undefined): OrderTab {
  return (ORDER_TABS as readonly string[]).includes(param ?? '') ? (param as OrderTab) : 'all';
}

/** 我的订单 with the 全部/待付款/待发货/待收货/已完成/售后 tabs. */
export default function OrderListPage() {
  const { token } = useSession();
  const tabParam = useRouter().params.tab;
  const [tab, setTab] = useState<OrderTab>(() => initialTab(tabParam));
  const list = usePagedList(
    token ? tab : null,
    (page) => listOrders({ status: tab, page, pageSize: PAGE_SIZE }),
    (order) => order.orderNo,
  );
  const actions = useOrderActions({
    onChanged: () => list.refresh(),
    onPaid: (orderNo) => Taro.navigateTo({ url: `${orderDetailUrl(orderNo)}&paying=1` }),
  });

  // Back from an order's page, its state may have changed (paid, cancelled, received).
  useReloadOnReturn(list.refresh);

  usePullDownReload(list.refresh);
  useReachBottom(() => list.loadMore());

  if (!token) return <LoginPrompt text="登录后查看订单" />;

  return (
    <View className="order-list-page">
      <View className="order-tabs">
        {ORDER_TABS.map((key) => (
          <Text
            key={key}
            className={`order-tab${key === tab ? ' order-tab--active' : ''}`}
            data-tab={key}
            onClick={() => setTab(key)}
          >
            {ORDER_TAB_LABELS[key]}
          </Text>
        ))}
      </View>

      {list.status === 'loading' && <PageState status="loading" />}
      {list.status === 'error' && <PageState status="error" text={list.error!} onRetry={list.retry} />}
      {list.status === 'ready' && list.items.length === 0 && <PageState status="empty" text="暂无相关订单" />}
      {list.status === 'ready' &&
        list.items.map((order) => (
          <View key={order.orderNo} className="order-card" data-order-no={order.orderNo} onClick={() => openOrder(order.orderNo)}>
            <View className="order-card__head">
              <Text className="order-card__no">订单号 {order.orderNo}</Text>
              <Text className="order-card__status order-status">{orderStatusText(order)}</Text>
            </View>
            <OrderLines lines={order.lines} />
            <View className="order-card__total">
              <Text>共 {order.itemCount} 件，实付 </Text>
              <PriceText fen={order.payableFen} />
            </View>
            <OrderActionBar
              status={order.status}
              onHold={order.fulfilmentHold !== null}
              busy={actions.busy}
              onAction={(action) => actions.run(action, order.orderNo, order.groupBuyTeamId !== null)}
            />
          </View>
        ))}
      {list.status === 'ready' && list.items.length > 0 && (
        <FeedFooter
          loadingMore={list.loadingMore}
          loadMoreFailed={list.loadMoreFailed}
          hasMore={list.hasMore}
          onRetry={list.loadMore}
        />
      )}
    </View>
  );
}
