import { Tabs } from '@nutui/nutui-react-taro';
import type { ProductSort } from '@shared/api/catalog';
import { SORT_TABS, sortAfterTap, sortTabLabel, tabOfSort, type SortTab } from './sort';
import './sort-tabs.scss';

interface SortTabsProps {
  value: ProductSort;
  onChange(sort: ProductSort): void;
}

export function SortTabs({ value, onChange }: SortTabsProps) {
  return (
    <Tabs
      className="sort-tabs"
      value={tabOfSort(value)}
      activeType="line"
      onClick={(tab) => onChange(sortAfterTap(value, tab as SortTab))}
    >
      {SORT_TABS.map((tab) => (
        <Tabs.TabPane key={tab} value={tab} title={sortTabLabel(tab, value)} />
      ))}
    </Tabs>
  );
}
