import type { CategoryNode } from '@shared/api/catalog';

/** The ids from the top level down to the category, for a cascader value; null when the id is not in the tree. */
export function findCategoryPath(tree: CategoryNode[], id: number): number[] | null {
  for (const node of tree) {
    if (node.id === id) return [node.id];
    const child = node.children.find((candidate) => candidate.id === id);
    if (child) return [node.id, child.id];
  }
  return null;
}

export interface CategoryOption {
  value: number;
  label: string;
  children?: CategoryOption[];
}

/** Cascader / tree-select options for the two-level tree. */
export function categoryOptions(tree: CategoryNode[]): CategoryOption[] {
  return tree.map((node) => ({
    value: node.id,
    label: node.name,
    ...(node.children.length ? { children: node.children.map((child) => ({ value: child.id, label: child.name })) } : {}),
  }));
}
