import { Injectable, Logger } from '@nestjs/common';
import { CHANNEL_CODE_PATTERN, DEVICE_ID_PATTERN, type LoginAttribution, type OrderSource } from '../../../shared';
import { LiveTouchesService } from '../live/live-touches.service';
import { TransactionRunner } from '../platform/database/transaction-runner';
import { MemberArrivals } from './member-arrivals';
import { MemberIdentitiesService } from './member-identities.service';
import { ShareActivityService } from './share-activity.service';
import { ShareLinksService } from './share-links.service';
import { deviceVisitor, memberVisitor, TouchesService, touchOf } from './touches.service';
import type { RecordTouchDto } from './attribution.dto';

/** Attribution headers of an order request, already checked as plausible codes (orders/order-source.ts). */
export interface OrderAttributionHeaders {
  shortId: string | null;
  channelCode: string | null;
  liveRoomId: string | null;
}

/**
 * Where visitors and orders came from, and who a member is: the one place logins, touches and orders go
 * through, so referral binding, channel reports and live reports read the same rows.
 */
@Injectable()
export class AttributionService {
  private readonly logger = new Logger('Attribution');

  constructor(
    private readonly shareLinks: ShareLinksService,
    private readonly touches: TouchesService,
    private readonly identities: MemberIdentitiesService,
    private readonly transactions: TransactionRunner,
    private readonly arrivals: MemberArrivals,
    private readonly shareActivity: ShareActivityService,
    private readonly liveTouches: LiveTouchesService,
  ) {}

  /**
   * `POST /touches`: an unknown short id without a channel records nothing (a stale link is no error). A share
   * link's open is also a visit of the referral report (`memberId`: the caller, when logged in), and one carrying a
   * live session an inbound live touch of it (once per open: recordMemberTouch does not repeat it).
   */
  async recordDeviceTouch(input: RecordTouchDto, memberId: number | null = null): Promise<void> {
    const link = await this.shareLinks.find(input.shortId);
    const channel = input.channel ?? null;
    if (!link && !channel) return;
    const at = new Date();
    await this.touches.recordForDevice(input.deviceId, touchOf(link, channel, at));
    if (link) {
      await this.shareActivity.recordVisit(link, deviceVisitor(input.deviceId), memberId, at);
      await this.liveTouches.recordLinkOpen(link, { deviceId: input.deviceId, memberId });
    }
  }

  /** Every sign-in: the member's openid and unionid (when WeChat sends one) are the member's identities. */
  recordSignIn(memberId: number, openid: string, unionid: string | null): Promise<void> {
    return this.transactions.run(async (manager) => {
      await this.identities.attach(manager, memberId, 'openid', openid);
      await this.identities.attach(manager, memberId, 'unionid', unionid);
    });
  }

  /** A bound phone number becomes one of the member's identities. */
  recordPhone(memberId: number, phone: string): Promise<void> {
    return this.transactions.run((manager) => this.identities.attach(manager, memberId, 'phone', phone));
  }

  /**
   * What the storefront sent with a WeChat login: the device becomes the member's (identity and touches) and
   * the share link or channel it holds is the member's latest touch. Invalid values are skipped; a failure
   * here is logged and never fails the login. A share link is also a visit of the referral report (the
   * storefront sends `/touches` only after privacy consent, so a friend who consents at this login has none yet),
   * and is then announced to MemberArrivals. `registeredAt`: this login created the member, at that instant; the
   * touch it carries is dated then, so the report can tell "came through the link" from "opened a link later". Only
   * that login makes a link carrying a live session an inbound live touch (LiveTouchesService.recordRegistrationByLink):
   * the storefront resends its stored link with every login, and a later login is no new launch.
   */
  async recordLogin(memberId: number, attribution: LoginAttribution | undefined, registeredAt: Date | null = null): Promise<void> {
    if (!attribution) return;
    const deviceId = attribution.deviceId && DEVICE_ID_PATTERN.test(attribution.deviceId) ? attribution.deviceId : null;
    const channel = attribution.channel && CHANNEL_CODE_PATTERN.test(attribution.channel) ? attribution.channel : null;
    try {
      const link = await this.shareLinks.find(attribution.shortId);
      const at = new Date();
      await this.transactions.run(async (manager) => {
        if (deviceId) {
          await this.identities.attach(manager, memberId, 'device', deviceId);
          await this.touches.attachDevice(manager, deviceId, memberId);
        }
        if (link || channel) await this.touches.recordForMember(manager, memberId, touchOf(link, channel, registeredAt ?? at));
      });
      if (link) {
        await this.shareActivity.recordVisit(link, deviceId ? deviceVisitor(deviceId) : memberVisitor(memberId), memberId, at);
        if (registeredAt) await this.liveTouches.recordRegistrationByLink(link, { deviceId, memberId }, registeredAt);
        await this.arrivals.notify({ memberId, link, registered: registeredAt !== null, at });
      }
    } catch (error) {
      this.logger.error(`login attribution of member ${memberId} not recorded: ${String(error)}`);
    }
  }

  /**
   * `POST /touches` from a logged-in member: the touch is the member's too (their latest), and a share link is
   * announced to MemberArrivals like one that came with a login.
   */
  async recordMemberTouch(memberId: number, input: RecordTouchDto): Promise<void> {
    const link = await this.shareLinks.find(input.shortId);
    const channel = input.channel ?? null;
    if (!link && !channel) return;
    const at = new Date();
    await this.transactions.run((manager) => this.touches.recordForMember(manager, memberId, touchOf(link, channel, at)));
    if (link) await this.arrivals.notify({ memberId, link, registered: false, at });
  }

  /**
   * The order's source. The referrer is a share link resolved here (its short id and its sharer; the buyer's
   * own link names no sharer); a malformed or unknown short id is dropped, never an error. The link's channel
   * and live session win over the plain headers.
   */
  async orderSource(headers: OrderAttributionHeaders, buyerMemberId: number): Promise<OrderSource> {
    const link = await this.shareLinks.find(headers.shortId);
    return {
      channelCode: link?.channel || headers.channelCode,
      referrerCode: link ? headers.shortId : null,
      sharerMemberId: link && link.sharerMemberId !== buyerMemberId ? link.sharerMemberId : null,
      liveRoomId: link?.liveSessionId != null ? String(link.liveSessionId) : headers.liveRoomId,
      groupBuyTeamId: null,
      liveSessionId: null,
      liveAttribution: null,
    };
  }
}
