import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import type { CategoryNode } from '../../../shared';
import { AnswerTags, answersEdited } from '../platform/cache/cache-changes';
import { TransactionRunner } from '../platform/database/transaction-runner';
import { ApiException } from '../platform/errors/api-exception';
import { categoryTree } from './catalog-views';
import { CategoryRow } from './category.entity';
import { CreateCategoryDto, UpdateCategoryDto } from './admin-catalog.dto';
import { ProductRow } from './product.entity';

const notFound = () => new ApiException('CATEGORY_NOT_FOUND', HttpStatus.NOT_FOUND, '分类不存在');
const tooDeep = (message: string) => new ApiException('CATEGORY_TOO_DEEP', HttpStatus.BAD_REQUEST, message);

/** Category CRUD for staff. Two levels: a parent must be top-level, and a category with children stays top-level. */
@Injectable()
export class CategoriesAdminService {
  constructor(
    @InjectRepository(CategoryRow) private readonly categories: Repository<CategoryRow>,
    @InjectRepository(ProductRow) private readonly products: Repository<ProductRow>,
    private readonly transactions: TransactionRunner,
  ) {}

  async create(input: CreateCategoryDto): Promise<CategoryNode> {
    const parentId = input.parentId ?? null;
    if (parentId !== null) await this.assertCanBeParent(parentId);
    const id = await this.transactions.run(async (manager) => {
      const result = await manager.insert(CategoryRow, {
        name: input.name.trim(),
        parentId,
        icon: input.icon ?? null,
        sortOrder: input.sortOrder ?? 0,
      });
      await answersEdited(manager, AnswerTags.catalog);
      return result.identifiers[0].id as number;
    });
    return this.node(id);
  }

  async update(id: number, changes: UpdateCategoryDto): Promise<CategoryNode> {
    const category = await this.categories.findOneBy({ id });
    if (!category) throw notFound();
    if (changes.parentId !== undefined && changes.parentId !== null) {
      if (changes.parentId === id) throw tooDeep('分类不能成为自己的子分类');
      await this.assertCanBeParent(changes.parentId);
      if (await this.categories.existsBy({ parentId: id })) throw tooDeep('该分类下有子分类，不能再放到其他分类下（最多两级）');
    }
    const update: Partial<CategoryRow> = {};
    if (changes.name !== undefined) update.name = changes.name.trim();
    if (changes.parentId !== undefined) update.parentId = changes.parentId;
    if (changes.icon !== undefined) update.icon = changes.icon;
    if (changes.sortOrder !== undefined) update.sortOrder = changes.sortOrder;
    if (Object.keys(update).length > 0) {
      await this.transactions.run(async (manager) => {
        await manager.update(CategoryRow, { id }, update);
        await answersEdited(manager, AnswerTags.catalog);
      });
    }
    return this.node(id);
  }

  async remove(id: number): Promise<void> {
    if (!(await this.categories.existsBy({ id }))) throw notFound();
    if ((await this.categories.existsBy({ parentId: id })) || (await this.products.existsBy({ categoryId: id }))) {
      throw new ApiException('CATEGORY_NOT_EMPTY', HttpStatus.CONFLICT, '分类下还有子分类或商品，不能删除');
    }
    await this.transactions.run(async (manager) => {
      await manager.delete(CategoryRow, { id });
      await answersEdited(manager, AnswerTags.catalog);
    });
  }

  private async assertCanBeParent(parentId: number): Promise<void> {
    const parent = await this.categories.findOneBy({ id: parentId });
    if (!parent) throw new ApiException('CATEGORY_NOT_FOUND', HttpStatus.NOT_FOUND, '上级分类不存在');
    if (parent.parentId !== null) throw tooDeep('分类最多两级：上级分类必须是一级分类');
  }

  private async node(id: number): Promise<CategoryNode> {
    const category = await this.categories.findOneByOrFail({ id });
    const children = await this.categories.findBy({ parentId: id });
    const tree = categoryTree([{ ...category, parentId: null }, ...children]);
    return { ...tree[0], parentId: category.parentId };
  }
}
