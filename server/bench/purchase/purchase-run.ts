import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { BenchMember, BenchShop, BenchSku } from '../orders/shop-setup';

/**
 * The whole purchase as a shopper makes it, step by step, against the real app and the fake WeChat (each in
 * its own process): add to cart → checkout preview → place the order from the cart → start the payment →
 * the fake WeChat confirms it (as the payer's phone would) and posts the paid notification → the app has
 * acknowledged it, having committed the payment (asked of the fake's process, not of the app, so the figures
 * hold the purchase and nothing else; that the orders are paid is checked in the database afterwards).
 */

export const PURCHASE_STEPS = ['add to cart', 'preview', 'place', 'start payment', 'confirm + notification'] as const;
export type PurchaseStep = (typeof PURCHASE_STEPS)[number];

const API = '/api/v1';

export interface PurchaseTarget {
  apiUrl: string;
  fakeUrl: string;
  /** + /<orderNo>: answers 204 once the app acknowledged the order's paid notification (504 after 10 s). */
  acknowledgedUrl: string;
  shop: BenchShop;
  sku: BenchSku;
}

export interface PurchaseRunResult {
  /** Purchases whose paid notification the app acknowledged. */
  paid: number;
  orderNos: string[];
  seconds: number;
  perSecond: number;
  p50Ms: number;
  p95Ms: number;
  /** "add to cart 409 OUT_OF_STOCK", "confirm + notification 504 not JSON", … → count. */
  failures: Map<string, number>;
}

class StepFailed extends Error {
  constructor(readonly key: string) {
    super(key);
  }
}

/** Optional hooks around each step (the per-step statement sample reads the database's counters there). */
type StepHooks = { after?: (step: PurchaseStep) => Promise<void> };

/** One purchase by `member`; answers the order number once it reads as paid. */
export async function purchaseOnce(target: PurchaseTarget, member: BenchMember, hooks: StepHooks = {}): Promise<string> {
  const { apiUrl, fakeUrl, sku } = target;
  const items = [{ skuId: sku.skuId, quantity: 1 }];
  const step = async <T>(name: PurchaseStep, work: () => Promise<T>): Promise<T> => {
    const result = await work();
    await hooks.after?.(name);
    return result;
  };
  const api = <T>(name: PurchaseStep, method: 'GET' | 'POST', path: string, body?: unknown) =>
    call<T>(name, `${apiUrl}${API}${path}`, method, member.token, body);

  await step('add to cart', () => api('add to cart', 'POST', '/cart/items', { skuId: sku.skuId, quantity: 1 }));
  await step('preview', () => api('preview', 'POST', '/checkout/preview', { items, addressId: member.addressId, memberCouponId: null, usePoints: false }));
  const { orderNo } = await step('place', () =>
    api<{ orderNo: string }>('place', 'POST', '/orders', {
      clientToken: randomBytes(12).toString('base64url'),
      items,
      addressId: member.addressId,
      fromCart: true,
    }),
  );
  const { prepayId } = await step('start payment', () => api<{ prepayId: string }>('start payment', 'POST', `/orders/${orderNo}/payment`));
  await step('confirm + notification', async () => {
    await call('confirm + notification', `${fakeUrl}/fake/pay/confirm`, 'POST', null, { prepayId });
    await call('confirm + notification', `${target.acknowledgedUrl}/${orderNo}`, 'GET', null);
  });
  return orderNo;
}

/** `shoppers` loops of whole purchases for `seconds`, members in turn; each loop starts its next purchase when one ends. */
export async function runPurchases(target: PurchaseTarget, shoppers: number, seconds: number): Promise<PurchaseRunResult> {
  const failures = new Map<string, number>();
  const latencies: number[] = [];
  const orderNos: string[] = [];
  let next = 0;
  const started = performance.now();
  const deadline = started + seconds * 1000;
  const loop = async () => {
    while (performance.now() < deadline) {
      const member = target.shop.members[next++ % target.shop.members.length];
      const begun = performance.now();
      try {
        orderNos.push(await purchaseOnce(target, member));
        latencies.push(performance.now() - begun);
      } catch (error) {
        const key = error instanceof StepFailed ? error.key : `error ${(error as Error).message}`;
        failures.set(key, (failures.get(key) ?? 0) + 1);
      }
    }
  };
  await Promise.all(Array.from({ length: shoppers }, loop));
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    paid: latencies.length,
    orderNos,
    seconds: elapsed,
    perSecond: latencies.length / elapsed,
    p50Ms: latencies[Math.floor(latencies.length * 0.5)] ?? NaN,
    p95Ms: latencies[Math.floor(latencies.length * 0.95)] ?? NaN,
    failures,
  };
}

/**
 * Statements per step: `samples` purchases one after the other on an otherwise idle server, the database's
 * statement counter read after each step (`settle` lets the after-commit followers of a step finish first).
 * Answers the median per step, less what a counter read itself counts (two reads in a row tell).
 */
export async function statementsPerStep(
  target: PurchaseTarget,
  samples: number,
  readQuestions: () => Promise<number>,
  settleMs: number,
): Promise<Record<PurchaseStep, number>> {
  const perStep = new Map<PurchaseStep, number[]>(PURCHASE_STEPS.map((step) => [step, []]));
  const ownCost = -(await readQuestions()) + (await readQuestions());
  for (let sample = 0; sample < samples; sample++) {
    const member = target.shop.members[sample % target.shop.members.length];
    let last = await readQuestions();
    await purchaseOnce(target, member, {
      after: async (step) => {
        if (step === 'confirm + notification') await sleep(settleMs);
        const now = await readQuestions();
        perStep.get(step)!.push(now - last - ownCost);
        if (process.env.SQL_TRACE) process.stderr.write(`STEP ${step} ${now - last - 1}\n`);
        last = now;
      },
    });
  }
  return Object.fromEntries(PURCHASE_STEPS.map((step) => [step, median(perStep.get(step)!)])) as Record<PurchaseStep, number>;
}

async function call<T>(step: PurchaseStep, url: string, method: 'GET' | 'POST', token: string | null, body?: unknown): Promise<T> {
  const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
  if (body !== undefined) headers['content-type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), signal: AbortSignal.timeout(15_000) });
  } catch (error) {
    throw new StepFailed(`${step}: ${(error as Error).name}`);
  }
  const text = await response.text();
  if (!response.ok) throw new StepFailed(`${step} ${response.status} ${errorCode(text)}`);
  return (text ? JSON.parse(text) : null) as T;
}

function errorCode(body: string): string {
  try {
    return (JSON.parse(body) as { code?: string }).code ?? 'no code';
  } catch {
    return 'not JSON';
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}
