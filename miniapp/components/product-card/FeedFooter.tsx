import { Text, View } from '@tarojs/components';
import { Loading } from '@nutui/nutui-react-taro';
// Lists without product cards (orders, points) use the footer too, so it brings its own style.
import './product-card.scss';

interface FeedFooterProps {
  loadingMore: boolean;
  loadMoreFailed: boolean;
  hasMore: boolean;
  onRetry(): void;
}

/** The line under a product feed: loading the next page, a retry link, or "没有更多了" at the end. */
export function FeedFooter({ loadingMore, loadMoreFailed, hasMore, onRetry }: FeedFooterProps) {
  let content;
  if (loadingMore) content = <Loading type="spinner">加载中…</Loading>;
  else if (loadMoreFailed) content = <Text onClick={onRetry}>加载失败，点击重试</Text>;
  else if (!hasMore) content = <Text>没有更多了</Text>;
  else content = <Text>上拉加载更多</Text>;
  return <View className="feed-footer">{content}</View>;
}
