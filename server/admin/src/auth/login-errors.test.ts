import { describe, expect, it } from 'vitest';
import { ApiRequestError } from '@/api/client';
import { loginErrorText } from './login-errors';

describe('loginErrorText', () => {
  it('turns Retry-After seconds into whole minutes, rounding up', () => {
    const error = new ApiRequestError(429, 'TOO_MANY_ATTEMPTS', '尝试次数过多', undefined, 61);
    expect(loginErrorText(error)).toBe('尝试次数过多，请 2 分钟后再试');
  });

  it('says at least one minute for a short wait', () => {
    const error = new ApiRequestError(429, 'TOO_MANY_ATTEMPTS', '尝试次数过多', undefined, 5);
    expect(loginErrorText(error)).toBe('尝试次数过多，请 1 分钟后再试');
  });

  it("falls back to the server's message without Retry-After", () => {
    const error = new ApiRequestError(429, 'TOO_MANY_ATTEMPTS', '尝试次数过多，请 15 分钟后再试');
    expect(loginErrorText(error)).toBe('尝试次数过多，请 15 分钟后再试');
  });

  it("shows the server's message for a wrong password", () => {
    const error = new ApiRequestError(401, 'INVALID_CREDENTIALS', '用户名或密码错误');
    expect(loginErrorText(error)).toBe('用户名或密码错误');
  });
});
