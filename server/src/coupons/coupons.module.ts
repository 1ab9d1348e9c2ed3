import { Module } from '@nestjs/common';
import { CheckoutParticipantsModule } from '../orders/participants/checkout-participants.module';
import { StaffModule } from '../staff/staff.module';
import { AdminCouponTemplatesController } from './admin-coupon-templates.controller';
import { CategoryParentsCache } from './category-parents';
import { CouponCheckoutService } from './coupon-checkout.service';
import { CouponGrantService } from './coupon-grant.service';
import { CouponParticipant } from './coupon-participant';
import { CouponTemplatesService } from './coupon-templates.service';
import { CouponsController } from './coupons.controller';
import { ShopperCouponsService } from './shopper-coupons.service';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CouponTemplateRow } from './coupon-template.entity';
import { MemberCouponCountRow } from './member-coupon-count.entity';
import { MemberCouponRow } from './member-coupon.entity';

/** Coupon templates, members' coupons, and their part in checkout (CouponParticipant, over CouponCheckoutService). */
@Module({
  imports: [TypeOrmModule.forFeature([CouponTemplateRow, MemberCouponCountRow, MemberCouponRow]), StaffModule, CheckoutParticipantsModule],
  controllers: [CouponsController, AdminCouponTemplatesController],
  providers: [CategoryParentsCache, CouponTemplatesService, CouponGrantService, ShopperCouponsService, CouponCheckoutService, CouponParticipant],
  exports: [CouponCheckoutService, CouponTemplatesService, CouponGrantService],
})
export class CouponsModule {}
