import { describe, expect, it } from 'vitest';
import { bulkConfirmText, bulkResultText } from './bulk-actions';

describe('bulk product actions', () => {
  it('asks before acting, naming the first few products and the effect', () => {
    expect(bulkConfirmText('delete', ['西湖龙井', '桂花乌龙'])).toBe('确定删除「西湖龙井」、「桂花乌龙」 2 个商品？删除后商品从商城和后台消失，不能恢复；已有订单保留商品快照。');
    expect(bulkConfirmText('off_shelf', ['a', 'b', 'c', 'd'])).toBe('确定下架「a」、「b」、「c」 等 4 个商品？下架后顾客不能再浏览和购买。');
  });

  it('says which products changed and why the others did not', () => {
    const titles: Record<number, string> = { 1: '西湖龙井', 2: '桂花乌龙', 3: '白毫银针' };
    expect(bulkResultText('on_shelf', { succeeded: [1], unchanged: [2], failed: [{ id: 3, code: 'PRODUCT_NOT_FOUND', message: '商品不存在或已删除' }] }, (id) => titles[id])).toBe(
      '已上架 1 个；1 个原本已是上架状态；1 个失败：白毫银针（商品不存在或已删除）',
    );
    expect(bulkResultText('delete', { succeeded: [1, 2], unchanged: [], failed: [] }, (id) => titles[id])).toBe('已删除 2 个');
  });
});
