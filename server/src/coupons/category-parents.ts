import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull, Not } from 'typeorm';
import { CategoryRow } from '../catalog/category.entity';
import { ShortLivedValue } from '../platform/cache/short-lived-value';
import type { CategoryParents } from './coupon-rules';

/**
 * How long this instance judges category scopes by its own copy of the category tree. Every checkout with
 * coupons needs it, categories rarely move, and a moved subcategory only changes which scopes cover it.
 */
export const CATEGORY_PARENTS_CACHE_MS = 5_000;

/** The parent of every subcategory (two levels at most, a few dozen rows): what a category scope needs. */
@Injectable()
export class CategoryParentsCache {
  private readonly cached = new ShortLivedValue(CATEGORY_PARENTS_CACHE_MS, () => this.load());

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  current(): Promise<CategoryParents> {
    return this.cached.get();
  }

  private async load(): Promise<CategoryParents> {
    const children = await this.dataSource.getRepository(CategoryRow).find({ select: { id: true, parentId: true }, where: { parentId: Not(IsNull()) } });
    return new Map(children.map((category) => [category.id, category.parentId!]));
  }
}
