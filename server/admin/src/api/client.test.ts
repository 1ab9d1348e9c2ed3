import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { getToken, onSessionExpired, saveToken } from '@/auth/token-store';
import { ApiRequestError, buildUrl, filenameOf, http, isConflict, request, requestFile } from './client';

/** A localStorage stand-in: the tests run in node, the console in a browser. */
function memoryStorage(): Storage {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    clear: () => items.clear(),
    getItem: (key) => items.get(key) ?? null,
    key: (index) => [...items.keys()][index] ?? null,
    removeItem: (key) => void items.delete(key),
    setItem: (key, value) => void items.set(key, value),
  };
}

const fetchMock = vi.fn<typeof fetch>();

beforeEach(() => {
  vi.stubGlobal('localStorage', memoryStorage());
  vi.stubGlobal('fetch', fetchMock);
});

afterEach(() => {
  vi.unstubAllGlobals();
  fetchMock.mockReset();
});

const jsonResponse = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });

describe('buildUrl', () => {
  it('prefixes the admin API and drops empty query values', () => {
    expect(buildUrl('/products', { page: 2, keyword: '', categoryId: undefined, onShelf: false })).toBe(
      '/api/v1/admin/products?page=2&onShelf=false',
    );
  });
});

describe('request', () => {
  it('sends the bearer token and a JSON body', async () => {
    saveToken('abc');
    fetchMock.mockResolvedValue(jsonResponse(200, { ok: true }));
    await http.post('/categories', { name: '绿茶' });
    const [, init] = fetchMock.mock.calls[0];
    expect(init?.headers).toMatchObject({ Authorization: 'Bearer abc', 'Content-Type': 'application/json' });
    expect(init?.body).toBe(JSON.stringify({ name: '绿茶' }));
  });

  it('leaves the content type of a multipart upload to the browser', async () => {
    fetchMock.mockResolvedValue(jsonResponse(201, { url: '/uploads/a.png' }));
    await http.post('/uploads', new FormData());
    const [, init] = fetchMock.mock.calls[0];
    expect(init?.headers).not.toHaveProperty('Content-Type');
  });

  it("turns an error body into an ApiRequestError with the server's code, message and field details", async () => {
    fetchMock.mockResolvedValue(
      jsonResponse(400, { code: 'VALIDATION_FAILED', message: '参数有误', details: [{ field: 'title', message: '必填' }] }),
    );
    const error = await http.put('/products/1', {}).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiRequestError);
    expect(error).toMatchObject({ status: 400, code: 'VALIDATION_FAILED', message: '参数有误' });
    expect((error as ApiRequestError).fieldErrors).toEqual([{ field: 'title', message: '必填' }]);
  });

  it('ends the session on 401', async () => {
    saveToken('expired');
    const expired = vi.fn();
    const unsubscribe = onSessionExpired(expired);
    fetchMock.mockResolvedValue(jsonResponse(401, { code: 'TOKEN_INVALID', message: '登录已过期' }));
    await expect(http.get('/me')).rejects.toMatchObject({ status: 401 });
    expect(getToken()).toBeNull();
    expect(expired).toHaveBeenCalledOnce();
    unsubscribe();
  });

  it('keeps the session when the login itself answers 401', async () => {
    saveToken('still-valid');
    fetchMock.mockResolvedValue(jsonResponse(401, { code: 'INVALID_CREDENTIALS', message: '用户名或密码错误' }));
    await expect(request('POST', '/auth/login', { body: {}, skipSessionExpiry: true })).rejects.toMatchObject({
      code: 'INVALID_CREDENTIALS',
    });
    expect(getToken()).toBe('still-valid');
  });

  it('reads Retry-After of a 429', async () => {
    fetchMock.mockResolvedValue(jsonResponse(429, { code: 'TOO_MANY_ATTEMPTS', message: '尝试次数过多' }, { 'Retry-After': '900' }));
    await expect(http.post('/auth/login', {})).rejects.toMatchObject({ status: 429, retryAfterSeconds: 900 });
  });

  it('gives a readable message when the body is not JSON or the network is down', async () => {
    fetchMock.mockResolvedValueOnce(new Response('<html>bad gateway</html>', { status: 502 }));
    await expect(http.get('/products')).rejects.toMatchObject({ status: 502, message: '服务器开小差了，请稍后重试' });
    fetchMock.mockRejectedValueOnce(new TypeError('Failed to fetch'));
    await expect(http.get('/products')).rejects.toMatchObject({ code: 'NETWORK_ERROR' });
  });
});

describe('requestFile', () => {
  it('downloads with the token and names the file from Content-Disposition', async () => {
    saveToken('staff-token');
    fetchMock.mockResolvedValueOnce(
      new Response('\uFEFF订单号\r\n', {
        status: 200,
        headers: { 'Content-Type': 'text/csv', 'Content-Disposition': "attachment; filename*=UTF-8''%E8%AE%A2%E5%8D%95.csv" },
      }),
    );
    const { blob, filename } = await requestFile('/orders/export', { status: 'paid' });
    expect(fetchMock.mock.calls[0][0]).toBe('/api/v1/admin/orders/export?status=paid');
    expect((fetchMock.mock.calls[0][1]?.headers as Record<string, string>).Authorization).toBe('Bearer staff-token');
    expect(filename).toBe('订单.csv');
    expect(await blob.text()).toContain('订单号');
  });

  it('turns an error answer into the same ApiRequestError as JSON requests', async () => {
    fetchMock.mockResolvedValueOnce(
      new Response(JSON.stringify({ code: 'FORBIDDEN', message: '无权限' }), { status: 403, headers: { 'Content-Type': 'application/json' } }),
    );
    await expect(requestFile('/orders/export')).rejects.toMatchObject({ status: 403, code: 'FORBIDDEN' });
  });
});

describe('filenameOf', () => {
  it('reads encoded and plain file names, and none', () => {
    expect(filenameOf("attachment; filename=\"orders.csv\"; filename*=UTF-8''%E8%AE%A2%E5%8D%95.csv")).toBe('订单.csv');
    expect(filenameOf('attachment; filename="orders-20261122.csv"')).toBe('orders-20261122.csv');
    expect(filenameOf('attachment')).toBeNull();
    expect(filenameOf(null)).toBeNull();
  });
});

describe('isConflict', () => {
  it('is true only for a 409 answer', () => {
    expect(isConflict(new ApiRequestError(409, 'ORDER_STATE_CONFLICT', '订单已发货'))).toBe(true);
    expect(isConflict(new ApiRequestError(400, 'VALIDATION_FAILED', '参数错误'))).toBe(false);
    expect(isConflict(new Error('409'))).toBe(false);
  });
});
