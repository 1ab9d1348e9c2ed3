import { useEffect } from 'react';
import { Text, View } from '@tarojs/components';
import type { ProductSummary } from '@shared/api/catalog';
import { fetchBestSellers, fetchHotWords } from '@/services/catalog';
import { useLoadable } from '@/hooks/useLoadable';
import { ProductGrid } from '@/components/product-card/ProductCard';

/** A titled row of keyword chips (搜索历史, 热门搜索); a tap searches for the keyword. */
function KeywordChips(props: { title: string; keywords: string[]; className: string; onPick(keyword: string): void; onClear?(): void }) {
  return (
    <View className={`search-keywords ${props.className}`}>
      <View className="search-keywords__head">
        <Text className="search-keywords__title">{props.title}</Text>
        {props.onClear && (
          <Text className="search-keywords__clear clear-history" onClick={props.onClear}>
            清空
          </Text>
        )}
      </View>
      <View className="search-keywords__chips">
        {props.keywords.map((keyword) => (
          <Text key={keyword} className="search-keywords__chip keyword-chip" onClick={() => props.onPick(keyword)}>
            {keyword}
          </Text>
        ))}
      </View>
    </View>
  );
}

/** Before a search: the shopper's own 搜索历史 and the shop's 热门搜索 (hot words load quietly; none on failure). */
export function SearchStart(props: { history: string[]; onPick(keyword: string): void; onClearHistory(): void }) {
  const { state, reload } = useLoadable(fetchHotWords);
  useEffect(() => {
    reload();
  }, [reload]);
  const hotWords = state.status === 'ready' ? state.data.words : [];

  if (props.history.length === 0 && hotWords.length === 0) {
    return <Text className="search-page__hint">输入商品名称，找到想要的好物</Text>;
  }
  return (
    <View className="search-start">
      {props.history.length > 0 && (
        <KeywordChips title="搜索历史" className="search-history" keywords={props.history} onPick={props.onPick} onClear={props.onClearHistory} />
      )}
      {hotWords.length > 0 && <KeywordChips title="热门搜索" className="hot-words" keywords={hotWords} onPick={props.onPick} />}
    </View>
  );
}

const SUGGESTED_COUNT = 6;
const loadSuggestions = () => fetchBestSellers(SUGGESTED_COUNT);

/** Under 没有找到相关商品: the best sellers that can be bought, so the search is not a dead end. */
export function NoResultSuggestions() {
  const { state, reload } = useLoadable<ProductSummary[]>(loadSuggestions);
  useEffect(() => {
    reload();
  }, [reload]);
  if (state.status !== 'ready' || state.data.length === 0) return null;
  return (
    <View className="search-suggested">
      <Text className="search-suggested__title">为你推荐 · 店内热销</Text>
      <ProductGrid products={state.data} />
    </View>
  );
}
