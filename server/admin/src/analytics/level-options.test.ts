import type { MemberLevel } from '@shared/api/loyalty';
import { describe, expect, it } from 'vitest';
import { ApiRequestError } from '@/api/client';
import { levelPlaceholder, loadLevelChoices } from './level-options';

const level = (id: number, name: string, rank: number): MemberLevel => ({
  id,
  name,
  rank,
  minPaidFen: rank * 100_000,
  memberPricePercent: 100 - rank * 5,
  freeShippingThresholdFen: null,
});

describe('loadLevelChoices', () => {
  it('offers the levels lowest rank first', async () => {
    const choices = await loadLevelChoices(async () => [level(9, '金卡', 2), level(4, '普通会员', 0), level(5, '银卡', 1)]);
    expect(choices).toEqual({
      status: 'loaded',
      options: [
        { label: '普通会员', value: 4 },
        { label: '银卡', value: 5 },
        { label: '金卡', value: 9 },
      ],
    });
    expect(levelPlaceholder(choices)).toBe('全部等级');
  });

  it('treats a 404 as levels not offered by this server, not as a failure', async () => {
    const choices = await loadLevelChoices(async () => {
      throw new ApiRequestError(404, 'NOT_FOUND', '内容不存在');
    });
    expect(choices).toEqual({ status: 'unavailable' });
    expect(levelPlaceholder(choices)).toBe('等级功能未开通');
  });

  it('keeps the server message of any other failure', async () => {
    const choices = await loadLevelChoices(async () => {
      throw new ApiRequestError(500, 'INTERNAL_ERROR', '服务器开小差了，请稍后重试');
    });
    expect(choices).toEqual({ status: 'failed', message: '服务器开小差了，请稍后重试' });
    expect(levelPlaceholder(choices)).toBe('等级加载失败');
  });

  it('says so when the shop has no levels yet', async () => {
    expect(levelPlaceholder(await loadLevelChoices(async () => []))).toBe('尚未设置等级');
  });
});
