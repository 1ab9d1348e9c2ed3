import { failedLoad, type Loadable } from './loadable';

describe('failed loads', () => {
  const shown: Loadable<string[]> = { status: 'ready', data: ['地址'] };

  it('keeps the data on screen when a refresh fails', () => {
    expect(failedLoad(shown, '网络错误', true)).toBe(shown);
  });

  it('shows the error when the first load fails', () => {
    expect(failedLoad<string[]>({ status: 'loading' }, '网络错误', true)).toEqual({ status: 'error', message: '网络错误' });
  });

  it('replaces the data with the error when the page asks for it', () => {
    expect(failedLoad(shown, '网络错误', false)).toEqual({ status: 'error', message: '网络错误' });
  });
});
