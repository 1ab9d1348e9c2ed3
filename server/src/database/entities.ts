import { AfterSaleRow } from '../after-sales/after-sale.entity';
import { MemberIdentityRow } from '../attribution/member-identity.entity';
import { ShareLinkRow } from '../attribution/share-link.entity';
import { VisitorTouchRow } from '../attribution/visitor-touch.entity';
import { ShareEventRow } from '../attribution/share-event.entity';
import { ShareVisitRow } from '../attribution/share-visit.entity';
import { AddressRow } from '../addresses/address.entity';
import { MemberPurchaseStatsRow } from '../analytics/member-purchase-stats.entity';
import { BannerRow } from '../catalog/banner.entity';
import { CartItemRow } from '../cart/cart-item.entity';
import { CategoryRow } from '../catalog/category.entity';
import { CouponTemplateRow } from '../coupons/coupon-template.entity';
import { MemberCouponCountRow } from '../coupons/member-coupon-count.entity';
import { MemberCouponRow } from '../coupons/member-coupon.entity';
import { ProductRow } from '../catalog/product.entity';
import { SkuRow } from '../catalog/sku.entity';
import { LoyaltySettingsRow } from '../loyalty/loyalty-settings.entity';
import { MemberLevelChangeRow } from '../loyalty/member-level-change.entity';
import { MemberLevelReviewRow } from '../loyalty/member-level-review.entity';
import { MemberLevelRow } from '../loyalty/member-level.entity';
import { PointsLedgerRow } from '../loyalty/points-ledger.entity';
import { MemberRow } from '../members/member.entity';
import { MemberPrivacyConsentRow } from '../members/privacy-consent.entity';
import { OrderLineRow } from '../orders/order-line.entity';
import { OrderRow } from '../orders/order.entity';
import { PaymentRow } from '../payments/payment.entity';
import { JobRow } from '../platform/jobs/job.entity';
import { CacheVersionRow } from '../platform/cache/cache-version.entity';
import { RefundRow } from '../payments/refund.entity';
import { StockMovementRow } from '../inventory/stock-movement.entity';
import { SeedRunRow } from '../seed/seed-run.entity';
import { ShopProfileRow } from '../settings/shop-profile.entity';
import { ShopSettingsRow } from '../settings/shop-settings.entity';
import { SubscribeMessageLogRow } from '../subscribe-messages/subscribe-message-log.entity';
import { SubscribeQuotaRow } from '../subscribe-messages/subscribe-quota.entity';
import { StaffLoginAttemptsRow } from '../staff/login-attempts.entity';
import { DomainEventDeliveryRow } from '../platform/events/domain-event-delivery.entity';
import { DomainEventRow } from '../platform/events/domain-event.entity';
import { StaffRow } from '../staff/staff.entity';
import { CommissionReversalRow } from '../referral/commission-reversal.entity';
import { CommissionRow } from '../referral/commission.entity';
import { CurrentReferrerRow } from '../referral/current-referrer.entity';
import { LedgerEntryRow } from '../referral/ledger-entry.entity';
import { OrderReferrersRow } from '../referral/order-referrers.entity';
import { ProductCommissionRateRow } from '../referral/product-commission-rate.entity';
import { PromoterAccountRow } from '../referral/promoter-account.entity';
import { PromoterRow } from '../referral/promoter.entity';
import { ReferralBindingRow } from '../referral/referral-binding.entity';
import { ReferralSettingsRow } from '../referral/referral-settings.entity';
import { WithdrawalRow } from '../referral/withdrawals/withdrawal.entity';
import { InviteOrderInviterRow } from '../referral/invite-rewards/invite-order-inviter.entity';
import { InviteRewardRow } from '../referral/invite-rewards/invite-reward.entity';
import { InviteRuleRow } from '../referral/invite-rewards/invite-rule.entity';
import { GroupBuyCampaignRow } from '../group-buy/group-buy-campaign.entity';
import { GroupBuyCampaignSkuRow } from '../group-buy/group-buy-campaign-sku.entity';
import { GroupBuyTeamRow } from '../group-buy/group-buy-team.entity';
import { GroupBuySeatRow } from '../group-buy/group-buy-seat.entity';
import { GroupBuyMemberUsageRow } from '../group-buy/group-buy-member-usage.entity';
import { LiveSessionRow } from '../live/live-session.entity';
import { LiveSessionProductRow } from '../live/live-session-product.entity';
import { LiveSessionPriceRow } from '../live/live-session-price.entity';
import { LivePriceTakeRow } from '../live/live-price-take.entity';
import { LiveTouchRow } from '../live/live-touch.entity';
import { LiveReservationRow } from '../live/live-reservation.entity';
import { LiveSettingsRow } from '../live/live-settings.entity';

/** Every entity of the schema; migrations of both dialects must match these. */
export const ENTITIES = [MemberRow, StaffRow, StaffLoginAttemptsRow, CategoryRow, ProductRow, SkuRow, StockMovementRow, BannerRow, SeedRunRow,
  ShopSettingsRow, ShopProfileRow, CartItemRow, AddressRow, OrderRow, OrderLineRow,
  PaymentRow, RefundRow, AfterSaleRow, SubscribeQuotaRow, SubscribeMessageLogRow,
  MemberLevelRow, LoyaltySettingsRow, MemberLevelChangeRow, MemberLevelReviewRow, PointsLedgerRow,
  CouponTemplateRow, MemberCouponRow, MemberCouponCountRow,
  MemberPurchaseStatsRow, MemberPrivacyConsentRow, JobRow,
  ShareLinkRow, VisitorTouchRow, MemberIdentityRow, ShareEventRow, ShareVisitRow,
  DomainEventRow, DomainEventDeliveryRow, CacheVersionRow,
  ReferralSettingsRow, ProductCommissionRateRow, PromoterRow, CurrentReferrerRow, ReferralBindingRow, OrderReferrersRow,
  CommissionRow, CommissionReversalRow, PromoterAccountRow, LedgerEntryRow, WithdrawalRow,
  InviteRuleRow, InviteOrderInviterRow, InviteRewardRow,
  GroupBuyCampaignRow, GroupBuyCampaignSkuRow, GroupBuyTeamRow, GroupBuySeatRow, GroupBuyMemberUsageRow,
  LiveSessionRow, LiveSessionProductRow, LiveSessionPriceRow, LivePriceTakeRow, LiveTouchRow, LiveReservationRow, LiveSettingsRow];
