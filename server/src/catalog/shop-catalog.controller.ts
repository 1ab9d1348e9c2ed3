import { Controller, Get, Param, Query } from '@nestjs/common';
import type { CategoryNode, HomeResponse, HotWordsResponse, Paginated, ProductDetail, ProductSummary } from '../../../shared';
import { ParseIdPipe } from '../platform/http/id-param.pipe';
import { CatalogService } from './catalog.service';
import { ProductListQueryDto } from './shop-catalog.dto';

/** Public catalog endpoints of the storefront (no login needed to browse). */
@Controller()
export class ShopCatalogController {
  constructor(private readonly catalog: CatalogService) {}

  @Get('home')
  home(): Promise<HomeResponse> {
    return this.catalog.home();
  }

  @Get('categories')
  categories(): Promise<CategoryNode[]> {
    return this.catalog.categoryTree();
  }

  @Get('catalog/hot-words')
  hotWords(): Promise<HotWordsResponse> {
    return this.catalog.hotWords();
  }

  @Get('products')
  products(@Query() query: ProductListQueryDto): Promise<Paginated<ProductSummary>> {
    return this.catalog.listProducts(query);
  }

  @Get('products/:id')
  product(@Param('id', ParseIdPipe) id: number): Promise<ProductDetail> {
    return this.catalog.productDetail(id);
  }
}
