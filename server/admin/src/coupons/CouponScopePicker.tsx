import type { AdminCouponTemplate, CouponScope } from '@shared/api/coupons';
import type { CategoryNode } from '@shared/api/catalog';
import { TreeSelect } from 'antd';
import { categoryOptions } from '@/categories/category-tree';
import { searchProductOptions } from '@/products/products-api';
import { RemoteSearchSelect } from './RemoteSearchSelect';

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
  return (
    <RemoteSearchSelect
      aria-label="适用商品"
      placeholder="输入商品名称搜索"
      emptyText="没有找到商品"
      search={searchProductOptions}
      searchOnMount
      knownLabels={savedItems.map((item) => ({ value: item.id, label: item.name }))}
      value={value}
      onChange={onChange}
      disabled={disabled}
      style={{ maxWidth: 480 }}
    />
  );
}
