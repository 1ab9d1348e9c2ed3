import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { REFERRAL_LEDGER_KIND_LABELS, type Paginated, type ReferralLedgerEntry, type ReferralLedgerKind } from '../../../shared';
import { lockedForUpdate } from '../platform/database/locking-read';
import { upsertRow } from '../platform/database/upsert';
import { ApiException } from '../platform/errors/api-exception';
import { paginated, type PageQueryDto } from '../platform/http/page-query.dto';
import { LedgerEntryRow } from './ledger-entry.entity';
import { PromoterAccountRow } from './promoter-account.entity';

/** One change of a promoter's money, as the ledger records it. */
export interface LedgerChange {
  memberId: number;
  kind: ReferralLedgerKind;
  /** Makes the change happen once: a second change with the same key does nothing (answers false). */
  entryKey: string;
  commissionId?: number | null;
  refundId?: number | null;
  note?: string;
}

interface Deltas {
  balanceDeltaFen: number;
  debtDeltaFen: number;
}

/** Every change moves a positive whole number of fen (a zero, negative or fractional amount is a caller's bug). */
function assertAmount(amountFen: number, what: string): void {
  if (!Number.isSafeInteger(amountFen) || amountFen <= 0) throw new Error(`referral ledger ${what}: the amount must be a positive whole number of fen, not ${amountFen}`);
}

export interface AccountFigures {
  balanceFen: number;
  debtFen: number;
}

/**
 * The promoter's balance and debt, changed only here, each change one referral_ledger row (its deltas and the
 * figures after it) written in the same transaction as the account update, so both columns always equal the
 * sums of their ledger deltas and neither is ever negative:
 * - credit (a settled commission): pays the debt first, the rest goes to the balance;
 * - take back (a refund after settlement): from the balance as far as it goes, the rest becomes debt;
 * - hold / release (the withdrawal module's seam): a hold takes from the balance only when it covers the amount
 *   and there is no debt; a release gives a held amount back.
 * Every method runs inside the caller's transaction (`manager`) and locks the account row first.
 */
@Injectable()
export class PromoterLedger {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async figures(memberId: number, manager: EntityManager = this.dataSource.manager): Promise<AccountFigures> {
    const row = await manager.findOneBy(PromoterAccountRow, { memberId });
    return { balanceFen: row?.balanceFen ?? 0, debtFen: row?.debtFen ?? 0 };
  }

  /** A settled commission of `amountFen`: debt first, then balance. */
  credit(manager: EntityManager, change: LedgerChange, amountFen: number): Promise<boolean> {
    assertAmount(amountFen, change.entryKey);
    return this.change(manager, change, (account) => {
      const repaid = Math.min(account.debtFen, amountFen);
      return { balanceDeltaFen: amountFen - repaid, debtDeltaFen: -repaid };
    });
  }

  /** A reversal of `amountFen` after settlement: from the balance, and what it cannot cover as debt. */
  takeBack(manager: EntityManager, change: LedgerChange, amountFen: number): Promise<boolean> {
    assertAmount(amountFen, change.entryKey);
    return this.change(manager, change, (account) => {
      const taken = Math.min(account.balanceFen, amountFen);
      return { balanceDeltaFen: -taken, debtDeltaFen: amountFen - taken };
    });
  }

  /**
   * The withdrawal module's seam: holds `amountFen` of the balance for a withdrawal (`reference`, e.g. its id).
   * 409 REFERRAL_DEBT_OUTSTANDING while there is debt, 409 REFERRAL_BALANCE_INSUFFICIENT when the balance does not
   * cover it. Holding the same reference twice holds once.
   */
  hold(manager: EntityManager, memberId: number, reference: string, amountFen: number, note = ''): Promise<boolean> {
    assertAmount(amountFen, 'hold');
    return this.change(manager, { memberId, kind: 'withdrawal_hold', entryKey: `hold:${reference}`, note }, (account) => {
      if (account.debtFen > 0) {
        throw new ApiException('REFERRAL_DEBT_OUTSTANDING', HttpStatus.CONFLICT, '有待抵扣的佣金欠款，暂不能提现', { debtFen: account.debtFen });
      }
      if (account.balanceFen < amountFen) {
        throw new ApiException('REFERRAL_BALANCE_INSUFFICIENT', HttpStatus.CONFLICT, '可提现余额不足', { balanceFen: account.balanceFen });
      }
      return { balanceDeltaFen: -amountFen, debtDeltaFen: 0 };
    });
  }

