import type { CategoryNode } from '@shared/api/catalog';

export interface CategoryPlace {
  /** The top-level category to show in the sidebar. */
  topId: number;
  /** The subcategory chip to choose in the pane, or null for 全部. */
  subId: number | null;
}

/** Where a category id sits in the two-level tree (a banner may point at a subcategory); null if unknown. */
export function locateCategory(tree: CategoryNode[], categoryId: number): CategoryPlace | null {
  for (const top of tree) {
    if (top.id === categoryId) return { topId: top.id, subId: null };
    if (top.children.some((child) => child.id === categoryId)) return { topId: top.id, subId: categoryId };
  }
  return null;
}
