jest.mock('@tarojs/taro', () => ({}));
jest.mock('@/services/share-links', () => ({}));
jest.mock('@/store/session', () => ({}));

import { chatShare, timelineShare, type PageShare } from './usePageShare';

const product: PageShare = {
  page: 'goods/detail/index',
  query: { id: 12 },
  link: { kind: 'product', targetId: 12 },
  title: '明前西湖龙井',
  imageUrl: 'https://shop.example/uploads/seed/a.png',
};
const category: PageShare = { page: 'pages/category/index', query: { categoryId: 3 }, link: { kind: 'page' }, title: '乌龙岩茶 · 山野茶事' };
const home: PageShare = { page: 'pages/home/index', query: {}, link: { kind: 'page' }, title: '山野茶事' };

describe('what a page shares', () => {
  it('to chat: the page with its context, the sharer’s short id last, the product’s title and picture', () => {
    expect(chatShare(product, 'a3D')).toEqual({ title: '明前西湖龙井', path: '/goods/detail/index?id=12&s=a3D', imageUrl: product.imageUrl });
    expect(chatShare(category, 'a7')).toEqual({ title: '乌龙岩茶 · 山野茶事', path: '/pages/category/index?categoryId=3&s=a7', imageUrl: undefined });
    // A guest's share carries no sharer.
    expect(chatShare(product).path).toBe('/goods/detail/index?id=12');
    expect(chatShare(home).path).toBe('/pages/home/index');
  });

  it('to Moments: the query only (the same page opens), with the short id', () => {
    expect(timelineShare(product, 'a3D')).toEqual({ title: '明前西湖龙井', query: 'id=12&s=a3D', imageUrl: product.imageUrl });
    expect(timelineShare(home, 'a9').query).toBe('s=a9');
    expect(timelineShare(home).query).toBe('');
  });
});
