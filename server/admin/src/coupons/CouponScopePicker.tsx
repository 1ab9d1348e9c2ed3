import type { AdminCouponTemplate, CouponScope } from '@shared/api/coupons';
import type { CategoryNode } from '@shared/api/catalog';
import { Select, Spin, TreeSelect } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { categoryOptions } from '@/categories/category-tree';
import { errorText } from '@/common/feedback';
import { fetchProducts } from '@/products/products-api';

const SEARCH_DELAY_MS = 300;

interface ScopePickerProps {
  scope: Exclude<CouponScope, 'all'>;
  categories: CategoryNode[];
  /** The saved template's scope names, so chosen products show their titles before any search. */
  savedItems: AdminCouponTemplate['scopeItems'];
  value?: number[];
  onChange?: (ids: number[]) => void;
  disabled?: boolean;
}

/** The ids a coupon applies to: categories from the tree (a top-level one covers its subcategories), or products by search. */
export function CouponScopePicker({ scope, categories, savedItems, value = [], onChange, disabled }: ScopePickerProps) {
  if (scope === 'categories') {
    return (
      <TreeSelect
        aria-label="适用分类"
        treeData={categoryOptions(categories)}
        value={value}
        onChange={(ids: number[]) => onChange?.(ids)}
        treeCheckable
        // Checking a whole top-level category keeps just its id: the coupon then covers subcategories added later too.
        showCheckedStrategy={TreeSelect.SHOW_PARENT}
        treeDefaultExpandAll
        placeholder="选择分类"
        disabled={disabled}
        style={{ maxWidth: 480 }}
        notFoundContent="暂无分类，请先到分类管理新建"
      />
    );
  }
  return <ProductSearchSelect savedItems={savedItems} value={value} onChange={onChange} disabled={disabled} />;
}

function ProductSearchSelect({ savedItems, value, onChange, disabled }: Omit<ScopePickerProps, 'scope' | 'categories'> & { value: number[] }) {
  const [options, setOptions] = useState<{ value: number; label: string }[]>([]);
  const [searching, setSearching] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const labels = useRef(new Map(savedItems.map((item) => [item.id, item.name])));
  const timer = useRef<ReturnType<typeof setTimeout>>();
  const latest = useRef(0);

  useEffect(() => () => clearTimeout(timer.current), []);

  const search = (keyword: string) => {
    clearTimeout(timer.current);
    timer.current = setTimeout(async () => {
      const call = ++latest.current;
      setSearching(true);
      setFailure(null);
      try {
        const page = await fetchProducts({ keyword: keyword.trim() || undefined, page: 1, pageSize: 20 });
        if (call !== latest.current) return;
        for (const product of page.items) labels.current.set(product.id, product.title);
        setOptions(page.items.map((product) => ({ value: product.id, label: `${product.title}（ID ${product.id}）` })));
      } catch (error) {
        if (call === latest.current) setFailure(errorText(error));
      } finally {
        if (call === latest.current) setSearching(false);
      }
    }, SEARCH_DELAY_MS);
  };

  // The first products show as soon as the list opens, before anything is typed.
  useEffect(() => search(''), []);

  const shown = [
    ...value.filter((id) => !options.some((option) => option.value === id)).map((id) => ({ value: id, label: labels.current.get(id) ?? `商品 ID ${id}` })),
    ...options,
  ];

  return (
    <Select
      mode="multiple"
      aria-label="适用商品"
      placeholder="输入商品名称搜索"
      showSearch
      filterOption={false}
      value={value}
      options={shown}
      onSearch={search}
      onChange={(ids: number[]) => onChange?.(ids)}
      disabled={disabled}
      style={{ maxWidth: 480 }}
      notFoundContent={searching ? <Spin size="small" /> : (failure ?? '没有找到商品')}
    />
  );
}
