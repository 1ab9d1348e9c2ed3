import type { AdminProductDetail, CategoryNode, CreateCouponTemplateRequest, SaveAddressRequest, SaveProductRequest } from '../../../shared';
import { DEMO_STAFF } from '../../src/seed/demo-staff';

export interface BenchSku {
  skuId: number;
  productId: number;
  stock: number;
}

/** The hot SKU (stock for the whole run), a SKU with a few units to sell out, and the shoppers racing for them. */
export interface BenchShop {
  hot: BenchSku;
  sellOut: BenchSku;
  members: BenchMember[];
  staffToken: string;
}

export interface BenchMember {
  token: string;
  memberId: number;
  addressId: number;
  /** Coupons the member holds unused, for the checkout with a coupon and points (giveBenefits). */
  coupons: number[];
}

const API = '/api/v1';
/** A 1×1 PNG: a product needs one image. */
const PNG_1X1 = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);
const ADDRESS: SaveAddressRequest = {
  recipientName: '张三',
  phone: '13800001111',
  provinceName: '浙江省',
  cityName: '杭州市',
  districtName: '西湖区',
  regionCode: '330106',
  detail: '文三路 100 号 1 幢 101 室',
};
/** Parallel setup requests: enough to be quick, few enough not to look like the load itself. */
const SETUP_PARALLELISM = 8;

/**
 * Sets the shop up through the real APIs, as staff and shoppers would: the demo operator creates the two
 * products; each member logs in with a wx.login code from the fake WeChat and adds an address.
 */
export async function setUpShop(
  apiUrl: string,
  fakeWechatUrl: string,
  counts: { members: number; hotStock: number; sellOutStock: number },
): Promise<BenchShop> {
  const operator = DEMO_STAFF.find((staff) => staff.role === 'operator')!;
  const { token: staffToken } = await call<{ token: string }>(apiUrl, 'POST', '/admin/auth/login', null, {
    username: operator.username,
    password: operator.password,
  });
  const categories = await call<CategoryNode[]>(apiUrl, 'GET', '/categories', null);
  const form = new FormData();
  form.append('file', new Blob([PNG_1X1], { type: 'image/png' }), 'bench.png');
  const image = await call<{ url: string }>(apiUrl, 'POST', '/admin/uploads', staffToken, form);
  const createSku = async (title: string, stock: number): Promise<BenchSku> => {
    const product: SaveProductRequest = {
      categoryId: categories[0].children[0].id,
      title,
      subtitle: '',
      images: [image.url],
      detail: [],
      tags: [],
      onShelf: true,
      specs: [{ name: '规格', values: ['标准装'] }],
      skus: [{ specValues: ['标准装'], priceFen: 9900, stock }],
    };
    const created = await call<AdminProductDetail>(apiUrl, 'POST', '/admin/products', staffToken, product);
    return { skuId: created.skus[0].id, productId: created.id, stock };
  };
  const hot = await createSku('压测爆款', counts.hotStock);
  const sellOut = await createSku('压测限量款', counts.sellOutStock);

  const members = await mapLimited(counts.members, SETUP_PARALLELISM, async (index) => {
    const { code } = await post<{ code: string }>(`${fakeWechatUrl}/fake/login-code`, { identity: `bench-member-${index}` });
    const { token } = await call<{ token: string }>(apiUrl, 'POST', '/auth/wechat-login', null, { code });
    const address = await call<{ id: number }>(apiUrl, 'POST', '/addresses', token, ADDRESS);
    const me = await call<{ id: number }>(apiUrl, 'GET', '/me', token);
    return { token, memberId: me.id, addressId: address.id, coupons: [] as number[] };
  });
  return { hot, sellOut, members, staffToken };
}

/**
 * Readies every member for checkouts with a coupon and points, through the real APIs: the operator creates
 * a 无门槛 ¥5 coupon, each member claims `couponsPerMember` of it, and the operator credits them points.
 */
export async function giveBenefits(apiUrl: string, shop: BenchShop, counts: { couponsPerMember: number; pointsPerMember: number }): Promise<void> {
  const coupon: CreateCouponTemplateRequest = {
    name: '压测无门槛券',
    type: 'no_threshold',
    amountOffFen: 500,
    scope: 'all',
    validityKind: 'days_after_claim',
    validDays: 7,
    totalQuantity: shop.members.length * counts.couponsPerMember,
    perMemberLimit: counts.couponsPerMember,
    channel: 'public',
  };
  const template = await call<{ id: number }>(apiUrl, 'POST', '/admin/coupon-templates', shop.staffToken, coupon);
  await mapLimited(shop.members.length, SETUP_PARALLELISM, async (index) => {
    const member = shop.members[index];
    for (let claimed = 0; claimed < counts.couponsPerMember; claimed++) {
      member.coupons.push((await call<{ id: number }>(apiUrl, 'POST', `/coupons/${template.id}/claim`, member.token)).id);
    }
    await call(apiUrl, 'POST', `/admin/members/${member.memberId}/points-adjustments`, shop.staffToken, {
      delta: counts.pointsPerMember,
      reason: '压测积分',
    });
  });
}

async function call<T>(apiUrl: string, method: 'GET' | 'POST', path: string, token: string | null, body?: unknown): Promise<T> {
  const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
  const isForm = body instanceof FormData;
  if (body !== undefined && !isForm) headers['content-type'] = 'application/json';
  const response = await fetch(`${apiUrl}${API}${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : isForm ? body : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`setup ${method} ${path} answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as T;
}

async function post<T>(url: string, body: unknown): Promise<T> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (!response.ok) throw new Error(`setup POST ${url} answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as T;
}

/** Runs `work` for indexes 0..count-1, `parallelism` at a time; answers the results in index order. */
export async function mapLimited<T>(count: number, parallelism: number, work: (index: number) => Promise<T>): Promise<T[]> {
  const results: T[] = new Array(count);
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const index = next++;
      results[index] = await work(index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(parallelism, count) }, worker));
  return results;
}
