import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { StaffModule } from '../staff/staff.module';
import { AdminBannersController } from './admin-banners.controller';
import { AdminCatalogController } from './admin-catalog.controller';
import { BannerRow } from './banner.entity';
import { BannersService } from './banners.service';
import { CatalogService } from './catalog.service';
import { CategoriesAdminService } from './categories-admin.service';
import { CategoryRow } from './category.entity';
import { ProductRow } from './product.entity';
import { ProductsAdminService } from './products-admin.service';
import { SalesCountHooks } from './sales-count-hooks';
import { ShopCatalogController } from './shop-catalog.controller';
import { SkuRow } from './sku.entity';

@Module({
  imports: [TypeOrmModule.forFeature([BannerRow, CategoryRow, ProductRow, SkuRow]), StaffModule],
  controllers: [ShopCatalogController, AdminCatalogController, AdminBannersController],
  providers: [CatalogService, CategoriesAdminService, ProductsAdminService, BannersService, SalesCountHooks],
  exports: [CategoriesAdminService, ProductsAdminService, CatalogService],
})
export class CatalogModule {}
