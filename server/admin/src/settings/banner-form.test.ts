import type { AdminBanner } from '@shared/api/banners';
import { describe, expect, it } from 'vitest';
import { bannerLinkText, bannerToForm, formToBannerRequest, movedIds, newBannerFormValues } from './banner-form';

const banner = (patch: Partial<AdminBanner>): AdminBanner => ({
  id: 1,
  title: '春茶上新',
  imageUrl: '/uploads/b.png',
  linkType: 'product',
  linkTarget: '12',
  enabled: true,
  sortOrder: 0,
  linkLabel: '西湖龙井',
  linkBroken: false,
  ...patch,
});

describe('banner form', () => {
  it('round-trips each link type, keeping only the chosen type’s target', () => {
    expect(formToBannerRequest(bannerToForm(banner({})))).toEqual({ title: '春茶上新', imageUrl: '/uploads/b.png', linkType: 'product', linkTarget: '12', enabled: true });
    const page = bannerToForm(banner({ linkType: 'page', linkTarget: 'coupon_center' }));
    expect(page).toEqual(expect.objectContaining({ page: 'coupon_center', productId: null }));
    // Switching to 分类 after choosing a product sends the category only.
    expect(formToBannerRequest({ ...bannerToForm(banner({})), linkType: 'category', categoryId: 3 })).toEqual(expect.objectContaining({ linkType: 'category', linkTarget: '3' }));
    expect(formToBannerRequest({ ...newBannerFormValues(), title: ' 纯展示 ', imageUrl: '/uploads/x.png', linkType: 'none', productId: 5 })).toEqual({
      title: '纯展示',
      imageUrl: '/uploads/x.png',
      linkType: 'none',
      linkTarget: null,
      enabled: true,
    });
  });

  it('says where a banner goes', () => {
    expect(bannerLinkText(banner({}))).toBe('商品：西湖龙井');
    expect(bannerLinkText(banner({ linkType: 'page', linkTarget: 'coupon_center', linkLabel: '领券中心' }))).toBe('店铺页面：领券中心');
    expect(bannerLinkText(banner({ linkType: 'category', linkTarget: '9', linkLabel: null }))).toBe('分类：ID 9（已不存在）');
    expect(bannerLinkText(banner({ linkType: 'none', linkTarget: null, linkLabel: null }))).toBe('不跳转');
  });

  it('moves a banner one place up or down, not past the ends', () => {
    expect(movedIds([1, 2, 3], 1, -1)).toEqual([2, 1, 3]);
    expect(movedIds([1, 2, 3], 1, 1)).toEqual([1, 3, 2]);
    expect(movedIds([1, 2, 3], 0, -1)).toEqual([1, 2, 3]);
    expect(movedIds([1, 2, 3], 2, 1)).toEqual([1, 2, 3]);
  });
});
