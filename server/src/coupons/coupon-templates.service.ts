import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import type { AdminCouponTemplate, CouponTemplateStats, CouponTemplateStatus, OrderStatus, Paginated } from '../../../shared';
import { CategoryRow } from '../catalog/category.entity';
import { ProductRow } from '../catalog/product.entity';
import { OrderRow } from '../orders/order.entity';
import { ApiException, fieldError } from '../platform/errors/api-exception';
import { escapeLike } from '../platform/database/like';
import { AnswerTags, answersEdited } from '../platform/cache/cache-changes';
import { TransactionRunner } from '../platform/database/transaction-runner';
import { paginated } from '../platform/http/page-query.dto';
import { changedFields, normalizeTemplate, RULE_FIELDS, toWholeSecond, type CouponTemplateFields } from './coupon-template-rules';
import { AdminCouponTemplateQueryDto, CreateCouponTemplateDto, UpdateCouponTemplateDto } from './coupon-template.dto';
import { CouponTemplateRow } from './coupon-template.entity';
import { toAdminCouponTemplate } from './coupon-views';
import { MemberCouponRow } from './member-coupon.entity';

export const templateNotFound = () => new ApiException('COUPON_TEMPLATE_NOT_FOUND', HttpStatus.NOT_FOUND, '优惠券不存在');

/** Orders that count for a template's figures: paid, and neither refunded nor being refunded (partly refunded ones count for what was kept). */
const DRIVEN_ORDER_STATUSES: OrderStatus[] = ['paid', 'shipped', 'completed', 'after_sale'];

/** Status moves staff make; each is one conditional update from the states it may start in. */
const TRANSITIONS: Record<'pause' | 'resume' | 'end', { from: CouponTemplateStatus[]; to: CouponTemplateStatus }> = {
  pause: { from: ['active'], to: 'paused' },
  resume: { from: ['paused'], to: 'active' },
  end: { from: ['active', 'paused'], to: 'ended' },
};

