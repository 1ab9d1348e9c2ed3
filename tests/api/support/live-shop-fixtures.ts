import type { LiveSession, LiveSessionInput } from '../../../shared';
import { API, bearer, type TestApp } from './test-app';

const HOUR_MS = 3600_000;

/** Live sessions made through the console API, as staff would, for the shopper-side suites. */
export class LiveSessionFixtures {
  constructor(
    private readonly t: TestApp,
    private readonly operator: string,
  ) {}

  /** A Channels session starting `startsInMs` from now, lasting two hours; fields overridable. */
  async create(overrides: Partial<LiveSessionInput> & { startsInMs?: number } = {}): Promise<LiveSession> {
    const { startsInMs = 24 * HOUR_MS, ...fields } = overrides;
    const start = Date.now() + startsInMs;
    const body: LiveSessionInput = {
      provider: 'channels',
      title: '直播专场',
      coverUrl: null,
      plannedStartAt: new Date(start).toISOString(),
      plannedEndAt: new Date(start + 2 * HOUR_MS).toISOString(),
      finderUserName: 'sph_test_shop',
      feedId: null,
      noticeId: null,
      roomId: null,
      productIds: [],
      prices: [],
      couponTemplateId: null,
      ...fields,
    };
    const response = await this.t.api().post(`${API}/admin/live/sessions`).set(bearer(this.operator)).send(body);
    if (response.status !== 201) throw new Error(`session not created: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body;
  }

  /** 开播 / 结束 / 取消 in the console. */
  async act(id: number, action: 'start' | 'end' | 'cancel'): Promise<void> {
    await this.t.api().post(`${API}/admin/live/sessions/${id}/${action}`).set(bearer(this.operator)).expect(200);
  }
}

/** The member id a member token names (its payload's `sub`). */
export function memberIdOf(token: string): number {
  return JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8')).sub;
}
