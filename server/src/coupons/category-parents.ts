import { IsNull, Not, type EntityManager } from 'typeorm';
import { Category } from '../catalog/category.entity';
import type { CategoryParents } from './coupon-rules';

/** The parent of every subcategory (two levels at most, a few dozen rows): what a category scope needs. */
export async function loadCategoryParents(manager: EntityManager): Promise<CategoryParents> {
  const children = await manager.find(Category, { select: { id: true, parentId: true }, where: { parentId: Not(IsNull()) } });
  return new Map(children.map((category) => [category.id, category.parentId!]));
}
