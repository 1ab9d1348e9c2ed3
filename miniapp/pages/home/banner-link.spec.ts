import { STOREFRONT_PAGE_KEYS } from '@shared/storefront-pages';
import { bannerDestination } from './banner-link';

jest.mock('@tarojs/taro', () => ({ __esModule: true, default: {} }));

describe('bannerDestination', () => {
  it('opens the product, the category on the 分类 tab, or the storefront page a banner links to', () => {
    expect(bannerDestination({ linkType: 'product', linkTarget: '12' })).toEqual({ kind: 'page', url: '/goods/detail/index?id=12' });
    expect(bannerDestination({ linkType: 'category', linkTarget: '7' })).toEqual({ kind: 'category', categoryId: 7 });
    expect(bannerDestination({ linkType: 'page', linkTarget: 'coupon_center' })).toEqual({ kind: 'page', url: '/coupons/center/index' });
    expect(bannerDestination({ linkType: 'page', linkTarget: 'member_center' })).toEqual({ kind: 'page', url: '/member/center/index' });
    expect(bannerDestination({ linkType: 'page', linkTarget: 'cart' })).toEqual({ kind: 'tab', url: '/pages/cart/index' });
  });

  it('knows every page the console offers', () => {
    for (const key of STOREFRONT_PAGE_KEYS) expect(bannerDestination({ linkType: 'page', linkTarget: key })).not.toBeNull();
  });

  it('goes nowhere for no link or a target it cannot read', () => {
    expect(bannerDestination({ linkType: 'none', linkTarget: null })).toBeNull();
    expect(bannerDestination({ linkType: 'page', linkTarget: 'somewhere_new' })).toBeNull();
    expect(bannerDestination({ linkType: 'product', linkTarget: 'abc' })).toBeNull();
  });
});
