import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, type EntityManager } from 'typeorm';
import {
  addDays,
  adjustmentsOf,
  chinaDateTime,
  COMMISSION_STATUS_LABELS,
  formatFen,
  startOfChinaDay,
  type AdminCommissionRecord,
  type AdminCommissionRow,
  memberDisplayName,
  type CommissionStatus,
  type Paginated,
  type ReferralSettings,
} from '../../../shared';
import { MemberRow } from '../members/member.entity';
import { csvDocument } from '../platform/http/csv-document';
import type { OrderRefundedPayload } from '../orders/order-events';
import { OrderLineRow } from '../orders/order-line.entity';
import { OrderRow } from '../orders/order.entity';
import { lockedForUpdate } from '../platform/database/locking-read';
import { TransactionRunner } from '../platform/database/transaction-runner';
import { paginated, type PageQueryDto } from '../platform/http/page-query.dto';
import { lineShares, unitsShare } from '../pricing/refund-shares';
import { CommissionReversalRow } from './commission-reversal.entity';
import { CommissionRow } from './commission.entity';
import { OrderReferrersRow } from './order-referrers.entity';
import { ProductCommissionRatesService } from './product-commission-rates.service';
import { PromoterLedger } from './promoter-ledger';
import { PromoterRow } from './promoter.entity';
import { ReferralSettingsService } from './referral-settings.service';

/** floor(base × rate / 10000): rounded down to the fen, never in the promoter's favour. */
export function commissionOf(baseFen: number, rateBp: number): number {
  return Math.floor((baseFen * rateBp) / 10_000);
}

/**
 * What a record has given back in all once `units` of its line's units are refunded: what it earned minus the
 * commission on the share of the units still kept (the same unit shares as refunds: the refunded units' share is
 * unitsShare of the line's share). So the commission kept is never more than its rate of what the buyer kept
 * (reversing floor(original × units / quantity) would round the kept commission up), it only grows with units, it is
 * 0 before any refund and the whole commission at the last unit.
 */
export function reversedAfterUnits(record: Pick<CommissionRow, 'baseFen' | 'rateBp' | 'quantity' | 'originalFen'>, units: number): number {
  const keptShareFen = record.baseFen - unitsShare(record.baseFen, record.quantity, 0, units);
  return Math.max(0, record.originalFen - commissionOf(keptShareFen, record.rateBp));
}

/** The rate of a level for a product: its own rate when it has one, else the shop's (null: that level earns nothing). */
function rateFor(level: 1 | 2, settings: ReferralSettings, own: { level1RateBp: number; level2RateBp: number | null } | undefined): number | null {
  const source = own ?? settings;
  return level === 1 ? source.level1RateBp : source.level2RateBp;
}

/** Filters of a commission list (`from` / `to`: China days, both included, of the record's creation). */
export interface CommissionFilter {
  promoterMemberId?: number;
  status?: CommissionStatus;
  orderNo?: string;
  from?: string;
  to?: string;
}

/** The most rows one CSV export writes. */
export const COMMISSION_EXPORT_MAX_ROWS = 10_000;

/** 10.5% from basis points. */
function formatRateBp(rateBp: number): string {
  return `${rateBp / 100}%`;
}

/**
 * Commission records: created frozen when an order is paid (one per order line and level, on what the buyer
 * paid for the line), reduced when refunds take units back (at the record's own rate), settled into the
 * promoter's balance by the settlement sweep.
 */
