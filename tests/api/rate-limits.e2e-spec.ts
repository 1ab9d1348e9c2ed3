import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { ShareLinkRow } from '../../server/src/attribution/share-link.entity';
import { VisitorTouchRow } from '../../server/src/attribution/visitor-touch.entity';
import { ShopFixtures } from './support/shop-fixtures';
import { API, bearer, expectApiError, memberToken, startTestApp, TEST_DB, type TestApp } from './support/test-app';

/** The per-client caps on the cheap writes anyone can send (touches) or any member can repeat (share links). */
describe(`rate limits of public and member writes (${TEST_DB})`, () => {
  let t: TestApp;
  let http: () => ReturnType<typeof request>;
  let productId: number;

  beforeAll(async () => {
    t = await startTestApp();
    await t.app.listen(0, '127.0.0.1');
    const url = await t.app.getUrl();
    http = () => request(url);
    const shop = new ShopFixtures(t);
    await shop.init();
    productId = (await shop.product([{ priceFen: 1000, stock: 5 }])).id;
  });
  afterAll(() => t.close());

  it('takes 120 touches a minute from one address, answers the rest 429 RATE_LIMITED with Retry-After, and writes only those', async () => {
    const sharer = await memberToken(t, 'rate-sharer');
    const link = (await http().post(`${API}/share-links`).set(bearer(sharer)).send({ kind: 'product', targetId: productId, channel: 'chat' }).expect(200)).body;
    const devices = Array.from({ length: 150 }, () => randomBytes(12).toString('base64url'));
    const answers = await Promise.all(devices.map((deviceId) => http().post(`${API}/touches`).send({ deviceId, shortId: link.shortId })));
    expect(answers.filter((r) => r.status === 204)).toHaveLength(120);
    const refused = answers.filter((r) => r.status === 429);
    expect(refused).toHaveLength(30);
    expectApiError(refused[0].body, 'RATE_LIMITED');
    expect(Number(refused[0].headers['retry-after'])).toBeGreaterThan(0);
    expect(await t.dataSource.getRepository(VisitorTouchRow).count()).toBe(120);
  });

  it('lets one member create 30 share links a minute; another member is not affected', async () => {
    const greedy = await memberToken(t, 'rate-greedy');
    const answers = await Promise.all(
      Array.from({ length: 40 }, (_, index) =>
        http().post(`${API}/share-links`).set(bearer(greedy)).send({ kind: 'product', targetId: productId, channel: `c${index}` }),
      ),
    );
    expect(answers.filter((r) => r.status === 200)).toHaveLength(30);
    expect(answers.filter((r) => r.status === 429)).toHaveLength(10);
    const other = await memberToken(t, 'rate-other');
    await http().post(`${API}/share-links`).set(bearer(other)).send({ kind: 'product', targetId: productId, channel: 'chat' }).expect(200);
    const greedyId = (await http().get(`${API}/me`).set(bearer(greedy)).expect(200)).body.id;
    expect(await t.dataSource.getRepository(ShareLinkRow).countBy({ sharerMemberId: greedyId })).toBe(30);
  });
});
