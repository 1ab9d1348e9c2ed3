import { METHOD_METADATA, PATH_METADATA, ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RequestMethod } from '@nestjs/common';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { ModulesContainer } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { getMetadataStorage } from 'class-validator';
import fc from 'fast-check';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { JSON_MAX_CONTAINERS, jsonBodyLimits } from '../../server/src/platform/http/json-body';
import { ShopFixtures } from './support/shop-fixtures';
import { API, bearer, memberToken, staffToken, startTestApp, TEST_DB, type TestApp } from './support/test-app';

/**
 * Property-based fuzzing of EVERY route the server registers: the route table is read from Fastify at start-up
 * (onRoute), so a route added tomorrow is fuzzed the day it is added. Each route gets malformed path parameters,
 * queries, bodies and content types, as anonymous, a member and each staff role. Any 5xx fails the test, and so
 * does a malformed request that costs the server more than a few milliseconds of CPU.
 *
 * Deterministic: a fixed seed (FUZZ_SEED to vary it, printed either way); FUZZ_RUNS requests per route and identity.
 */
const SEED = Number(process.env.FUZZ_SEED ?? 20261206);
const RUNS = Number(process.env.FUZZ_RUNS ?? 20);
/** CPU one malformed request may cost (the whole process: server, database driver, SQLite itself, the test's own share). */
const CPU_BUDGET_MS = 50;

interface Route {
  method: string;
  url: string;
}

interface FuzzRequest {
  identity: string;
  params: string[];
  query: Record<string, string | string[]>;
  body: { contentType: string | null; payload: string | Buffer | null };
}

interface Answer {
  route: Route;
  identity: string;
  url: string;
  status: number;
  cpuMs: number;
  wallMs: number;
  request: FuzzRequest;
  response: string;
}

/** Every property name a DTO validates: bodies and queries use them, so validation and the services see known fields. */
function dtoFieldNames(): string[] {
  const storage = getMetadataStorage() as unknown as { validationMetadatas: Map<unknown, { propertyName: string }[]> };
  const names = new Set<string>();
  for (const metadatas of storage.validationMetadatas.values()) for (const metadata of metadatas) names.add(metadata.propertyName);
  return [...names].sort();
}

/** The fields a DTO class validates, inherited ones included. */
function fieldsOf(dto: unknown): string[] {
  if (typeof dto !== 'function') return [];
  return [...new Set(getMetadataStorage().getTargetValidationMetadatas(dto, dto.name, true, false).map((metadata) => metadata.propertyName))];
}

/**
 * The body and query DTO fields of each route handler, read from Nest's controller metadata and keyed like
 * Fastify's route table (`POST /api/v1/cart/items`), so most fuzzed bodies pass the whitelist and reach validation
 * of real fields, and some reach the services.
 */
function routeFields(app: NestFastifyApplication): Map<string, { body: string[]; query: string[] }> {
  const byRoute = new Map<string, { body: string[]; query: string[] }>();
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as (new (...args: never[]) => unknown) | null;
      if (!controller) continue;
      const prefix = [Reflect.getMetadata(PATH_METADATA, controller) ?? ''].flat()[0] as string;
      for (const name of Object.getOwnPropertyNames(controller.prototype)) {
        const handler = controller.prototype[name];
        if (name === 'constructor' || typeof handler !== 'function' || Reflect.getMetadata(METHOD_METADATA, handler) === undefined) continue;
        const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as number];
        const path = [Reflect.getMetadata(PATH_METADATA, handler) ?? ''].flat()[0] as string;
        const url = `/${[API.slice(1), prefix, path].join('/')}`.replace(/\/+/g, '/').replace(/(.)\/$/, '$1');
        const types: unknown[] = Reflect.getMetadata('design:paramtypes', controller.prototype, name) ?? [];
        const args: Record<string, { index: number }> = Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, name) ?? {};
        const fields = { body: [] as string[], query: [] as string[] };
        for (const [key, { index }] of Object.entries(args)) {
          const kind = Number(key.split(':')[0]);
          if (kind === RouteParamtypes.BODY) fields.body.push(...fieldsOf(types[index]));
          if (kind === RouteParamtypes.QUERY) fields.query.push(...fieldsOf(types[index]));
        }
        byRoute.set(`${method} ${url}`, fields);
      }
    }
  }
  return byRoute;
}

