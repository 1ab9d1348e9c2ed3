import { AddressRow } from '../addresses/address.entity';
import { Banner } from '../catalog/banner.entity';
import { CartItemRow } from '../cart/cart-item.entity';
import { Category } from '../catalog/category.entity';
import { Product } from '../catalog/product.entity';
import { Sku } from '../catalog/sku.entity';
import { StockAdjustment } from '../catalog/stock-adjustment.entity';
import { Member } from '../members/member.entity';
import { OrderLineRow } from '../orders/order-line.entity';
import { OrderRow } from '../orders/order.entity';
import { SeedRun } from '../seed/seed-run.entity';
import { ShopSettingsRow } from '../settings/shop-settings.entity';
import { StaffLoginThrottle } from '../staff/login-throttle.entity';
import { Staff } from '../staff/staff.entity';

/** Every entity of the schema; migrations of both dialects must match these. */
export const ENTITIES = [Member, Staff, StaffLoginThrottle, Category, Product, Sku, StockAdjustment, Banner, SeedRun,
  ShopSettingsRow, CartItemRow, AddressRow, OrderRow, OrderLineRow];
