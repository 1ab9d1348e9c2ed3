import { TransactionRunner } from '../../server/src/platform/database/transaction-runner';
import { LedgerEntryRow } from '../../server/src/referral/ledger-entry.entity';
import { PromoterAccountRow } from '../../server/src/referral/promoter-account.entity';
import { PromoterLedger } from '../../server/src/referral/promoter-ledger';
import { startTestApp, TEST_DB, type TestApp } from './support/test-app';
import { countTransactionAttempts } from './support/transaction-attempts';

/**
 * The promoters' ledger as the withdrawal module uses it: every change moves a positive whole number of fen, a
 * release gives back exactly what its hold took (never a reference that was not held, never another amount), once;
 * and first-time accounts created in parallel do not deadlock.
 */
describe(`referral ledger (${TEST_DB})`, () => {
  let t: TestApp;
  let ledger: PromoterLedger;
  let runner: TransactionRunner;
  // Ledger accounts are keyed by member id alone; these ids are nobody's, so no other test touches them.
  let nextMember = 700_000;

  beforeAll(async () => {
    t = await startTestApp();
    ledger = t.app.get(PromoterLedger);
    runner = t.app.get(TransactionRunner);
  });
  afterAll(() => t.close());

  const account = async (memberId: number) => {
    const row = await t.dataSource.getRepository(PromoterAccountRow).findOneBy({ memberId });
    return { balance: row?.balanceFen ?? 0, debt: row?.debtFen ?? 0 };
  };
  const ledgerOf = async (memberId: number) =>
    (await t.dataSource.getRepository(LedgerEntryRow).find({ where: { memberId }, order: { id: 'ASC' } })).map((row) => [row.entryKey, row.balanceDeltaFen, row.debtDeltaFen]);
  /** A member with `balanceFen` settled into the balance. */
  async function funded(balanceFen: number): Promise<number> {
    const memberId = ++nextMember;
    await runner.run((manager) => ledger.credit(manager, { memberId, kind: 'settlement', entryKey: `settle:test-${memberId}` }, balanceFen));
    return memberId;
  }
  const hold = (memberId: number, reference: string, amountFen: number) => runner.run((manager) => ledger.hold(manager, memberId, reference, amountFen));
  const release = (memberId: number, reference: string, amountFen: number) => runner.run((manager) => ledger.release(manager, memberId, reference, amountFen));

  it.each([
    ['a negative hold', (m: number) => hold(m, 'neg', -500)],
    ['a zero hold', (m: number) => hold(m, 'zero', 0)],
    ['a fractional hold', (m: number) => hold(m, 'half', 10.5)],
    ['a hold beyond safe integers', (m: number) => hold(m, 'huge', Number.MAX_SAFE_INTEGER + 2)],
    ['a negative release', (m: number) => release(m, 'neg', -500)],
    ['a negative credit', (m: number) => runner.run((manager) => ledger.credit(manager, { memberId: m, kind: 'settlement', entryKey: `settle:neg-${m}` }, -1))],
    ['a zero take-back', (m: number) => runner.run((manager) => ledger.takeBack(manager, { memberId: m, kind: 'reversal', entryKey: `reverse:zero-${m}` }, 0))],
  ])('refuses %s and writes nothing', async (_what, change) => {
    const memberId = await funded(1000);
    await expect(change(memberId)).rejects.toThrow('positive whole number of fen');
    expect(await account(memberId)).toEqual({ balance: 1000, debt: 0 });
    expect(await ledgerOf(memberId)).toHaveLength(1);
  });

  it('a release gives back exactly its hold, once; no hold or another amount is refused', async () => {
    const memberId = await funded(1000);
    const other = await funded(1000);
    await expect(release(memberId, 'never-held', 300)).rejects.toThrow('no hold with this reference');
    await hold(memberId, 'w1', 300);
    // The hold belongs to this member: another member cannot release it.
    await expect(release(other, 'w1', 300)).rejects.toThrow('no hold with this reference');
    await expect(release(memberId, 'w1', 301)).rejects.toThrow('301 fen asked, 300 fen held');
    await expect(release(memberId, 'w1', 299)).rejects.toThrow('299 fen asked, 300 fen held');
    expect(await account(memberId)).toEqual({ balance: 700, debt: 0 });
    const results = await Promise.all(Array.from({ length: 5 }, () => release(memberId, 'w1', 300)));
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await account(memberId)).toEqual({ balance: 1000, debt: 0 });
    expect(await account(other)).toEqual({ balance: 1000, debt: 0 });
    expect(await ledgerOf(memberId)).toEqual([
      [`settle:test-${memberId}`, 1000, 0],
      ['hold:w1', -300, 0],
      ['release:w1', 300, 0],
    ]);
  });

  it('20 first-time accounts credited in parallel: all created, one row each, no deadlock retried', async () => {
    const members = Array.from({ length: 20 }, () => ++nextMember);
    const { attempts } = await countTransactionAttempts(t, () =>
      Promise.all(members.map((memberId, index) => runner.run((manager) => ledger.credit(manager, { memberId, kind: 'settlement', entryKey: `settle:parallel-${memberId}` }, 100 + index)))),
    );
    for (const [index, memberId] of members.entries()) {
      expect(await account(memberId)).toEqual({ balance: 100 + index, debt: 0 });
      expect(await ledgerOf(memberId)).toEqual([[`settle:parallel-${memberId}`, 100 + index, 0]]);
    }
    // Each transaction ran once: none was rolled back as a deadlock victim and retried.
    expect(attempts).toBe(members.length);
  });
});
