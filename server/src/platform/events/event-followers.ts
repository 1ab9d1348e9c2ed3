import { Injectable } from '@nestjs/common';
import type { EventFollower } from './domain-event';

/**
 * Who follows which event. Each follower registers itself once, in its module's onModuleInit:
 * `followers.register({ name: 'loyalty.points-on-completed', label: '确认收货后发放积分', on: [OrderEvents.completed], handle })`.
 */
@Injectable()
export class EventFollowers {
  private readonly byName = new Map<string, EventFollower>();
  private readonly byType = new Map<string, EventFollower[]>();

  register<P>(follower: EventFollower<P>): void {
    if (this.byName.has(follower.name)) throw new Error(`event follower ${follower.name} is registered twice`);
    this.byName.set(follower.name, follower);
    for (const type of follower.on) this.byType.set(type, [...(this.byType.get(type) ?? []), follower]);
  }

  of(type: string): readonly EventFollower[] {
    return this.byType.get(type) ?? [];
  }

  named(name: string): EventFollower | undefined {
    return this.byName.get(name);
  }
}
