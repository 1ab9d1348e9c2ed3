import { useCallback, useEffect, useMemo, useState } from 'react';
import { useDidShow, useRouter } from '@tarojs/taro';
import { ScrollView, Text, View } from '@tarojs/components';
import { SideBar } from '@nutui/nutui-react-taro';
import type { CategoryNode, ProductSort } from '@shared/api/catalog';
import { fetchCategoryTree } from '@/services/catalog';
import { takeRequestedCategoryId } from '@/routes';
import { useProductFeed } from '@/hooks/useProductFeed';
import { usePageShare } from '@/hooks/usePageShare';
import { assetUrl } from '@/services/api-origin';
import { useShopProfile } from '@/services/shop';
import { PageState } from '@/components/page-state/PageState';
import { ProductGrid } from '@/components/product-card/ProductCard';
import { FeedFooter } from '@/components/product-card/FeedFooter';
import { SortTabs } from '@/components/sort-tabs/SortTabs';
import { locateCategory } from './category-tree';
import './index.scss';
import { useCartBadge } from '@/store/cart-badge';

type TreeState = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; categories: CategoryNode[] };

/** Right pane: the chosen top-level category's subcategories and products. */
function CategoryPane({ category, initialSubcategoryId }: { category: CategoryNode; initialSubcategoryId: number | null }) {
  // null = 全部 (the top-level category, which includes its subcategories' products).
  const [subcategoryId, setSubcategoryId] = useState<number | null>(initialSubcategoryId);
  const [sort, setSort] = useState<ProductSort>('default');
  const query = useMemo(() => ({ categoryId: subcategoryId ?? category.id, sort }), [subcategoryId, category.id, sort]);
  const feed = useProductFeed(query);

  const chips = [{ id: null, name: '全部' }, ...category.children.map(({ id, name }) => ({ id, name }))];

  return (
    <ScrollView className="category-pane" scrollY lowerThreshold={80} onScrollToLower={feed.loadMore}>
      <Text className="category-pane__title">{category.name}</Text>
      {category.children.length > 0 && (
        <View className="category-pane__subcategories">
          {chips.map((chip) => (
            <Text
              key={chip.id ?? 'all'}
              className={`subcategory-chip${chip.id === subcategoryId ? ' subcategory-chip--active' : ''}`}
              onClick={() => setSubcategoryId(chip.id)}
            >
              {chip.name}
            </Text>
          ))}
        </View>
      )}
      <SortTabs value={sort} onChange={setSort} />
      {feed.status === 'loading' && <PageState status="loading" />}
      {feed.status === 'error' && <PageState status="error" text={feed.error ?? '加载失败'} onRetry={feed.retry} />}
      {feed.status === 'ready' &&
        (feed.items.length === 0 ? (
          <PageState status="empty" text="这个分类还没有商品" />
        ) : (
          <>
            <ProductGrid products={feed.items} layout="list" />
            <FeedFooter
              loadingMore={feed.loadingMore}
              loadMoreFailed={feed.loadMoreFailed}
              hasMore={feed.hasMore}
              onRetry={feed.loadMore}
            />
          </>
        ))}
    </ScrollView>
  );
}

export default function CategoryPage() {
  useCartBadge();
  const [tree, setTree] = useState<TreeState>({ status: 'loading' });
  const [activeId, setActiveId] = useState<number | null>(null);
  // A category another page asked for, and the pane opening it (a new key remounts the pane on that chip).
  // A shared category page opens on the category its sharer was looking at (`?categoryId=`).
  const sharedCategoryId = Number(useRouter().params.categoryId);
  const [requestedId, setRequestedId] = useState<number | null>(Number.isInteger(sharedCategoryId) && sharedCategoryId > 0 ? sharedCategoryId : null);
  const [paneOpening, setPaneOpening] = useState({ key: 0, subcategoryId: null as number | null });

  const loadTree = useCallback(async () => {
    setTree({ status: 'loading' });
    try {
      const categories = await fetchCategoryTree();
      setTree({ status: 'ready', categories });
      setActiveId((current) => current ?? categories[0]?.id ?? null);
    } catch (error) {
      setTree({ status: 'error', message: (error as Error).message });
    }
  }, []);

  useEffect(() => {
    loadTree();
  }, [loadTree]);

  // The home page's category entries and banners open this tab on a given (sub)category.
  useDidShow(() => {
    const requested = takeRequestedCategoryId();
    if (requested !== null) setRequestedId(requested);
  });

  useEffect(() => {
    if (tree.status !== 'ready' || requestedId === null) return;
    const place = locateCategory(tree.categories, requestedId);
    if (place) {
      setActiveId(place.topId);
      setPaneOpening((previous) => ({ key: previous.key + 1, subcategoryId: place.subId }));
    }
    setRequestedId(null);
  }, [tree, requestedId]);

  const { profile, shopName } = useShopProfile();
  const activeCategory = tree.status === 'ready' ? tree.categories.find((category) => category.id === activeId) : undefined;
  usePageShare({
    page: 'pages/category/index',
    query: activeCategory ? { categoryId: activeCategory.id } : {},
    link: { kind: 'page' },
    title: activeCategory ? `${activeCategory.name} · ${shopName}` : shopName,
    imageUrl: profile?.logoUrl ? assetUrl(profile.logoUrl) : undefined,
  });

  if (tree.status === 'loading') return <PageState status="loading" />;
  if (tree.status === 'error') return <PageState status="error" text={tree.message} onRetry={loadTree} />;
  if (tree.categories.length === 0) return <PageState status="empty" text="店铺还没有商品分类" />;

  return (
    <View className="category-page">
      <SideBar
        className="category-sidebar"
        value={activeId ?? undefined}
        onChange={(value) => {
          setActiveId(Number(value));
          setPaneOpening((previous) => ({ key: previous.key + 1, subcategoryId: null }));
        }}
      >
        {tree.categories.map((category) => (
          <SideBar.Item key={category.id} value={category.id} title={category.name}>
            {/* Only the chosen category loads its products; the others keep an empty slot for the sidebar's layout. */}
            {category.id === activeId ? (
              <CategoryPane key={paneOpening.key} category={category} initialSubcategoryId={paneOpening.subcategoryId} />
            ) : (
              <View />
            )}
          </SideBar.Item>
        ))}
      </SideBar>
    </View>
  );
}