describe(`route fuzzer (${TEST_DB})`, () => {
  let t: TestApp;
  let fastify: FastifyInstance;
  const routes: Route[] = [];
  const tokens: Record<string, string | null> = {};
  const realValues: string[] = [];

  beforeAll(async () => {
    t = await startTestApp({
      beforeInit: (app) => {
        app.getHttpAdapter().getInstance().addHook('onRoute', (route) => {
          for (const method of [route.method].flat()) {
            if (method !== 'HEAD' && method !== 'OPTIONS' && route.url.startsWith(`${API}/`)) routes.push({ method, url: route.url });
          }
        });
      },
    });
    fastify = t.app.getHttpAdapter().getInstance();
    const shop = new ShopFixtures(t);
    await shop.init();
    const member = await memberToken(t, 'fuzz-member');
    tokens.anonymous = null;
    tokens.member = member;
    for (const username of ['owner', 'operator', 'service', 'warehouse']) tokens[username] = await staffToken(t, username);
    // Real ids and an order number, so some requests get past "not found" into the handlers.
    const product = await shop.product([{ priceFen: 1000, stock: 50 }]);
    const addressId = await shop.address(member);
    const order = await t.api().post(`${API}/orders`).set(bearer(member)).send({ clientToken: 'fuzz-order-1', items: [{ skuId: product.skus[0].id, quantity: 1 }], addressId }).expect(201);
    realValues.push(String(product.id), String(product.skus[0].id), String(addressId), order.body.orderNo, '1');
  }, 120_000);
  afterAll(() => t.close());

  it('answers every malformed request to every route with less than 500, cheaply', async () => {
    expect(routes.length).toBeGreaterThan(50);
    const fields = dtoFieldNames();
    const oddText = fc.constantFrom('', ' ', '-1', '0', '1.5', '1e3', '1e309', 'NaN', 'null', 'true', '[]', '{}', '9'.repeat(40), 'x'.repeat(5000), '../../etc/passwd',
      '%00', '\u0000', '订单', '😀'.repeat(40), '2025-13-45', '2025-01-01', '2025-01-01T00:00:00Z', '=1+2', "' OR 1=1 --", '<script>');
    const text = fc.oneof(oddText, fc.string({ maxLength: 30 }), fc.string({ unit: 'grapheme', maxLength: 20 }));
    const pathParam = fc.oneof(
      fc.constantFrom(...realValues, '0', '-1', '2147483648', '99999999999999999999', '1.5', 'abc', '%E8%AE%A2%E5%8D%95', '..%2F..%2Fetc', '%2e%2e', '%00', 'null', 'a'.repeat(90), '%F0%9F%98%80'),
      fc.integer().map(String),
      fc.string({ minLength: 1, maxLength: 20 }).map(encodeURIComponent),
    );
    const leaf = fc.oneof(fc.constant(null), fc.boolean(), fc.integer(), fc.double(), text,
      fc.constantFrom(-1, 0, 2 ** 31, Number.MAX_SAFE_INTEGER, 1e308, -0.5, 'x'.repeat(70_000)));
    const { value } = fc.letrec<{ value: unknown }>((tie) => ({
      value: fc.oneof({ depthSize: 'small' }, leaf, fc.array(tie('value'), { maxLength: 4 }), fc.dictionary(fc.constantFrom(...fields), tie('value'), { maxKeys: 4 })),
    }));
    // Values of the types DTO fields usually have (ids, counts, fen, short texts, flags, dates), real ids among them.
    const plain = fc.oneof(
      fc.constantFrom(...realValues.map(Number).filter((id) => Number.isSafeInteger(id)), 1, 2, 100, 1000),
      fc.integer({ min: -5, max: 100_000 }),
      fc.boolean(),
      fc.string({ minLength: 1, maxLength: 12 }),
      fc.constantFrom('2025-01-01', '2026-12-31T00:00:00.000Z', '13800001111', '/uploads/x/a.png', 'https://example.com/a.png', 'owner', 'operator'),
      fc.array(fc.integer({ min: 1, max: 10 }), { maxLength: 3 }),
    );
    const json = (payload: unknown) => ({ contentType: 'application/json', payload: JSON.stringify(payload) ?? 'null' });
    const body = fc.oneof(
      { weight: 4, arbitrary: fc.dictionary(fc.constantFrom(...fields), value, { maxKeys: 6 }).map(json) },
      { weight: 2, arbitrary: value.map(json) },
      {
        weight: 1,
        arbitrary: fc.constantFrom('{', '{"a":', 'nul', '[1,2', '"\\ud800"', '{"__proto__":{"x":1}}', '{"constructor":{"prototype":{"x":1}}}', '[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]', ' ')
          .map((payload) => ({ contentType: 'application/json', payload })),
      },
      { weight: 1, arbitrary: fc.string({ maxLength: 50 }).map((payload) => ({ contentType: 'text/plain', payload })) },
      { weight: 1, arbitrary: fc.constant({ contentType: 'application/x-www-form-urlencoded', payload: 'skuId=1&quantity=2&a[b]=c' }) },
      {
        weight: 1,
        arbitrary: fc.constantFrom(
          { contentType: 'multipart/form-data', payload: '--x\r\n\r\n' },
          { contentType: 'multipart/form-data; boundary=B', payload: '--B\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\n\r\nabc' },
          { contentType: 'multipart/form-data; boundary=B', payload: '--B\r\nContent-Disposition: form-data; name="other"\r\n\r\nv\r\n--B--\r\n' },
          { contentType: 'application/json; charset=latin1', payload: '{}' },
          { contentType: 'application/xml', payload: '<a/>' },
        ),
      },
      { weight: 1, arbitrary: fc.constant({ contentType: null, payload: null }) },
    );
    const queryOf = (own: string[]) =>
      fc.oneof(
        fc.constant({}),
        fc.dictionary(fc.constantFrom(...own, ...fields.slice(0, 3), 'unknownKey'), fc.oneof(text, fc.array(text, { minLength: 2, maxLength: 3 })), { maxKeys: 4 }),
      );
    // As many objects, and as long an array, as the route's limits let through: the most expensive body it may get.
    const largestAllowed = (own: string[], url: string) =>
      fc.constantFrom(...(own.length ? own : fields.slice(0, 20))).map((field) =>
        json({ [field]: Array.from({ length: JSON_MAX_CONTAINERS - 10 }, () => ({ skuId: 1, quantity: 1 })), items: Array.from({ length: jsonBodyLimits(url).arrayLength - 1 }, () => 1) }),
      );
    const bodyOf = (own: string[], url: string) =>
      fc.oneof(
        { weight: own.length ? 3 : 0, arbitrary: fc.dictionary(fc.constantFrom(...own, 'x'), value, { minKeys: 1, maxKeys: Math.max(1, own.length) }).map(json) },
        // Every field of the DTO present, most with plain values: some of these pass validation and reach the services.
        {
          weight: own.length ? 3 : 0,
          arbitrary: fc.tuple(...own.map(() => fc.oneof({ weight: 3, arbitrary: plain }, { weight: 1, arbitrary: value }))).map((values) => json(Object.fromEntries(own.map((field, i) => [field, values[i]])))),
        },
        { weight: 2, arbitrary: body },
        { weight: 1, arbitrary: largestAllowed(own, url) },
      );
    const handlerFields = routeFields(t.app);
    const staffIdentities = ['owner', 'operator', 'service', 'warehouse'];

    const answers: Answer[] = [];
    const started = Date.now();
    let routeIndex = 0;
    for (const route of routes) {
      const paramCount = (route.url.match(/:[A-Za-z]+/g) ?? []).length;
      const identities = Object.keys(tokens);
      const own = handlerFields.get(`${route.method} ${route.url}`);
      if (!own) throw new Error(`no Nest handler found for ${route.method} ${route.url}`);
      // Mostly someone the route lets in (staff for /admin, a member elsewhere), so requests get past the guards.
      const likely = route.url.startsWith(`${API}/admin/`) ? fc.constantFrom(...staffIdentities) : fc.constant('member');
      const requests = fc.sample(
        fc.record({
          identity: fc.oneof({ weight: 3, arbitrary: likely }, { weight: 1, arbitrary: fc.constantFrom(...identities) }),
          params: fc.array(pathParam, { minLength: paramCount, maxLength: paramCount }),
          query: queryOf(own.query),
          body: bodyOf(own.body, route.url),
        }),
        { seed: SEED + routeIndex++, numRuns: RUNS * identities.length },
      );
      for (const request of requests) {
        let answer = await send(route, request);
        // A garbage collection or a busy machine can land on any request: an expensive one is measured twice more
        // and its cheapest run counts.
        for (let again = 0; again < 2 && answer.cpuMs > CPU_BUDGET_MS; again++) {
          const repeat = await send(route, request);
          if (repeat.cpuMs < answer.cpuMs) answer = { ...answer, cpuMs: repeat.cpuMs, wallMs: repeat.wallMs };
        }
        answers.push(answer);
      }
    }
    const elapsedS = (Date.now() - started) / 1000;

    const byStatus = new Map<number, number>();
    for (const answer of answers) byStatus.set(answer.status, (byStatus.get(answer.status) ?? 0) + 1);
    const slowest = [...answers].sort((a, b) => b.cpuMs - a.cpuMs).slice(0, 10);
    console.log(
      [
        `route fuzzer (${TEST_DB}): seed ${SEED}, ${routes.length} routes, ${answers.length} requests in ${elapsedS.toFixed(1)} s (FUZZ_SEED / FUZZ_RUNS to change)`,
        'status  requests',
        ...[...byStatus].sort(([a], [b]) => a - b).map(([status, count]) => `${String(status).padEnd(7)} ${count}`),
        'slowest answers (CPU ms / wall ms):',
        ...slowest.map((a) => `  ${a.cpuMs.toFixed(1).padStart(6)} / ${a.wallMs.toFixed(1).padStart(6)}  ${a.status} ${a.route.method} ${a.url.slice(0, 120)} as ${a.identity}`),
      ].join('\n'),
    );

    const failures = answers.filter((answer) => answer.status >= 500);
    const firstPerRoute = [...new Map(failures.map((answer) => [`${answer.route.method} ${answer.route.url}`, answer])).values()];
    expect(firstPerRoute.map(describeAnswer)).toEqual([]);
    // Staff logins check a password with scrypt (tens of ms, on purpose): their cost is bounded by the login throttle instead.
    const expensive = answers.filter((answer) => answer.cpuMs > CPU_BUDGET_MS && !answer.route.url.endsWith('/auth/login'));
    expect(expensive.map(describeAnswer)).toEqual([]);
  }, 300_000);

  async function send(route: Route, request: FuzzRequest): Promise<Answer> {
    let index = 0;
    const path = route.url.replace(/:[A-Za-z]+/g, () => request.params[index++] ?? '1');
    const search = new URLSearchParams();
    for (const [key, value] of Object.entries(request.query)) for (const item of [value].flat()) search.append(key, item);
    const url = search.size ? `${path}?${search}` : path;
    const headers: Record<string, string> = {};
    const token = tokens[request.identity];
    if (token) headers.authorization = `Bearer ${token}`;
    const options: InjectOptions = { method: route.method as InjectOptions['method'], url, headers };
    if (route.method !== 'GET' && route.method !== 'DELETE' && request.body.contentType) {
      headers['content-type'] = request.body.contentType;
      options.payload = request.body.payload ?? undefined;
    }
    const cpuBefore = process.cpuUsage();
    const wallBefore = performance.now();
    const response = await fastify.inject(options);
    const wallMs = performance.now() - wallBefore;
    const cpu = process.cpuUsage(cpuBefore);
    return { route, identity: request.identity, url, status: response.statusCode, cpuMs: (cpu.user + cpu.system) / 1000, wallMs, request, response: response.body.slice(0, 300) };
  }
});

function describeAnswer(answer: Answer): string {
  const body = answer.request.body.payload === null ? '' : ` ${answer.request.body.contentType} ${String(answer.request.body.payload).slice(0, 200)}`;
  return `${answer.status} ${answer.route.method} ${answer.url.slice(0, 200)} as ${answer.identity}${body} → ${answer.response} (${answer.cpuMs.toFixed(1)} ms CPU)`;
}
