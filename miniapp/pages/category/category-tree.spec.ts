import type { CategoryNode } from '@shared/api/catalog';
import { locateCategory } from './category-tree';

const node = (id: number, parentId: number | null, children: CategoryNode[] = []): CategoryNode => ({
  id,
  parentId,
  name: `分类${id}`,
  icon: null,
  sortOrder: 0,
  children,
});

const tree = [node(1, null, [node(2, 1), node(3, 1)]), node(4, null, [node(5, 4)])];

describe('locating a category in the tree', () => {
  it('opens a top-level category on 全部', () => {
    expect(locateCategory(tree, 4)).toEqual({ topId: 4, subId: null });
  });

  it('opens a subcategory under its parent with its chip chosen', () => {
    expect(locateCategory(tree, 5)).toEqual({ topId: 4, subId: 5 });
  });

  it('knows nothing of an id outside the tree', () => {
    expect(locateCategory(tree, 99)).toBeNull();
  });
});
