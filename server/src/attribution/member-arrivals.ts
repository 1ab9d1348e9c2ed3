import { Injectable, Logger } from '@nestjs/common';
import type { ShareLinkRow } from './share-link.entity';

/** A member arrived with someone's share link: at a login, or opening a link while logged in. */
export interface MemberArrival {
  memberId: number;
  link: ShareLinkRow;
  /** This login created the member (their first login). */
  registered: boolean;
  at: Date;
}

export interface MemberArrivalListener {
  /** Unique: `<module>.<what>`. */
  name: string;
  /** Runs after the touch is recorded; a failure is logged and never fails the login or the touch. */
  onArrival(arrival: MemberArrival): Promise<void>;
}

/**
 * Who wants to know when a member arrives through a share link (referral binding): one registration in the
 * listener's onModuleInit, so attribution never imports the domains that act on it.
 */
@Injectable()
export class MemberArrivals {
  private readonly logger = new Logger('MemberArrivals');
  private readonly listeners: MemberArrivalListener[] = [];

  register(listener: MemberArrivalListener): void {
    if (this.listeners.some((known) => known.name === listener.name)) throw new Error(`member arrival listener ${listener.name} is registered twice`);
    this.listeners.push(listener);
  }

  async notify(arrival: MemberArrival): Promise<void> {
    for (const listener of this.listeners) {
      try {
        await listener.onArrival(arrival);
      } catch (error) {
        this.logger.error(`${listener.name} failed for member ${arrival.memberId}: ${String(error)}`);
      }
    }
  }
}