/** Coupon templates in the admin console: create, edit, pause/resume/end, figures. */
@Injectable()
export class CouponTemplatesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly transactions: TransactionRunner,
  ) {}

  async list(query: AdminCouponTemplateQueryDto): Promise<Paginated<AdminCouponTemplate>> {
    const builder = this.dataSource.getRepository(CouponTemplateRow).createQueryBuilder('t').orderBy('t.id', 'DESC').skip(query.offset).take(query.pageSize);
    if (query.status) builder.andWhere('t.status = :status', { status: query.status });
    if (query.type) builder.andWhere('t.type = :type', { type: query.type });
    if (query.excludeType) builder.andWhere('t.type <> :excludeType', { excludeType: query.excludeType });
    if (query.channel) builder.andWhere('t.channel = :channel', { channel: query.channel });
    if (query.keyword) builder.andWhere(`t.name LIKE :keyword ESCAPE '!'`, { keyword: `%${escapeLike(query.keyword)}%` });
    const [rows, total] = await builder.getManyAndCount();
    return paginated(await this.toViews(rows), total, query);
  }

  async get(id: number): Promise<AdminCouponTemplate> {
    return (await this.toViews([await this.find(id)]))[0];
  }

  async create(dto: CreateCouponTemplateDto, now = new Date()): Promise<AdminCouponTemplate> {
    const fields = normalizeTemplate({
      name: dto.name.trim(),
      type: dto.type,
      thresholdFen: dto.thresholdFen ?? 0,
      amountOffFen: dto.amountOffFen ?? null,
      payPercent: dto.payPercent ?? null,
      maxDiscountFen: dto.maxDiscountFen ?? null,
      scope: dto.scope,
      scopeIds: dto.scopeIds ?? [],
      validityKind: dto.validityKind,
      validFrom: toWholeSecond(dto.validFrom),
      validTo: toWholeSecond(dto.validTo),
      validDays: dto.validDays ?? null,
      totalQuantity: dto.totalQuantity,
      perMemberLimit: dto.perMemberLimit,
      channel: dto.channel,
    });
    if (fields.validTo && fields.validTo.getTime() <= now.getTime()) throw fieldError('validTo', '结束时间必须晚于现在');
    await this.checkScopeIds(fields);
    const id = await this.transactions.run(async (manager) => {
      const result = await manager.insert(CouponTemplateRow, { ...fields, status: 'active', claimedCount: 0, usedCount: 0 });
      await answersEdited(manager, AnswerTags.coupons);
      return result.identifiers[0].id as number;
    });
    return this.get(id);
  }

  /**
   * What may change once members hold coupons of it: name, channel, total quantity (never below what was
   * handed out), per-member limit upwards, the fixed window's end later. The rule fields only while nobody has
   * one. Both conditions are in the UPDATE itself, so a claim racing with the edit cannot slip between.
   */
  async update(id: number, dto: UpdateCouponTemplateDto, now = new Date()): Promise<AdminCouponTemplate> {
    const current = await this.find(id);
    if (current.status === 'ended') throw stateConflict(current.status, '已结束的优惠券不能修改');
    const before = templateFields(current);
    const after = normalizeTemplate({
      ...before,
      // null clears the nullable fields; for the others it means "unchanged" (0 for the threshold).
      ...definedOnly({
        name: dto.name?.trim(),
        type: dto.type ?? undefined,
        thresholdFen: dto.thresholdFen === null ? 0 : dto.thresholdFen,
        amountOffFen: dto.amountOffFen,
        payPercent: dto.payPercent,
        maxDiscountFen: dto.maxDiscountFen,
        scope: dto.scope ?? undefined,
        scopeIds: dto.scopeIds ?? undefined,
        validityKind: dto.validityKind ?? undefined,
        validFrom: dto.validFrom === undefined ? undefined : toWholeSecond(dto.validFrom),
        validTo: dto.validTo === undefined ? undefined : toWholeSecond(dto.validTo),
        validDays: dto.validDays,
        totalQuantity: dto.totalQuantity ?? undefined,
        perMemberLimit: dto.perMemberLimit ?? undefined,
        channel: dto.channel ?? undefined,
      }),
    });
    const validToChanged = changedFields(before, after, ['validTo']).length > 0;
    if (validToChanged && after.validTo && after.validTo.getTime() <= now.getTime()) throw fieldError('validTo', '结束时间必须晚于现在');
    if (changedFields(before, after, ['scope', 'scopeIds']).length > 0) await this.checkScopeIds(after);

    const locked = changedFields(before, after, RULE_FIELDS);
    if (after.perMemberLimit < before.perMemberLimit) locked.push('perMemberLimit');
    if (validToChanged && before.validTo && after.validTo && after.validTo.getTime() < before.validTo.getTime()) locked.push('validTo');

    const changed = await this.transactions.run(async (manager) => {
      const builder = manager
        .createQueryBuilder()
        .update(CouponTemplateRow)
        .set(after)
        .where(`id = :id AND status <> 'ended' AND claimedCount <= :totalQuantity`, { id, totalQuantity: after.totalQuantity });
      if (locked.length > 0) builder.andWhere('claimedCount = 0');
      const updated = (await builder.execute()).affected === 1;
      if (updated) await answersEdited(manager, AnswerTags.coupons);
      return updated;
    });
    if (!changed) {
      const latest = await this.find(id);
      if (latest.status === 'ended') throw stateConflict(latest.status, '已结束的优惠券不能修改');
      if (latest.claimedCount > after.totalQuantity) throw fieldError('totalQuantity', `不能少于已发出的数量 ${latest.claimedCount}`);
      throw new ApiException('COUPON_TEMPLATE_LOCKED', HttpStatus.CONFLICT, '已有会员领取，这些规则不能再修改（可改名称、发放渠道、加量、放宽每人限领、延后结束时间）', { fields: locked });
    }
    return this.get(id);
  }

  async transition(id: number, action: keyof typeof TRANSITIONS): Promise<AdminCouponTemplate> {
    const { from, to } = TRANSITIONS[action];
    const changed = await this.transactions.run(async (manager) => {
      const result = await manager
        .createQueryBuilder()
        .update(CouponTemplateRow)
        .set({ status: to })
        .where('id = :id AND status IN (:...from)', { id, from })
        .execute();
      if (result.affected === 1) await answersEdited(manager, AnswerTags.coupons);
      return result.affected === 1;
    });
    if (!changed) {
      const latest = await this.find(id);
      const verb = { pause: '暂停', resume: '恢复', end: '结束' }[action];
      throw stateConflict(latest.status, `优惠券当前${{ active: '进行中', paused: '已暂停', ended: '已结束' }[latest.status]}，不能${verb}`);
    }
    return this.get(id);
  }

  async stats(id: number, now = new Date()): Promise<CouponTemplateStats> {
    const template = await this.find(id);
    const coupons = this.dataSource.getRepository(MemberCouponRow).createQueryBuilder('c').where(`c.templateId = :id AND c.status = 'unused'`, { id });
    const [unusedCount, expiredCount, orders] = await Promise.all([
      coupons.clone().andWhere('c.validTo >= :now', { now }).getCount(),
      coupons.clone().andWhere('c.validTo < :now', { now }).getCount(),
      this.dataSource
        .getRepository(OrderRow)
        .createQueryBuilder('o')
        .select('COUNT(*)', 'orderCount')
        // A partial refund takes its units out of the figures: their share of the payable and of the coupon discount.
        .addSelect('COALESCE(SUM(o.payableFen - o.refundedFen), 0)', 'gmvFen')
        .addSelect(
          "COALESCE(SUM(o.couponDiscountFen - COALESCE((SELECT SUM(r.couponFen) FROM refunds r WHERE r.orderId = o.id AND r.status <> 'failed'), 0)), 0)",
          'discountFen',
        )
        .where('o.couponTemplateId = :id AND o.paidAt IS NOT NULL AND o.status IN (:...statuses)', { id, statuses: DRIVEN_ORDER_STATUSES })
        .getRawOne<{ orderCount: string | number; gmvFen: string | number; discountFen: string | number }>(),
    ]);
    return {
      templateId: id,
      claimedCount: template.claimedCount,
      usedCount: template.usedCount,
      unusedCount,
      expiredCount,
      // MySQL answers COUNT and SUM as strings.
      orderCount: Number(orders?.orderCount ?? 0),
      gmvFen: Number(orders?.gmvFen ?? 0),
      discountFen: Number(orders?.discountFen ?? 0),
    };
  }

  async find(id: number): Promise<CouponTemplateRow> {
    const row = await this.dataSource.getRepository(CouponTemplateRow).findOneBy({ id });
    if (!row) throw templateNotFound();
    return row;
  }

  /** 400 when a scope names a category or product that does not exist. */
  private async checkScopeIds(fields: CouponTemplateFields): Promise<void> {
    if (fields.scope === 'all') return;
    const entity = fields.scope === 'categories' ? CategoryRow : ProductRow;
    const found = await this.dataSource.getRepository(entity).find({ select: { id: true }, where: { id: In(fields.scopeIds) } });
    const known = new Set(found.map((row) => row.id));
    const unknown = fields.scopeIds.filter((id) => !known.has(id));
    if (unknown.length === 0) return;
    throw fields.scope === 'categories'
      ? new ApiException('CATEGORY_NOT_FOUND', HttpStatus.BAD_REQUEST, `scopeIds：分类 ${unknown.join('、')} 不存在`, { field: 'scopeIds', ids: unknown })
      : new ApiException('PRODUCT_NOT_FOUND', HttpStatus.BAD_REQUEST, `scopeIds：商品 ${unknown.join('、')} 不存在`, { field: 'scopeIds', ids: unknown });
  }

  private async toViews(rows: CouponTemplateRow[]): Promise<AdminCouponTemplate[]> {
    const ids = (scope: string) => [...new Set(rows.filter((row) => row.scope === scope).flatMap((row) => row.scopeIds))];
    const [categoryIds, productIds] = [ids('categories'), ids('products')];
    const [categories, products] = await Promise.all([
      categoryIds.length ? this.dataSource.getRepository(CategoryRow).find({ select: { id: true, name: true }, where: { id: In(categoryIds) } }) : [],
      productIds.length ? this.dataSource.getRepository(ProductRow).find({ select: { id: true, title: true }, where: { id: In(productIds) }, withDeleted: true }) : [],
    ]);
    const names = {
      categories: new Map(categories.map((row) => [row.id, row.name])),
      products: new Map(products.map((row) => [row.id, row.title])),
    };
    return rows.map((row) => toAdminCouponTemplate(row, row.scope === 'all' ? new Map() : names[row.scope]));
  }
}

function stateConflict(status: CouponTemplateStatus, message: string): ApiException {
  return new ApiException('COUPON_TEMPLATE_STATE_CONFLICT', HttpStatus.CONFLICT, message, { status });
}

function templateFields(row: CouponTemplateRow): CouponTemplateFields {
  const { id: _id, status: _status, claimedCount: _claimed, usedCount: _used, createdAt: _created, updatedAt: _updated, ...fields } = row;
  return fields;
}

function definedOnly<T extends object>(values: T): Partial<{ [K in keyof T]: Exclude<T[K], undefined> }> {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined)) as Partial<{ [K in keyof T]: Exclude<T[K], undefined> }>;
}
