import { loadImage } from '@napi-rs/canvas';
import request from 'supertest';
import { decodeShortId, POSTER_HEIGHT, POSTER_WIDTH, SCENE_MAX_LENGTH, type ShareLink } from '../../shared';
import { ShareLinkRow } from '../../server/src/attribution/share-link.entity';
import { PostersService } from '../../server/src/sharing/posters.service';
import { WechatClient } from '../../server/src/wechat/wechat.client';
import { readQrCode } from './support/qr-code';
import { ShopFixtures } from './support/shop-fixtures';
import { API, bearer, expectApiError, loginCode, PNG_1X1, startTestApp, staffToken, TEST_DB, type TestApp } from './support/test-app';

/** supertest's parser for binary answers: the body as one Buffer. */
function binary(response: request.Response, callback: (error: Error | null, body: Buffer) => void) {
  const chunks: Buffer[] = [];
  response.on('data', (chunk: Buffer) => chunks.push(chunk));
  response.on('end', () => callback(null, Buffer.concat(chunks)));
}

describe(`posters and mini-program codes (${TEST_DB})`, () => {
  let t: TestApp;
  let shop: ShopFixtures;
  let productId: number;

  beforeAll(async () => {
    t = await startTestApp();
    shop = new ShopFixtures(t);
    await shop.init();
    const product = await shop.product([{ priceFen: 2990, stock: 10 }, { priceFen: 4590, stock: 10 }], { title: '明前龙井 · 一级 250g 礼盒装' });
    productId = product.id;
  });
  afterAll(() => t.close());

  const member = async (identity: string, nickname?: string) => {
    const body = (await t.api().post(`${API}/auth/wechat-login`).send({ code: loginCode(t, identity) }).expect(200)).body;
    if (nickname) await t.api().patch(`${API}/me`).set(bearer(body.token)).send({ nickname }).expect(200);
    return { token: body.token as string, id: body.member.id as number };
  };
  const poster = (token: string | null, query: string) => {
    const call = t.api().get(`${API}/share/poster?${query}`);
    return (token ? call.set(bearer(token)) : call).buffer(true).parse(binary);
  };
  const codeCalls = () => t.fake.state.calls.filter((call) => call.path === '/wxa/getwxacodeunlimit').length;
  /** What a phone camera reads from the poster, and the share link behind its scene. */
  const scan = async (png: Buffer) => {
    const text = await readQrCode(png);
    const match = /^([a-z/]+)\?scene=(.+)$/.exec(text ?? '');
    if (!match) throw new Error(`not a mini-program code of a page and scene: ${text}`);
    const scene = decodeURIComponent(match[2]);
    const link: ShareLink = (await t.api().get(`${API}/share-links/${scene}`).expect(200)).body;
    const row = await t.dataSource.getRepository(ShareLinkRow).findOneByOrFail({ id: decodeShortId(scene)! });
    return { page: match[1], scene, link, row };
  };

  it('draws a product poster whose code opens the product page with the sharer’s link', async () => {
    const alice = await member('poster-alice', '阿丽');
    await t.api().post(`${API}/me/avatar`).set(bearer(alice.token)).attach('file', PNG_1X1, 'a.png').expect(200);
    const response = await poster(alice.token, `kind=product&productId=${productId}`).expect(200);
    expect(response.headers['content-type']).toBe('image/png');
    const png = response.body as Buffer;
    const image = await loadImage(png);
    expect([image.width, image.height]).toEqual([POSTER_WIDTH, POSTER_HEIGHT]);

    const { page, scene, link, row } = await scan(png);
    expect(page).toBe('goods/detail/index');
    expect(scene.length).toBeLessThanOrEqual(SCENE_MAX_LENGTH);
    expect(link).toEqual(expect.objectContaining({ kind: 'product', targetId: productId, channel: 'poster', path: `/goods/detail/index?id=${productId}&s=${scene}` }));
    // The scene maps back to the sharer and the product.
    expect(row).toEqual(expect.objectContaining({ sharerMemberId: alice.id, kind: 'product', targetId: productId, channel: 'poster' }));

    // The poster's link is the member's poster link: POST /share-links answers the same one (the view's 复制链接).
    const same = (await t.api().post(`${API}/share-links`).set(bearer(alice.token)).send({ kind: 'product', targetId: productId, channel: 'poster' }).expect(200)).body;
    expect(same.shortId).toBe(scene);
  });

  it('draws the shop poster: its code opens the home page with the sharer’s link', async () => {
    const bob = await member('poster-bob');
    const png = (await poster(bob.token, 'kind=shop').expect(200)).body as Buffer;
    const { page, link, row } = await scan(png);
    expect(page).toBe('pages/home/index');
    expect(link).toEqual(expect.objectContaining({ kind: 'page', targetId: null, channel: 'poster' }));
    expect(row.sharerMemberId).toBe(bob.id);
  });

  it('reuses the rendered poster and the code, and draws again only when what it shows changes', async () => {
    const carol = await member('poster-carol', '小卡');
    const query = `kind=product&productId=${productId}`;
    const callsBefore = codeCalls();
    // Counts the drawings (a private method, watched from outside).
    const draws = jest.spyOn(t.app.get(PostersService) as unknown as { draw(plan: unknown): Promise<Buffer> }, 'draw');
    // Taps racing each other: one code from WeChat, one picture.
    const first = await Promise.all(Array.from({ length: 5 }, () => poster(carol.token, query).expect(200)));
    expect(codeCalls()).toBe(callsBefore + 1);
    expect(draws).toHaveBeenCalledTimes(1);
    const bytes = first[0].body as Buffer;
    for (const response of first) expect((response.body as Buffer).equals(bytes)).toBe(true);
    expect(((await poster(carol.token, query).expect(200)).body as Buffer).equals(bytes)).toBe(true);
    expect(draws).toHaveBeenCalledTimes(1);

    // A new nickname or a new price is a new picture; the code (permanent) is not asked for again.
    await t.api().patch(`${API}/me`).set(bearer(carol.token)).send({ nickname: '卡卡' }).expect(200);
    const renamed = (await poster(carol.token, query).expect(200)).body as Buffer;
    expect(renamed.equals(bytes)).toBe(false);
    const operator = await staffToken(t, 'operator');
    const detail = (await t.api().get(`${API}/admin/products/${productId}`).set(bearer(operator)).expect(200)).body;
    await t.api().put(`${API}/admin/products/${productId}`).set(bearer(operator)).send({ ...editable(detail), skus: detail.skus.map((sku: { id: number; specValues: string[]; stock: number; priceFen: number }) => ({ id: sku.id, specValues: sku.specValues, stock: sku.stock, priceFen: sku.priceFen - 100 })) }).expect(200);
    const repriced = (await poster(carol.token, query).expect(200)).body as Buffer;
    expect(repriced.equals(renamed)).toBe(false);
    expect(draws).toHaveBeenCalledTimes(3);
    draws.mockRestore();
    expect(codeCalls()).toBe(callsBefore + 1);
    expect((await scan(repriced)).row.sharerMemberId).toBe(carol.id);
  });

  it('answers 404 for a product off shelf, deleted or unknown, 401 without a member, 400 for a bad query', async () => {
    const dave = await member('poster-dave');
    const hidden = await shop.product([{ priceFen: 1000, stock: 1 }]);
    await shop.setShelf(hidden.id, false);
    expectApiError(JSON.parse((await poster(dave.token, `kind=product&productId=${hidden.id}`).expect(404)).body.toString()), 'PRODUCT_NOT_FOUND');
    const deleted = await shop.product([{ priceFen: 1000, stock: 1 }]);
    const operator = await staffToken(t, 'operator');
    await t.api().delete(`${API}/admin/products/${deleted.id}`).set(bearer(operator)).expect((response) => expect(response.status).toBeLessThan(300));
    expectApiError(JSON.parse((await poster(dave.token, `kind=product&productId=${deleted.id}`).expect(404)).body.toString()), 'PRODUCT_NOT_FOUND');
    expectApiError(JSON.parse((await poster(dave.token, 'kind=product&productId=99999999').expect(404)).body.toString()), 'PRODUCT_NOT_FOUND');
    // No share link was made for any of them.
    expect(await t.dataSource.getRepository(ShareLinkRow).countBy({ sharerMemberId: dave.id })).toBe(0);

    expectApiError(JSON.parse((await poster(null, `kind=product&productId=${productId}`).expect(401)).body.toString()), 'UNAUTHORIZED');
    for (const query of ['kind=product', 'kind=product&productId=abc', 'kind=product&productId=0', 'kind=coupon', '', 'kind=shop&productId=-1']) {
      expectApiError(JSON.parse((await poster(dave.token, query).expect(400)).body.toString()), 'VALIDATION_FAILED');
    }
  });

  it('answers 502 WECHAT_UNAVAILABLE when WeChat does not hand out the code', async () => {
    const erin = await member('poster-erin');
    const other = await shop.product([{ priceFen: 1500, stock: 1 }]);
    const check = jest.spyOn(t.fake.state, 'checkAccessToken').mockReturnValue(40001);
    try {
      expectApiError(JSON.parse((await poster(erin.token, `kind=product&productId=${other.id}`).expect(502)).body.toString()), 'WECHAT_UNAVAILABLE');
    } finally {
      check.mockRestore();
    }
    // The failure is not kept: the next tap gets the poster.
    expect((await scan((await poster(erin.token, `kind=product&productId=${other.id}`).expect(200)).body)).link.targetId).toBe(other.id);
  });

  it('gets mini-program codes from the fake WeChat with the client (PNG, errcodes)', async () => {
    const wechat = new WechatClient({ appid: t.config.wechat.appid, secret: t.config.wechat.secret, apiBase: t.fake.url });
    expect(await readQrCode(await wechat.getUnlimitedCode({ scene: 'a3D', page: 'goods/detail/index', width: 280 }))).toBe('goods/detail/index?scene=a3D');
    // Characters WeChat allows but URLs escape arrive URL-encoded, as WeChat hands the scene to the page.
    expect(await readQrCode(await wechat.getUnlimitedCode({ scene: "id=3&p=9,x'", page: 'pages/home/index' }))).toBe(`pages/home/index?scene=${encodeURIComponent("id=3&p=9,x'")}`);
    await expect(wechat.getUnlimitedCode({ scene: 'x'.repeat(33), page: 'pages/home/index' })).rejects.toMatchObject({ errcode: 40169 });
    await expect(wechat.getUnlimitedCode({ scene: '', page: 'pages/home/index' })).rejects.toMatchObject({ errcode: 40169 });
    await expect(wechat.getUnlimitedCode({ scene: '茶', page: 'pages/home/index' })).rejects.toMatchObject({ errcode: 40097 });
    await expect(wechat.getUnlimitedCode({ scene: 'a%31', page: 'pages/home/index' })).rejects.toMatchObject({ errcode: 40097 });
    await expect(wechat.getUnlimitedCode({ scene: 'a1', page: 'goods/nothing/index' })).rejects.toMatchObject({ errcode: 41030 });
    await expect(wechat.getUnlimitedCode({ scene: 'a1', page: '/goods/detail/index' })).rejects.toMatchObject({ errcode: 41030 });
    await expect(wechat.getUnlimitedCode({ scene: 'a1', page: 'goods/detail/index?id=1' })).rejects.toMatchObject({ errcode: 41030 });
    await expect(wechat.getUnlimitedCode({ scene: 'a1', page: 'pages/home/index', width: 100 })).rejects.toMatchObject({ errcode: 40097 });
    // A trial build is not path-checked (its new pages are not released yet).
    const trial = new WechatClient({ appid: t.config.wechat.appid, secret: t.config.wechat.secret, apiBase: t.fake.url, miniprogramState: 'trial' });
    expect(await readQrCode(await trial.getUnlimitedCode({ scene: 'a1', page: 'goods/new/index' }))).toBe('goods/new/index?scene=a1');

    const raw = async (body: object, token = t.fake.state.stableToken(false).token) => {
      const response = await fetch(`${t.fake.url}/wxa/getwxacodeunlimit?access_token=${encodeURIComponent(token)}`, { method: 'POST', body: JSON.stringify(body) });
      return { type: response.headers.get('content-type'), body: response.headers.get('content-type')?.startsWith('image/') ? null : await response.json() };
    };
    expect((await raw({ scene: 'a1' }, 'not-a-token')).body).toMatchObject({ errcode: 40001 });
    expect((await raw({ scene: 'a1', env_version: 'beta' })).body).toMatchObject({ errcode: 40097 });
    // The page defaults to the home page.
    expect((await raw({ scene: 'a1' })).type).toBe('image/png');
  });
});

/** The fields of an admin product detail that PUT /admin/products/:id takes back. */
function editable(detail: Record<string, unknown>) {
  const { categoryId, title, subtitle, images, detail: blocks, tags, onShelf, specs } = detail;
  return { categoryId, title, subtitle, images, detail: blocks, tags, onShelf, specs };
}
