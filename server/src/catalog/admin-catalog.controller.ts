import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put, Query, Req } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import {
  ALL_STAFF_ROLES,
  CATALOG_ROLES,
  STOCK_ROLES,
  type AdminProductDetail,
  type AdminProductRow,
  type BulkProductResult,
  type CategoryNode,
  type Paginated,
  type StockAdjustmentResponse,
  type UploadResponse,
} from '../../../shared';
import { ParseIdPipe } from '../platform/http/id-param.pipe';
import { FileStorage } from '../platform/storage/file-storage';
import { readUploadedImage } from '../platform/storage/uploaded-image';
import { CurrentStaff, Roles } from '../platform/auth/staff-auth.guard';
import { StaffRow } from '../staff/staff.entity';
import { CatalogService } from './catalog.service';
import { CategoriesAdminService } from './categories-admin.service';
import {
  AdminProductQueryDto,
  BulkProductDto,
  CreateCategoryDto,
  SaveProductDto,
  SetShelfDto,
  StockAdjustmentDto,
  UpdateCategoryDto,
} from './admin-catalog.dto';
import { ProductsAdminService } from './products-admin.service';

const UPLOAD_MAX_BYTES = 5 * 1024 * 1024;

/** Catalog management in the admin console. Every staff role reads; CATALOG_ROLES edit; STOCK_ROLES adjust stock. */
@Controller('admin')
export class AdminCatalogController {
  constructor(
    private readonly catalog: CatalogService,
    private readonly categories: CategoriesAdminService,
    private readonly products: ProductsAdminService,
    private readonly storage: FileStorage,
  ) {}

  @Get('categories')
  @Roles(...ALL_STAFF_ROLES)
  listCategories(): Promise<CategoryNode[]> {
    return this.catalog.categoryTree();
  }

  @Post('categories')
  @Roles(...CATALOG_ROLES)
  createCategory(@Body() body: CreateCategoryDto): Promise<CategoryNode> {
    return this.categories.create(body);
  }

  @Patch('categories/:id')
  @Roles(...CATALOG_ROLES)
  updateCategory(@Param('id', ParseIdPipe) id: number, @Body() body: UpdateCategoryDto): Promise<CategoryNode> {
    return this.categories.update(id, body);
  }

  @Delete('categories/:id')
  @HttpCode(204)
  @Roles(...CATALOG_ROLES)
  deleteCategory(@Param('id', ParseIdPipe) id: number): Promise<void> {
    return this.categories.remove(id);
  }

  @Get('products')
  @Roles(...ALL_STAFF_ROLES)
  listProducts(@Query() query: AdminProductQueryDto): Promise<Paginated<AdminProductRow>> {
    return this.products.list(query);
  }

  @Get('products/:id')
  @Roles(...ALL_STAFF_ROLES)
  product(@Param('id', ParseIdPipe) id: number): Promise<AdminProductDetail> {
    return this.products.detail(id);
  }

  @Post('products')
  @Roles(...CATALOG_ROLES)
  createProduct(@Body() body: SaveProductDto, @CurrentStaff() staff: StaffRow): Promise<AdminProductDetail> {
    return this.products.create(body, staff.id);
  }

  @Put('products/:id')
  @Roles(...CATALOG_ROLES)
  replaceProduct(@Param('id', ParseIdPipe) id: number, @Body() body: SaveProductDto, @CurrentStaff() staff: StaffRow): Promise<AdminProductDetail> {
    return this.products.replace(id, body, staff.id);
  }

  @Patch('products/:id/shelf')
  @Roles(...CATALOG_ROLES)
  setShelf(@Param('id', ParseIdPipe) id: number, @Body() body: SetShelfDto): Promise<AdminProductDetail> {
    return this.products.setShelf(id, body.onShelf);
  }

  @Post('products/bulk')
  @HttpCode(200)
  @Roles(...CATALOG_ROLES)
  bulkProducts(@Body() body: BulkProductDto): Promise<BulkProductResult> {
    return this.products.bulk(body.action, body.ids);
  }

  @Delete('products/:id')
  @HttpCode(204)
  @Roles(...CATALOG_ROLES)
  deleteProduct(@Param('id', ParseIdPipe) id: number): Promise<void> {
    return this.products.remove(id);
  }

  @Post('skus/:skuId/stock-adjustments')
  @HttpCode(200)
  @Roles(...STOCK_ROLES)
  adjustStock(
    @Param('skuId', ParseIdPipe) skuId: number,
    @Body() body: StockAdjustmentDto,
    @CurrentStaff() staff: StaffRow,
  ): Promise<StockAdjustmentResponse> {
    return this.products.adjustStock(skuId, body.delta, body.reason, staff.id);
  }

  /** Multipart field `file`: product images, detail images, category icons. */
  @Post('uploads')
  @Roles(...CATALOG_ROLES)
  async upload(@Req() request: FastifyRequest): Promise<UploadResponse> {
    const image = await readUploadedImage(request, { maxBytes: UPLOAD_MAX_BYTES, allowSvg: true });
    return { url: await this.storage.save('catalog', image.data, image.type === 'jpeg' ? 'jpg' : image.type) };
  }
}
