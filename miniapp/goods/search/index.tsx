import { useMemo, useState } from 'react';
import { useReachBottom, useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { SearchBar } from '@nutui/nutui-react-taro';
import type { ProductSort } from '@shared/api/catalog';
import { useProductFeed } from '@/hooks/useProductFeed';
import { PageState } from '@/components/page-state/PageState';
import { ProductGrid } from '@/components/product-card/ProductCard';
import { FeedFooter } from '@/components/product-card/FeedFooter';
import { SortTabs } from '@/components/sort-tabs/SortTabs';
import { NoResultSuggestions, SearchStart } from './SearchSuggestions';
import { useSearchHistory } from './useSearchHistory';
import './index.scss';

const KEYWORD_MAX_LENGTH = 50;

export default function SearchPage() {
  const initialKeyword = decodeURIComponent(useRouter().params.keyword ?? '');
  const [input, setInput] = useState(initialKeyword);
  const [keyword, setKeyword] = useState(initialKeyword.trim());
  const [sort, setSort] = useState<ProductSort>('default');
  const query = useMemo(() => (keyword ? { keyword, sort } : null), [keyword, sort]);
  const feed = useProductFeed(query);
  const history = useSearchHistory();

  useReachBottom(() => feed.loadMore());

  const search = (value: string) => {
    setKeyword(value.trim());
    history.remember(value);
  };
  /** A tapped 搜索历史 / 热门搜索 chip fills the box and searches. */
  const pick = (value: string) => {
    setInput(value);
    search(value);
  };

  return (
    <View className="search-page">
      <SearchBar
        className="search-input"
        shape="round"
        value={input}
        maxLength={KEYWORD_MAX_LENGTH}
        placeholder="搜索好茶、茶点"
        onChange={(value) => setInput(value)}
        onSearch={search}
        onClear={() => setKeyword('')}
        right={
          <Text className="search-page__submit search-submit" onClick={() => search(input)}>
            搜索
          </Text>
        }
      />
      {!keyword ? (
        <SearchStart history={history.keywords} onPick={pick} onClearHistory={history.clear} />
      ) : (
        <>
          <SortTabs value={sort} onChange={setSort} />
          {feed.status === 'loading' && <PageState status="loading" text="搜索中…" />}
          {feed.status === 'error' && <PageState status="error" text={feed.error ?? '搜索失败'} onRetry={feed.retry} />}
          {feed.status === 'ready' &&
            (feed.items.length === 0 ? (
              <>
                <PageState status="empty" text="没有找到相关商品" />
                <NoResultSuggestions />
              </>
            ) : (
              <View className="search-results">
                <ProductGrid products={feed.items} />
                <FeedFooter
                  loadingMore={feed.loadingMore}
                  loadMoreFailed={feed.loadMoreFailed}
                  hasMore={feed.hasMore}
                  onRetry={feed.loadMore}
                />
              </View>
            ))}
        </>
      )}
    </View>
  );
}
