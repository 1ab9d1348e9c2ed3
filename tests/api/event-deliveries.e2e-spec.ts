import type { AdminEventDelivery, AdminEventDeliveryList } from '../../shared';
import { TransactionRunner } from '../../server/src/platform/database/transaction-runner';
import { newEventId } from '../../server/src/platform/events/domain-event';
import { DomainEventDeliveryRow } from '../../server/src/platform/events/domain-event-delivery.entity';
import { DomainEventRow } from '../../server/src/platform/events/domain-event.entity';
import { DomainEvents } from '../../server/src/platform/events/domain-events.service';
import { EventFollowers } from '../../server/src/platform/events/event-followers';
import { API, bearer, expectApiError, staffToken, startTestApp, TEST_DB, type TestApp } from './support/test-app';

const DAY_MS = 86_400_000;

/** The owner's view of event deliveries that failed or are stuck, running one again, and pruning settled old events. */
describe(`event deliveries in 任务 (${TEST_DB})`, () => {
  let t: TestApp;
  let owner: string;
  let operator: string;
  /** The test follower fails while this is set. */
  let failing = true;
  const handled: string[] = [];

  beforeAll(async () => {
    t = await startTestApp();
    owner = await staffToken(t, 'owner');
    operator = await staffToken(t, 'operator');
    t.app.get(EventFollowers).register<{ note: string }>({
      name: 'test.ping-follower',
      label: '测试跟随者',
      on: ['test.ping'],
      handle: async ({ payload }) => {
        if (failing) throw new Error(`下游不可用: ${payload.note}`);
        handled.push(payload.note);
      },
    });
  });
  afterAll(() => t.close());

  const list = async (): Promise<AdminEventDeliveryList> => (await t.api().get(`${API}/admin/event-deliveries`).set(bearer(owner)).expect(200)).body;
  const retry = (eventId: string, follower = 'test.ping-follower') => t.api().post(`${API}/admin/event-deliveries/${eventId}/${follower}/retry`).set(bearer(owner));
  const deliveries = () => t.dataSource.getRepository(DomainEventDeliveryRow);

  /** Records a test.ping event in a transaction and waits for its first run after the commit. */
  async function ping(note: string): Promise<string> {
    const recorded = await t.app.get(TransactionRunner).run(async (manager) =>
      t.app.get(DomainEvents).record(manager, { type: 'test.ping', aggregateKey: `ping:${note}`, memberId: null, payload: { note } }),
    );
    await recorded.delivered;
    return recorded.id;
  }

  it('lists a delivery that gave up, runs it again on request, and drops it from the list once it succeeded', async () => {
    const eventId = await ping('a');
    // The first run failed; pretend it has used up its runs.
    await deliveries().update({ eventId, follower: 'test.ping-follower' }, { status: 'failed', attempts: 20 });

    const before = await list();
    expect(before.failed).toBe(1);
    expect(before.items).toEqual([
      expect.objectContaining({ eventId, eventType: 'test.ping', eventLabel: 'test.ping', aggregateKey: 'ping:a', follower: 'test.ping-follower', followerLabel: '测试跟随者', status: 'failed', attempts: 20, lastError: '下游不可用: a' }),
    ]);

    // Still failing: the run is recorded, the delivery stays failed with the new error.
    const again: AdminEventDelivery = (await retry(eventId).expect(200)).body;
    expect(again).toEqual(expect.objectContaining({ status: 'failed', attempts: 21, lastError: '下游不可用: a' }));

    failing = false;
    const fixed: AdminEventDelivery = (await retry(eventId).expect(200)).body;
    expect(fixed).toEqual(expect.objectContaining({ status: 'done', attempts: 22 }));
    expect(handled).toEqual(['a']);
    expect((await list()).items.find((item) => item.eventId === eventId)).toBeUndefined();

    // Done is done; an unknown delivery is a 404.
    expectApiError((await retry(eventId).expect(409)).body, 'EVENT_DELIVERY_DONE');
    expectApiError((await retry(eventId, 'no.such-follower').expect(404)).body, 'EVENT_DELIVERY_NOT_FOUND');
    expect(handled).toEqual(['a']);
  });

  it('lists a pending delivery nothing has run for more than five minutes as overdue', async () => {
    failing = true;
    const eventId = await ping('b');
    expect((await list()).items.map((item) => item.eventId)).not.toContain(eventId);
    await deliveries().update({ eventId, follower: 'test.ping-follower' }, { nextAttemptAt: new Date(Date.now() - 10 * 60_000) });
    const body = await list();
    expect(body.overdue).toBeGreaterThanOrEqual(1);
    expect(body.items).toContainEqual(expect.objectContaining({ eventId, status: 'pending', attempts: 1 }));
    failing = false;
    expect((await retry(eventId).expect(200)).body.status).toBe('done');
  });

  it('is the owner’s: other roles get 403, no token 401', async () => {
    expectApiError((await t.api().get(`${API}/admin/event-deliveries`).set(bearer(operator)).expect(403)).body, 'FORBIDDEN');
    expectApiError((await t.api().post(`${API}/admin/event-deliveries/x/y/retry`).set(bearer(operator)).expect(403)).body, 'FORBIDDEN');
    await t.api().get(`${API}/admin/event-deliveries`).expect(401);
  });

  it('prunes events older than the retention whose deliveries all succeeded, and keeps the rest', async () => {
    const old = Date.now() - 40 * DAY_MS;
    const event = (at: number, note: string) => ({ id: newEventId(at), type: 'test.prune', aggregateKey: `prune:${note}`, memberId: null, payload: '{}', createdAt: new Date(at) });
    const settledOld = event(old, 'settled-old');
    const failedOld = event(old + 1, 'failed-old');
    const bareOld = event(old + 2, 'no-followers-old');
    const settledNew = event(Date.now() - DAY_MS, 'settled-new');
    await t.dataSource.getRepository(DomainEventRow).insert([settledOld, failedOld, bareOld, settledNew]);
    const delivery = (eventId: string, status: 'done' | 'failed') => ({ eventId, follower: 'test.prune-follower', status, attempts: 1, lastError: null, nextAttemptAt: new Date(old), doneAt: status === 'done' ? new Date(old) : null });
    await deliveries().insert([delivery(settledOld.id, 'done'), delivery(failedOld.id, 'failed'), delivery(settledNew.id, 'done')]);

    const run = await t.api().post(`${API}/admin/jobs/events.prune/run`).set(bearer(owner)).expect(200);
    expect(run.body).toEqual(expect.objectContaining({ name: 'events.prune', rowsChanged: 2, error: null }));
    const left = (await t.dataSource.getRepository(DomainEventRow).findBy({ type: 'test.prune' })).map((row) => row.aggregateKey).sort();
    expect(left).toEqual(['prune:failed-old', 'prune:settled-new']);
    expect(await deliveries().countBy({ eventId: settledOld.id })).toBe(0);
    expect(await deliveries().countBy({ eventId: failedOld.id })).toBe(1);
    // Nothing more to remove.
    expect((await t.api().post(`${API}/admin/jobs/events.prune/run`).set(bearer(owner)).expect(200)).body.rowsChanged).toBe(0);
  });
});
