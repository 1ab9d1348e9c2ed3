import { DomainEventRow } from '../../../server/src/platform/events/domain-event.entity';
import { DomainEventDeliveryRow } from '../../../server/src/platform/events/domain-event-delivery.entity';
import type { TestApp } from './test-app';

/** The payloads of the recorded events of a type about an order, oldest first. */
export async function orderEventsOf<P = Record<string, unknown>>(t: TestApp, type: string, orderNo: string): Promise<P[]> {
  const rows = await t.dataSource.getRepository(DomainEventRow).find({ where: { type, aggregateKey: `order:${orderNo}` }, order: { id: 'ASC' } });
  return rows.map((row) => JSON.parse(row.payload) as P);
}

/** The deliveries of one follower, oldest event first. */
export function deliveriesOf(t: TestApp, follower: string): Promise<DomainEventDeliveryRow[]> {
  return t.dataSource.getRepository(DomainEventDeliveryRow).find({ where: { follower }, order: { eventId: 'ASC' } });
}
