import { STAFF_POINTS_ADJUST_LIMIT, type AdminPointsLedgerEntry, type Paginated } from '../../shared';
import { MemberRow } from '../../server/src/members/member.entity';
import { PointsLedgerRow } from '../../server/src/loyalty/points-ledger.entity';
import { StaffRow } from '../../server/src/staff/staff.entity';
import { API, bearer, expectApiError, memberToken, staffToken, startTestApp, TEST_DB, type TestApp } from './support/test-app';

/** Customer service adjusts points within ±STAFF_POINTS_ADJUST_LIMIT per adjustment; every adjustment names its staff member. */
describe(`points adjustment limit and the staff on the ledger (${TEST_DB})`, () => {
  let t: TestApp;
  let memberId: number;
  let service: string;
  let operator: string;
  let owner: string;

  beforeAll(async () => {
    t = await startTestApp();
    const token = await memberToken(t, 'points-limit-member');
    memberId = (await t.api().get(`${API}/me`).set(bearer(token)).expect(200)).body.id;
    [service, operator, owner] = await Promise.all(['service', 'operator', 'owner'].map((name) => staffToken(t, name)));
  });
  afterAll(() => t.close());

  const adjust = (delta: number, token: string) =>
    t.api().post(`${API}/admin/members/${memberId}/points-adjustments`).set(bearer(token)).send({ delta, reason: '客诉补偿' });
  const balance = async () => (await t.dataSource.getRepository(MemberRow).findOneByOrFail({ id: memberId })).pointsBalance;
  const staffId = async (username: string) => (await t.dataSource.getRepository(StaffRow).findOneByOrFail({ username })).id;

  it("tells staff the points rule's rate with the member's points", async () => {
    expect((await t.api().get(`${API}/admin/members/${memberId}/loyalty`).set(bearer(service)).expect(200)).body).toEqual(
      expect.objectContaining({ pointsBalance: 0, pointsPerYuan: 100 }),
    );
  });

  it('lets customer service adjust up to the limit, and records who did it', async () => {
    const entry: AdminPointsLedgerEntry = (await adjust(STAFF_POINTS_ADJUST_LIMIT, service).expect(201)).body;
    expect(entry).toEqual(expect.objectContaining({ delta: 2000, balanceAfter: 2000, reason: 'staff_adjustment', note: '客诉补偿', staff: { id: await staffId('service'), displayName: expect.any(String) } }));
    expect((await t.dataSource.getRepository(PointsLedgerRow).findOneByOrFail({ id: entry.id })).staffId).toBe(await staffId('service'));
    await adjust(-STAFF_POINTS_ADJUST_LIMIT, service).expect(201);
    expect(await balance()).toBe(0);
  });

  it('refuses customer service beyond the limit with 403 and a code, and writes nothing', async () => {
    const rowsBefore = await t.dataSource.getRepository(PointsLedgerRow).countBy({ memberId });
    for (const delta of [STAFF_POINTS_ADJUST_LIMIT + 1, -(STAFF_POINTS_ADJUST_LIMIT + 1), 50_000]) {
      const response = await adjust(delta, service).expect(403);
      expectApiError(response.body, 'POINTS_ADJUST_LIMIT_EXCEEDED');
      expect(response.body.details).toEqual({ limit: STAFF_POINTS_ADJUST_LIMIT, delta });
    }
    expect(await t.dataSource.getRepository(PointsLedgerRow).countBy({ memberId })).toBe(rowsBefore);
    expect(await balance()).toBe(0);
  });

  it('lets the operator and the owner adjust more, each named on their row in the staff ledger', async () => {
    await adjust(50_000, operator).expect(201);
    await adjust(-30_000, owner).expect(201);
    expect(await balance()).toBe(20_000);
    const ledger: Paginated<AdminPointsLedgerEntry> = (await t.api().get(`${API}/admin/members/${memberId}/points`).set(bearer(service)).expect(200)).body;
    expect(ledger.items.map((entry) => [entry.delta, entry.staff?.id])).toEqual([
      [-30_000, await staffId('owner')],
      [50_000, await staffId('operator')],
      [-2000, await staffId('service')],
      [2000, await staffId('service')],
    ]);
  });

  it('shows shoppers their ledger without the staff member', async () => {
    const token = await memberToken(t, 'points-limit-member');
    const mine = (await t.api().get(`${API}/me/points`).set(bearer(token)).expect(200)).body;
    expect(mine.items).toHaveLength(4);
    for (const entry of mine.items) expect(entry).not.toHaveProperty('staff');
  });
});