  /**
   * Gives a held amount back (a withdrawal rejected, failed, cancelled or expired), debt first; once per reference.
   * Only what was held comes back: under the account lock it finds this member's `hold:<reference>` row and refuses
   * (an Error: a bug in the caller, nothing is written) a reference that was never held or an amount that is not
   * the held one, so no release can create money.
   */
  release(manager: EntityManager, memberId: number, reference: string, amountFen: number, note = ''): Promise<boolean> {
    assertAmount(amountFen, 'release');
    return this.change(manager, { memberId, kind: 'withdrawal_release', entryKey: `release:${reference}`, note }, async (account) => {
      const held = await manager.findOneBy(LedgerEntryRow, { entryKey: `hold:${reference}`, memberId });
      if (!held) throw new Error(`referral release ${reference}: member ${memberId} has no hold with this reference`);
      if (-held.balanceDeltaFen !== amountFen) throw new Error(`referral release ${reference}: ${amountFen} fen asked, ${-held.balanceDeltaFen} fen held`);
      const repaid = Math.min(account.debtFen, amountFen);
      return { balanceDeltaFen: amountFen - repaid, debtDeltaFen: -repaid };
    });
  }

  /**
   * The account row, locked: one upsert that inserts it at 0 the first time and otherwise changes nothing, then a
   * locking read. The upsert takes the row's exclusive lock at once (a locking read of a missing row would take a
   * gap lock, and two first-time accounts inserting into the same gap would deadlock on InnoDB).
   */
  private async lockAccount(manager: EntityManager, memberId: number): Promise<PromoterAccountRow> {
    await upsertRow(manager, PromoterAccountRow, { memberId, balanceFen: 0, debtFen: 0 }, ['memberId'], { memberId: (sql) => sql.column('memberId') });
    return (await lockedForUpdate(manager.createQueryBuilder(PromoterAccountRow, 'a').where('a.memberId = :memberId', { memberId })).getOne())!;
  }

  /** `GET /referral/ledger`: my changes, newest first. */
  async page(memberId: number, query: PageQueryDto): Promise<Paginated<ReferralLedgerEntry>> {
    const [rows, total] = await this.dataSource.getRepository(LedgerEntryRow).findAndCount({ where: { memberId }, order: { id: 'DESC' }, skip: query.offset, take: query.pageSize });
    return paginated(
      rows.map((row) => ({
        id: row.id,
        kind: row.kind,
        kindText: REFERRAL_LEDGER_KIND_LABELS[row.kind],
        balanceDeltaFen: row.balanceDeltaFen,
        debtDeltaFen: row.debtDeltaFen,
        balanceAfterFen: row.balanceAfterFen,
        debtAfterFen: row.debtAfterFen,
        note: row.note,
        createdAt: row.createdAt.toISOString(),
      })),
      total,
      query,
    );
  }

  /**
   * Locks the account (creating it at 0 the first time), skips a change whose key is already in the ledger,
   * writes the ledger row and the new figures. The account update is conditional on the figures read under the
   * lock and on neither going below zero, so a broken invariant fails loudly instead of going negative.
   */
  private async change(
    manager: EntityManager,
    change: LedgerChange,
    deltas: (account: AccountFigures) => Deltas | Promise<Deltas>,
  ): Promise<boolean> {
    const account = await this.lockAccount(manager, change.memberId);
    if (await manager.existsBy(LedgerEntryRow, { entryKey: change.entryKey })) return false;
    const { balanceDeltaFen, debtDeltaFen } = await deltas(account);
    const after = { balanceFen: account.balanceFen + balanceDeltaFen, debtFen: account.debtFen + debtDeltaFen };
    if (after.balanceFen < 0 || after.debtFen < 0) throw new Error(`referral account ${change.memberId} would go negative`);
    const updated = await manager.update(
      PromoterAccountRow,
      { memberId: change.memberId, balanceFen: account.balanceFen, debtFen: account.debtFen },
      after,
    );
    if (!updated.affected) throw new Error(`referral account ${change.memberId} changed under its lock`);
    await manager.insert(LedgerEntryRow, {
      memberId: change.memberId,
      kind: change.kind,
      entryKey: change.entryKey,
      balanceDeltaFen,
      debtDeltaFen,
      balanceAfterFen: after.balanceFen,
      debtAfterFen: after.debtFen,
      commissionId: change.commissionId ?? null,
      refundId: change.refundId ?? null,
      note: change.note ?? '',
    });
    return true;
  }
}
