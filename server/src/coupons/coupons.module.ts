import { Module } from '@nestjs/common';
import { StaffModule } from '../staff/staff.module';
import { AdminCouponTemplatesController } from './admin-coupon-templates.controller';
import { CategoryParentsCache } from './category-parents';
import { CouponCheckoutService } from './coupon-checkout.service';
import { CouponGrantService } from './coupon-grant.service';
import { CouponTemplatesService } from './coupon-templates.service';
import { CouponsController } from './coupons.controller';
import { ShopperCouponsService } from './shopper-coupons.service';

/** Coupon templates, members' coupons, and what checkout needs of them (CouponCheckoutService). */
@Module({
  imports: [StaffModule],
  controllers: [CouponsController, AdminCouponTemplatesController],
  providers: [CategoryParentsCache, CouponTemplatesService, CouponGrantService, ShopperCouponsService, CouponCheckoutService],
  exports: [CouponCheckoutService, CouponTemplatesService],
})
export class CouponsModule {}
