import { Injectable, Logger } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';

/** Domain events of members, published after the member's row is committed. */
export const MemberEvents = {
  /** A member's first login created the member (followers: the new-member coupon). */
  registered: 'member.registered',
} as const;

export interface MemberRegisteredEvent {
  memberId: number;
}

@Injectable()
export class MemberEventPublisher {
  private readonly logger = new Logger('MemberEvents');

  constructor(private readonly emitter: EventEmitter2) {}

  /**
   * Waits for the followers, so what they give a new member (a coupon) is there when the login answers;
   * a follower that fails is logged and never fails the login.
   */
  async registered(event: MemberRegisteredEvent): Promise<void> {
    try {
      await this.emitter.emitAsync(MemberEvents.registered, event);
    } catch (error) {
      this.logger.error(`${MemberEvents.registered} follower failed: ${String(error)}`);
    }
  }
}
