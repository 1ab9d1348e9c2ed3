import { Controller, Get, Param, Query } from '@nestjs/common';
import type { CategoryNode, HomeResponse, HotWordsResponse, Paginated, ProductDetail, ProductSummary } from '../../../shared';
import { CachedAnswer } from '../platform/cache/cached-answer';
import { AnswerTags } from '../platform/cache/cache-changes';
import { ParseIdPipe } from '../platform/http/id-param.pipe';
import { CatalogService } from './catalog.service';
import { ProductListQueryDto } from './shop-catalog.dto';

const PRODUCT_LIST_TAGS = [AnswerTags.catalog, AnswerTags.productLists];

/** Searches are many and rarely repeated: computed each time, so they do not push the pages out of the cache. */
function isKeywordSearch(query: unknown): boolean {
  const keyword = (query as Record<string, unknown>).keyword;
  return keyword !== undefined && (typeof keyword !== 'string' || keyword.trim() !== '');
}

/**
 * Public catalog endpoints of the storefront (no login needed to browse). Their answers are the same for every
 * shopper and are served from the answer cache (platform/cache); a keyword search is computed each time.
 */
@Controller()
export class ShopCatalogController {
  constructor(private readonly catalog: CatalogService) {}

  @Get('home')
  @CachedAnswer(() => [AnswerTags.catalog])
  home(): Promise<HomeResponse> {
    return this.catalog.home();
  }

  @Get('categories')
  @CachedAnswer(() => [AnswerTags.catalog])
  categories(): Promise<CategoryNode[]> {
    return this.catalog.categoryTree();
  }

  @Get('catalog/hot-words')
  @CachedAnswer(() => PRODUCT_LIST_TAGS)
  hotWords(): Promise<HotWordsResponse> {
    return this.catalog.hotWords();
  }

  @Get('products')
  @CachedAnswer((request) => (isKeywordSearch(request.query) ? null : PRODUCT_LIST_TAGS))
  products(@Query() query: ProductListQueryDto): Promise<Paginated<ProductSummary>> {
    return this.catalog.listProducts(query);
  }

  @Get('products/:id')
  @CachedAnswer((request) => [AnswerTags.catalog, AnswerTags.product(Number((request.params as { id: string }).id))])
  product(@Param('id', ParseIdPipe) id: number): Promise<ProductDetail> {
    return this.catalog.productDetail(id);
  }
}
