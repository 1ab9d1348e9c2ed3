import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import type { CouponCenterItem, MyCoupon, Paginated } from '../../../shared';
import { ProductRow } from '../catalog/product.entity';
import { OrderRow } from '../orders/order.entity';
import { ApiException } from '../platform/errors/api-exception';
import { paginated } from '../platform/http/page-query.dto';
import { CategoryParentsCache } from './category-parents';
import { coversProduct } from './coupon-rules';
import { MyCouponQueryDto } from './coupon-template.dto';
import { CouponTemplateRow } from './coupon-template.entity';
import { toCouponCenterItem, toMyCoupon } from './coupon-views';
import { MemberCouponCountRow } from './member-coupon-count.entity';
import { MemberCouponRow } from './member-coupon.entity';

/** What a shopper sees of coupons: the coupon center, a product's coupons, their own coupons. */
@Injectable()
export class ShopperCouponsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly categoryParents: CategoryParentsCache,
  ) {}

  /** Active public templates (not newcomer ones, not past their fixed window), newest first. */
  async center(memberId: number | null, now = new Date()): Promise<CouponCenterItem[]> {
    const templates = await this.claimableTemplates(now);
    return this.withMyCounts(templates, memberId);
  }

  async forProduct(productId: number, memberId: number | null, now = new Date()): Promise<CouponCenterItem[]> {
    const product = await this.dataSource.getRepository(ProductRow).findOne({ select: { id: true, categoryId: true }, where: { id: productId } });
    if (!product) throw new ApiException('PRODUCT_NOT_FOUND', HttpStatus.NOT_FOUND, '商品不存在');
    const [templates, parents] = await Promise.all([this.claimableTemplates(now), this.categoryParents.current()]);
    return this.withMyCounts(
      templates.filter((template) => coversProduct(template, product.id, product.categoryId, parents)),
      memberId,
    );
  }

  async mine(memberId: number, query: MyCouponQueryDto, now = new Date()): Promise<Paginated<MyCoupon>> {
    const builder = this.dataSource.getRepository(MemberCouponRow).createQueryBuilder('c').where('c.memberId = :memberId', { memberId }).skip(query.offset).take(query.pageSize);
    if (query.status === 'unused') builder.andWhere(`c.status = 'unused' AND c.validTo >= :now`, { now }).orderBy('c.validTo', 'ASC');
    else if (query.status === 'expired') builder.andWhere(`c.status = 'unused' AND c.validTo < :now`, { now }).orderBy('c.validTo', 'DESC');
    else builder.andWhere(`c.status = 'used'`).orderBy('c.usedAt', 'DESC');
    builder.addOrderBy('c.id', 'DESC');
    const [coupons, total] = await builder.getManyAndCount();

    const templateIds = [...new Set(coupons.map((coupon) => coupon.templateId))];
    const orderIds = coupons.map((coupon) => coupon.orderId).filter((id): id is number => id !== null);
    const [templates, orders] = await Promise.all([
      templateIds.length ? this.dataSource.getRepository(CouponTemplateRow).findBy({ id: In(templateIds) }) : [],
      orderIds.length ? this.dataSource.getRepository(OrderRow).find({ select: { id: true, orderNo: true }, where: { id: In(orderIds) } }) : [],
    ]);
    const templateById = new Map(templates.map((template) => [template.id, template]));
    const orderNoById = new Map(orders.map((order) => [order.id, order.orderNo]));
    const items = coupons.map((coupon) => toMyCoupon(coupon, templateById.get(coupon.templateId)!, coupon.orderId === null ? null : (orderNoById.get(coupon.orderId) ?? null), now));
    return paginated(items, total, query);
  }

  private async claimableTemplates(now: Date): Promise<CouponTemplateRow[]> {
    return this.dataSource
      .getRepository(CouponTemplateRow)
      .createQueryBuilder('t')
      .where(`t.status = 'active' AND t.channel = 'public' AND t.type <> 'newcomer'`)
      .andWhere('(t.validTo IS NULL OR t.validTo >= :now)', { now })
      .orderBy('t.id', 'DESC')
      .getMany();
  }

  private async withMyCounts(templates: CouponTemplateRow[], memberId: number | null): Promise<CouponCenterItem[]> {
    const counts =
      memberId !== null && templates.length
        ? await this.dataSource.getRepository(MemberCouponCountRow).findBy({ memberId, templateId: In(templates.map((template) => template.id)) })
        : [];
    const mine = new Map(counts.map((count) => [count.templateId, count.receivedCount]));
    return templates.map((template) => toCouponCenterItem(template, mine.get(template.id) ?? 0));
  }
}