@Injectable()
export class CommissionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly transactions: TransactionRunner,
    private readonly settings: ReferralSettingsService,
    private readonly productRates: ProductCommissionRatesService,
    private readonly ledger: PromoterLedger,
  ) {}

  /**
   * The paid order's records, frozen, written in the transaction that marks the order paid (so a refund can never
   * come before them; answers how many it meant to write). The earners are the order's snapshot (placement time), each
   * only while still an active promoter at payment (frozen in between: nothing; level 2 also nothing when level 1 is
   * frozen in between, as at placement); the base of each line
   * is its share of what was paid (refund-shares: list total after member price, coupon and points, no shipping),
   * for all its units; the rate is the product's own or the shop's, kept on the record. Idempotent: records are
   * unique per (order line, level), so running twice inserts nothing.
   * An order paid on hold (fulfilmentHold: a forming 拼团 team) earns nothing yet: createForReleasedOrder writes its
   * records when the hold is lifted.
   */
  async createForPaidOrder(manager: EntityManager, orderId: number): Promise<number> {
    return this.createRecords(manager, orderId, false);
  }

  /** The records of a paid order whose fulfilment hold was just lifted (in the transaction that lifted it). */
  async createForReleasedOrder(manager: EntityManager, orderId: number): Promise<number> {
    return this.createRecords(manager, orderId, true);
  }

  private async createRecords(manager: EntityManager, orderId: number, released: boolean): Promise<number> {
    // 分销 off (cached settings): no commission, and no read on every payment.
    const settings = await this.settings.current(manager);
    if (!settings.enabled) return 0;
    const snapshot = await manager.findOneBy(OrderReferrersRow, { orderId });
    if (!snapshot) return 0;
    // An earner frozen (or no longer a promoter) since the order was placed earns nothing on it: one read of both.
    const named = [snapshot.level1MemberId, snapshot.level2MemberId].filter((id): id is number => id !== null);
    const active = new Set((await manager.find(PromoterRow, { select: { memberId: true }, where: { memberId: In(named), status: 'active' } })).map((row) => row.memberId));
    if (active.size === 0) return 0;
    const order = await manager.findOneByOrFail(OrderRow, { id: orderId });
    if (order.fulfilmentHold !== null && !released) return 0;
    const lines = await manager.find(OrderLineRow, { where: { orderId }, order: { id: 'ASC' } });
    const shares = lineShares(
      lines.map((line) => ({ lineId: line.id, skuId: line.skuId, quantity: line.quantity, lineTotalFen: line.lineTotalFen, refundedQuantity: 0 })),
      order.adjustments ?? adjustmentsOf(order),
      order.payableFen - order.shippingFeeFen,
    );
    const own = await this.productRates.ratesOf(manager, lines.map((line) => line.productId));
    const earning = (id: number | null) => (id !== null && active.has(id) ? id : null);
    // Level 2 earns only through a level 1 still active at payment, as at placement (a level 1 frozen in between takes level 2 out too).
    const level1 = earning(snapshot.level1MemberId);
    const earners: [1 | 2, number | null][] = [
      [1, level1],
      [2, level1 === null ? null : earning(snapshot.level2MemberId)],
    ];
    const records: Partial<CommissionRow>[] = [];
    lines.forEach((line, index) => {
      for (const [level, promoterMemberId] of earners) {
        const rateBp = rateFor(level, settings, own.get(line.productId));
        if (promoterMemberId === null || rateBp === null) continue;
        const amount = commissionOf(shares[index].shareFen, rateBp);
        if (amount <= 0) continue;
        records.push({
          orderId,
          orderNo: order.orderNo,
          orderLineId: line.id,
          skuId: line.skuId,
          productId: line.productId,
          productTitle: line.title,
          buyerMemberId: order.memberId,
          promoterMemberId,
          level,
          quantity: line.quantity,
          baseFen: shares[index].shareFen,
          rateBp,
          originalFen: amount,
          status: 'frozen',
        });
      }
    });
    if (records.length === 0) return 0;
    await manager.createQueryBuilder().insert().into(CommissionRow).values(records).orIgnore().execute();
    return records.length;
  }

  /**
   * One refund that succeeded: each record of the refunded lines gives back what brings it down to its rate of the
   * share still kept (reversedAfterUnits: after j + k of Q units, original − ⌊kept share × rate⌋, minus what it gave
   * back before), so the kept commission never exceeds rate × kept and a line's reversals add up to exactly its commission. A frozen record is reduced; a settled one is taken
   * back from the balance through the ledger (debt for what the balance cannot cover); either is 已扣回 at 0. Once per (record, refund).
   */
  async reverseForRefund(refund: Pick<OrderRefundedPayload, 'orderId' | 'refundId' | 'items' | 'closesOrder'>): Promise<number> {
    // Most refunded orders earned nobody anything: one plain read, no transaction. (Records are written when the
    // order is paid, long before any refund, so none can appear after this read.)
    if (!(await this.dataSource.getRepository(CommissionRow).existsBy({ orderId: refund.orderId }))) return 0;
    return this.transactions.run(async (manager) => {
      const records = await lockedForUpdate(manager.createQueryBuilder(CommissionRow, 'c').where('c.orderId = :orderId', { orderId: refund.orderId }).orderBy('c.id', 'ASC')).getMany();
      if (records.length === 0) return 0;
      const unitsBySku = new Map(refund.items.map((item) => [item.skuId, item.quantity]));
      let changed = 0;
      // Settled records take back through their promoter's account lock: take those in ascending member id, so
      // two refunds whose orders name the same promoters in another order (A then B, B then A) cannot deadlock.
      records.sort((one, other) => one.promoterMemberId - other.promoterMemberId || one.id - other.id);
      for (const record of records) {
        // A refund recorded before refunds named their units was of the whole order.
        const quantity = refund.items.length === 0 && refund.closesOrder ? record.quantity - record.reversedQuantity : Math.min(unitsBySku.get(record.skuId) ?? 0, record.quantity - record.reversedQuantity);
        if (quantity <= 0) continue;
        if (await this.reverseOne(manager, record, refund.refundId, quantity)) changed++;
      }
      return changed;
    });
  }

  private async reverseOne(manager: EntityManager, record: CommissionRow, refundId: number, quantity: number): Promise<boolean> {
    // Records reversed before this rule may have given back a little less: never a negative step.
    const amountFen = Math.max(0, reversedAfterUnits(record, record.reversedQuantity + quantity) - record.reversedFen);
    const afterSettlement = record.status === 'settled';
    // The record is locked: a repeated delivery of this refund waits here and then finds its reversal.
    if (await manager.existsBy(CommissionReversalRow, { commissionId: record.id, refundId })) return false;
    await manager.insert(CommissionReversalRow, { commissionId: record.id, refundId, quantity, amountFen, afterSettlement });
    const reversedQuantity = record.reversedQuantity + quantity;
    const reversedFen = record.reversedFen + amountFen;
    // 已扣回 once nothing is left of it, before or after settlement (settled money came back through the ledger).
    const status: CommissionStatus = reversedFen >= record.originalFen ? 'reversed' : record.status;
    const updated = await manager.update(
      CommissionRow,
      { id: record.id, status: record.status, reversedQuantity: record.reversedQuantity },
      { reversedQuantity, reversedFen, status },
    );
    if (!updated.affected) throw new Error(`commission ${record.id} changed under its lock`);
    if (afterSettlement && amountFen > 0) {
      await this.ledger.takeBack(manager, { memberId: record.promoterMemberId, kind: 'reversal', entryKey: `reverse:${record.id}:${refundId}`, commissionId: record.id, refundId, note: `订单 ${record.orderNo} 退款` }, amountFen);
    }
    return true;
  }

  /**
   * Settles one frozen record: frozen → settled (conditional), and what is left of it credited through the ledger
   * (debt first). Answers whether this call settled it.
   */
  settle(recordId: number, now: Date): Promise<boolean> {
    return this.transactions.run(async (manager) => {
      const record = await lockedForUpdate(manager.createQueryBuilder(CommissionRow, 'c').where('c.id = :recordId', { recordId })).getOne();
      if (!record || record.status !== 'frozen') return false;
      // A refund still in flight at WeChat has reserved units of the line that are not reversed yet: settle after it
      // (a later sweep), so the promoter is not paid first and taken back after.
      const line = await manager.findOneBy(OrderLineRow, { id: record.orderLineId });
      if (line && line.refundedQuantity > record.reversedQuantity) return false;
      const updated = await manager.update(CommissionRow, { id: record.id, status: 'frozen' }, { status: 'settled', settledAt: now });
      if (!updated.affected) return false;
      const amountFen = record.originalFen - record.reversedFen;
      if (amountFen > 0) {
        await this.ledger.credit(manager, { memberId: record.promoterMemberId, kind: 'settlement', entryKey: `settle:${record.id}`, commissionId: record.id, note: `订单 ${record.orderNo} 佣金结算` }, amountFen);
      }
      return true;
    });
  }

  /**
   * Frozen records of orders completed before `completedBefore` (their after-sale window has passed), oldest order
   * first; not those whose line has units a refund in flight reserved and their reversal has not come yet (they
   * would head every batch and settle nothing).
   */
  dueForSettlement(completedBefore: Date, limit: number): Promise<{ id: number }[]> {
    return this.dataSource
      .createQueryBuilder(CommissionRow, 'c')
      .innerJoin(OrderRow, 'o', 'o.id = c.orderId')
      .innerJoin(OrderLineRow, 'l', 'l.id = c.orderLineId')
      .select(['c.id'])
      .where("c.status = 'frozen' AND o.status = 'completed' AND o.completedAt <= :completedBefore", { completedBefore })
      .andWhere('l.refundedQuantity <= c.reversedQuantity')
      .orderBy('c.orderId', 'ASC')
      .addOrderBy('c.id', 'ASC')
      .limit(limit)
      .getMany();
  }

  /**
   * A promoter's figures, each what is left of the records after refunds: 待结算 and 已结算 totals, what refunds
   * took back (已扣回, before or after settlement), and what was recorded since `todayStart` (the China day's start).
   * One grouped read over the promoter's index.
   */
  async totalsOf(promoterMemberId: number, todayStart: Date): Promise<{ frozenFen: number; settledFen: number; reversedFen: number; todayFen: number }> {
    const rows: { status: CommissionStatus; total: string | number; reversed: string | number; today: string | number | null }[] = await this.dataSource
      .createQueryBuilder(CommissionRow, 'c')
      .select('c.status', 'status')
      .addSelect('SUM(c.originalFen - c.reversedFen)', 'total')
      .addSelect('SUM(c.reversedFen)', 'reversed')
      .addSelect('SUM(CASE WHEN c.createdAt >= :todayStart THEN c.originalFen - c.reversedFen ELSE 0 END)', 'today')
      .where('c.promoterMemberId = :promoterMemberId', { promoterMemberId, todayStart })
      .groupBy('c.status')
      .getRawMany();
    const total = (status: CommissionStatus) => Number(rows.find((row) => row.status === status)?.total ?? 0);
    const sum = (pick: (row: (typeof rows)[number]) => string | number | null) => rows.reduce((all, row) => all + Number(pick(row) ?? 0), 0);
    return { frozenFen: total('frozen'), settledFen: total('settled'), reversedFen: sum((row) => row.reversed), todayFen: sum((row) => row.today) };
  }

  /** Records, newest first: a promoter's own (shopper) or any (console, with filters). */
  async page(filter: CommissionFilter, query: PageQueryDto): Promise<Paginated<AdminCommissionRecord>> {
    const [rows, total] = await this.filtered(filter).skip(query.offset).take(query.pageSize).getManyAndCount();
    return paginated(rows.map(toRecord), total, query);
  }

  /** The console's CSV: the filtered records, newest first, at most COMMISSION_EXPORT_MAX_ROWS. */
  async exportCsv(filter: CommissionFilter): Promise<string> {
    const rows = await this.filtered(filter).take(COMMISSION_EXPORT_MAX_ROWS).getMany();
    const nicknames = await this.nicknamesOf(rows);
    const header = ['记录号', '推广员', '推广员会员ID', '级别', '订单号', '买家', '商品', '件数', '计佣金额（元）', '比例', '佣金（元）', '已扣回（元）', '剩余佣金（元）', '状态', '产生时间', '结算时间'];
    const lines = rows.map((row) => {
      const record = toRecord(row);
      return [
        record.id,
        memberDisplayName(nicknames.get(row.promoterMemberId), row.promoterMemberId),
        row.promoterMemberId,
        `${record.level} 级`,
        record.orderNo,
        memberDisplayName(nicknames.get(row.buyerMemberId), row.buyerMemberId),
        record.productTitle,
        record.quantity,
        formatFen(record.baseFen),
        formatRateBp(record.rateBp),
        formatFen(record.originalFen),
        formatFen(record.reversedFen),
        formatFen(record.amountFen),
        COMMISSION_STATUS_LABELS[record.status],
        chinaDateTime(row.createdAt),
        row.settledAt ? chinaDateTime(row.settledAt) : '',
      ];
    });
    return csvDocument(header, lines);
  }

  /** The console list: the records with the promoter's and the buyer's nicknames. */
  async adminPage(filter: CommissionFilter, query: PageQueryDto): Promise<Paginated<AdminCommissionRow>> {
    const [rows, total] = await this.filtered(filter).skip(query.offset).take(query.pageSize).getManyAndCount();
    const nicknames = await this.nicknamesOf(rows);
    const items = rows.map((row) => ({ ...toRecord(row), promoterNickname: nicknames.get(row.promoterMemberId) ?? '', buyerNickname: nicknames.get(row.buyerMemberId) ?? '' }));
    return paginated(items, total, query);
  }

  private filtered(filter: CommissionFilter) {
    const query = this.dataSource.getRepository(CommissionRow).createQueryBuilder('c').orderBy('c.id', 'DESC');
    if (filter.promoterMemberId !== undefined) query.andWhere('c.promoterMemberId = :promoterMemberId', { promoterMemberId: filter.promoterMemberId });
    if (filter.status) query.andWhere('c.status = :status', { status: filter.status });
    if (filter.orderNo) query.andWhere('c.orderNo = :orderNo', { orderNo: filter.orderNo });
    if (filter.from) query.andWhere('c.createdAt >= :from', { from: startOfChinaDay(filter.from) });
    if (filter.to) query.andWhere('c.createdAt < :to', { to: startOfChinaDay(addDays(filter.to, 1)) });
    return query;
  }

  private async nicknamesOf(rows: CommissionRow[]): Promise<Map<number, string>> {
    const ids = [...new Set(rows.flatMap((row) => [row.promoterMemberId, row.buyerMemberId]))];
    const members = ids.length ? await this.dataSource.getRepository(MemberRow).find({ select: { id: true, nickname: true }, where: { id: In(ids) } }) : [];
    return new Map(members.map((member) => [member.id, member.nickname ?? '']));
  }

  /** The records of some orders (the commission a set of orders made). */
  ofOrders(orderIds: number[]): Promise<CommissionRow[]> {
    return orderIds.length ? this.dataSource.getRepository(CommissionRow).find({ where: { orderId: In(orderIds) }, order: { id: 'ASC' } }) : Promise.resolve([]);
  }
}

export function toRecord(row: CommissionRow): AdminCommissionRecord {
  return {
    id: row.id,
    orderNo: row.orderNo,
    level: row.level,
    productTitle: row.productTitle,
    quantity: row.quantity,
    baseFen: row.baseFen,
    rateBp: row.rateBp,
    originalFen: row.originalFen,
    reversedFen: row.reversedFen,
    amountFen: row.originalFen - row.reversedFen,
    status: row.status,
    createdAt: row.createdAt.toISOString(),
    settledAt: row.settledAt?.toISOString() ?? null,
    promoterMemberId: row.promoterMemberId,
    buyerMemberId: row.buyerMemberId,
  };
}
