import type { RawBodyRequest } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BannerRow } from '../../server/src/catalog/banner.entity';
import { CategoryRow } from '../../server/src/catalog/category.entity';
import { ProductRow } from '../../server/src/catalog/product.entity';
import { SkuRow } from '../../server/src/catalog/sku.entity';
import { DemoStoreSeeder } from '../../server/src/seed/demo-store.seeder';
import { StaffRow } from '../../server/src/staff/staff.entity';
import { API, expectApiError, startTestApp, TEST_DB, type TestApp } from './support/test-app';

describe(`platform (${TEST_DB})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({
      // A bare Fastify route standing in for the WeChat Pay callback of the next issue.
      beforeInit: (app) =>
        app
          .getHttpAdapter()
          .getInstance()
          .post('/test/raw-body', (request: RawBodyRequest<FastifyRequest>) => ({ raw: request.rawBody?.toString('utf8') })),
    });
  });
  afterAll(() => t.close());

  it('leaves nothing pending after the migrations: the schema matches the entities', async () => {
    const log = await t.dataSource.driver.createSchemaBuilder().log();
    expect(log.upQueries.map((query) => query.query)).toEqual([]);
    expect(await t.dataSource.showMigrations()).toBe(false);
  });

  it('runs SQLite in WAL mode with a busy timeout', async () => {
    if (TEST_DB !== 'sqlite') return;
    expect(await t.dataSource.query('PRAGMA journal_mode')).toEqual([{ journal_mode: 'wal' }]);
    expect(await t.dataSource.query('PRAGMA busy_timeout')).toEqual([{ timeout: 5000 }]);
  });

  it('answers health with a database check', async () => {
    const response = await t.api().get(`${API}/health`).expect(200);
    expect(response.body).toEqual({ status: 'ok', database: 'ok', time: expect.any(String) });
    expect(response.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('tells the storefront where the fake WeChat is, on the host the browser used', async () => {
    const response = await t.api().get(`${API}/platform`).set('host', 'shop.example.test:3000').expect(200);
    expect(response.body).toEqual({ wechatMode: 'fake', fakeWechatBaseUrl: `http://shop.example.test:${t.fake.port}`, attributionTtlDays: 7 });
  });

  it('seeds a demo store that looks real, and seeding again changes nothing', async () => {
    const counts = async () => ({
      categories: await t.dataSource.getRepository(CategoryRow).count(),
      topCategories: await t.dataSource.getRepository(CategoryRow).countBy({ parentId: null as unknown as number }),
      products: await t.dataSource.getRepository(ProductRow).count(),
      skus: await t.dataSource.getRepository(SkuRow).count(),
      banners: await t.dataSource.getRepository(BannerRow).count(),
      staff: await t.dataSource.getRepository(StaffRow).count(),
    });
    const before = await counts();
    expect(before.topCategories).toBeGreaterThanOrEqual(5);
    expect(before.products).toBeGreaterThanOrEqual(30);
    expect(before.banners).toBe(4);
    expect(before.staff).toBe(4);
    await t.app.get(DemoStoreSeeder).seed();
    expect(await counts()).toEqual(before);

    const home = await t.api().get(`${API}/home`).expect(200);
    const bannerImage = await t.api().get(home.body.banners[0].imageUrl).expect(200);
    expect(bannerImage.headers['content-type']).toContain('image/svg+xml');
    expect(bannerImage.headers['content-security-policy']).toContain("default-src 'none'");
  });

  it('answers unknown API routes with ROUTE_NOT_FOUND', async () => {
    const response = await t.api().get(`${API}/no-such-thing`).expect(404);
    expectApiError(response.body, 'ROUTE_NOT_FOUND');
    expectApiError((await t.api().post(`${API}/home`).send({}).expect(404)).body, 'ROUTE_NOT_FOUND');
    expectApiError((await t.api().delete(`${API}/categories`).expect(404)).body, 'ROUTE_NOT_FOUND');
    // Endpoints that take no input: the only malformed request is a wrong method.
    expectApiError((await t.api().post(`${API}/health`).send({ check: 'all' }).expect(404)).body, 'ROUTE_NOT_FOUND');
    expectApiError((await t.api().put(`${API}/platform`).send({ wechatMode: 'real' }).expect(404)).body, 'ROUTE_NOT_FOUND');
    expectApiError((await t.api().get('/uploads/catalog/missing.png').expect(404)).body, 'NOT_FOUND');
  });

  it('rejects malformed JSON with 400 and oversized bodies with 413', async () => {
    const malformed = await t.api().post(`${API}/auth/wechat-login`).set('content-type', 'application/json').send('{"code": ').expect(400);
    expectApiError(malformed.body, 'VALIDATION_FAILED');
    expect(malformed.body.message).toContain('JSON');

    // An empty body with a JSON content type is no body: validation names the missing field.
    const empty = await t.api().post(`${API}/auth/wechat-login`).set('content-type', 'application/json').send('').expect(400);
    expectApiError(empty.body, 'VALIDATION_FAILED');
    expect(empty.body.details).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'code' })]));

    const xml = await t.api().post(`${API}/auth/wechat-login`).set('content-type', 'application/xml').send('<code/>').expect(415);
    expectApiError(xml.body, 'VALIDATION_FAILED');

    const huge = JSON.stringify({ code: 'x'.repeat(2 * 1024 * 1024) });
    const tooLarge = await t.api().post(`${API}/auth/wechat-login`).set('content-type', 'application/json').send(huge).expect(413);
    expectApiError(tooLarge.body, 'PAYLOAD_TOO_LARGE');
  });

  it('explains which build to run when the storefront or console build is missing', async () => {
    const storefront = await t.api().get('/').expect(503);
    expect(storefront.text).toContain('npm run build:h5');
    const admin = await t.api().get('/admin/products').expect(503);
    expect(admin.text).toContain('server/admin');
  });

  it('serves the admin console as a single-page app, caching only its content-hashed assets', async () => {
    mkdirSync(join(t.config.adminDistDir, 'assets'), { recursive: true });
    writeFileSync(join(t.config.adminDistDir, 'index.html'), '<!doctype html><script src="/admin/assets/app-1a2b3c.js"></script>');
    writeFileSync(join(t.config.adminDistDir, 'assets', 'app-1a2b3c.js'), 'console.log(1)');
    try {
      const page = await t.api().get('/admin/products').expect(200);
      expect(page.text).toContain('app-1a2b3c.js');
      expect(page.headers['cache-control']).toBe('no-cache');
      // The uploads' strict CSP would stop the console's scripts from running.
      expect(page.headers['content-security-policy']).toBeUndefined();
      const asset = await t.api().get('/admin/assets/app-1a2b3c.js').expect(200);
      expect(asset.headers['cache-control']).toContain('immutable');
      expect(asset.headers['content-security-policy']).toBeUndefined();
    } finally {
      rmSync(t.config.adminDistDir, { recursive: true, force: true });
    }
  });

  it('allows cross-origin calls to the API (the H5 dev server runs on another port)', async () => {
    const response = await t.api()
      .options(`${API}/products`)
      .set('origin', 'http://localhost:10086')
      .set('access-control-request-method', 'GET')
      .expect(204);
    expect(response.headers['access-control-allow-origin']).toBe('http://localhost:10086');
  });

  it('keeps the exact raw request body for signature checks', async () => {
    const body = '{ "id":"EV-1",  "amount": {"total": 100} }';
    const response = await t.api().post('/test/raw-body').set('content-type', 'application/json').send(body).expect(200);
    expect(response.body.raw).toBe(body);
  });
});
