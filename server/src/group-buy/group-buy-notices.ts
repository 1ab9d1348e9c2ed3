import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { SUBSCRIBE_TEMPLATE_LABELS } from '../../../shared';
import { EventFollowers } from '../platform/events/event-followers';
import { SubscribeMessagesService } from '../subscribe-messages/subscribe-messages.service';
import { GroupBuyEvents, type GroupBuyTeamEndedPayload } from './group-buy-events';
import { GroupBuySeatRow } from './group-buy-seat.entity';

/**
 * Tells each real member of a team how it ended (subscribe messages 拼团成功 / 拼团失败), after the team's
 * transaction committed: one message per member's order, each taking one of the member's accepted subscriptions.
 * Virtual seats have nobody to tell.
 */
@Injectable()
export class GroupBuyNotices implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly followers: EventFollowers,
    private readonly messages: SubscribeMessagesService,
  ) {}

  onModuleInit(): void {
    const follow = (name: string, type: string, kind: 'group_buy_succeeded' | 'group_buy_failed') =>
      this.followers.register<GroupBuyTeamEndedPayload>({
        name,
        label: `发送订阅消息「${SUBSCRIBE_TEMPLATE_LABELS[kind]}」`,
        on: [type],
        handle: async ({ payload }) => {
          const seats = await this.dataSource.getRepository(GroupBuySeatRow).find({ where: { teamId: payload.teamId, status: 'paid' }, order: { id: 'ASC' } });
          for (const seat of seats) await this.messages.sendGroupBuyResult(kind, seat.orderId, seat.memberId);
        },
      });
    follow('group-buy.notify-succeeded', GroupBuyEvents.teamSucceeded, 'group_buy_succeeded');
    follow('group-buy.notify-failed', GroupBuyEvents.teamFailed, 'group_buy_failed');
  }
}
