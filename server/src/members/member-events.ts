import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DomainEvents, type RecordedEvent } from '../platform/events/domain-events.service';

/** Domain events of members, recorded in the transaction that creates or changes the member. */
export const MemberEvents = {
  /** A member's first login created the member (followers: the new-member coupon). */
  registered: 'member.registered',
} as const;

export interface MemberRegisteredPayload {
  memberId: number;
  openid: string;
  /** The 隐私政策 version agreed to with the first login, if any. */
  privacyConsentVersion: string | null;
}

@Injectable()
export class MemberEventPublisher {
  constructor(private readonly events: DomainEvents) {}

  registered(manager: EntityManager, payload: MemberRegisteredPayload): RecordedEvent {
    return this.events.record(manager, { type: MemberEvents.registered, aggregateKey: `member:${payload.memberId}`, memberId: payload.memberId, payload });
  }
}
