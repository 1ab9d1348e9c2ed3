import { randomBytes } from 'node:crypto';
import type { LiveSession, LiveSkuPrice, OrderDetail } from '../../../shared';
import { LiveSessionRow } from '../../../server/src/live/live-session.entity';
import { ShopFixtures } from './shop-fixtures';
import { API, bearer, memberToken, staffToken, type TestApp } from './test-app';

export const HOUR_MS = 3_600_000;

/** A fresh storefront device id (what the storefront keeps in storage). */
export const newDevice = () => randomBytes(12).toString('base64url');

export interface LiveShopper {
  token: string;
  memberId: number;
  addressId: number;
}

/** Live sessions made through the admin API as staff would, and shoppers who tap, launch and buy. */
export class LiveFixtures {
  readonly shop: ShopFixtures;
  operator = '';
  private people = 0;
  private orders = 0;
  private rooms = 0;

  constructor(private readonly t: TestApp) {
    this.shop = new ShopFixtures(t);
  }

  async init(): Promise<void> {
    this.operator = await staffToken(this.t, 'operator');
    await this.shop.init();
  }

  /** A Channels session planned from `startInMs` for 2 h featuring the products, with live prices; started when `start`. */
  async session(options: { productIds: number[]; prices?: LiveSkuPrice[]; start?: boolean; startInMs?: number; title?: string }): Promise<LiveSession> {
    const startAt = Date.now() + (options.startInMs ?? HOUR_MS);
    const session: LiveSession = (
      await this.t.api()
        .post(`${API}/admin/live/sessions`)
        .set(bearer(this.operator))
        .send({
          provider: 'channels', title: options.title ?? '直播专场', coverUrl: null,
          plannedStartAt: new Date(startAt).toISOString(), plannedEndAt: new Date(startAt + 2 * HOUR_MS).toISOString(),
          finderUserName: 'sphLiveTest', feedId: null, noticeId: null, roomId: null,
          productIds: options.productIds, prices: options.prices ?? [], couponTemplateId: null,
        })
        .expect(201)
    ).body;
    if (options.start) return this.act(session.id, 'start');
    return session;
  }

  /**
   * A plugin-room (小程序直播) session with its own room id, planned an hour ago for 2 h; `live`: made live as the
   * room sync would (staff cannot start a plugin session).
   */
  async pluginSession(options: { productIds: number[]; live: boolean }): Promise<LiveSession> {
    const startAt = Date.now() - HOUR_MS;
    const session: LiveSession = (
      await this.t.api()
        .post(`${API}/admin/live/sessions`)
        .set(bearer(this.operator))
        .send({
          provider: 'plugin', title: '小程序直播专场', coverUrl: null,
          plannedStartAt: new Date(startAt).toISOString(), plannedEndAt: new Date(startAt + 2 * HOUR_MS).toISOString(),
          finderUserName: null, feedId: null, noticeId: null, roomId: 1000 + ++this.rooms,
          productIds: options.productIds, prices: [], couponTemplateId: null,
        })
        .expect(201)
    ).body;
    if (options.live) await this.t.dataSource.getRepository(LiveSessionRow).update({ id: session.id }, { status: 'live', startedAt: new Date(startAt) });
    return session;
  }

  async act(sessionId: number, action: 'start' | 'end' | 'cancel'): Promise<LiveSession> {
    return (await this.t.api().post(`${API}/admin/live/sessions/${sessionId}/${action}`).set(bearer(this.operator)).expect(200)).body;
  }

  async shopper(): Promise<LiveShopper> {
    const token = await memberToken(this.t, `live-shopper-${process.pid}-${++this.people}`);
    return this.shopperOf(token);
  }

  async shopperOf(token: string): Promise<LiveShopper> {
    const memberId = (await this.t.api().get(`${API}/me`).set(bearer(token)).expect(200)).body.id as number;
    return { token, memberId, addressId: await this.shop.address(token) };
  }

  click(sessionId: number, deviceId: string, token?: string) {
    const call = this.t.api().post(`${API}/live/sessions/${sessionId}/clicks`);
    return (token ? call.set(bearer(token)) : call).send({ deviceId, entry: 'banner' });
  }

  inbound(body: object, token?: string) {
    const call = this.t.api().post(`${API}/live/inbound`);
    return (token ? call.set(bearer(token)) : call).send(body);
  }

  /** Places a one-line order (201). */
  async order(buyer: LiveShopper, skuId: number, quantity = 1): Promise<OrderDetail> {
    return (
      await this.t.api()
        .post(`${API}/orders`)
        .set(bearer(buyer.token))
        .send({ clientToken: `live-${process.pid}-${++this.orders}`, items: [{ skuId, quantity }], addressId: buyer.addressId, usePoints: false })
        .expect(201)
    ).body;
  }
}
