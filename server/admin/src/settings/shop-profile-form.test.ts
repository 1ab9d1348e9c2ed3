import { describe, expect, it } from 'vitest';
import { formToProfile, profileSummary, profileToForm, returnAddressProblem } from './shop-profile-form';

const profile = {
  shopName: '山野茶事',
  logoUrl: null,
  servicePhone: '400-820-1688',
  serviceHours: '每天 9:00–21:00',
  announcement: '满 99 元包邮',
  returnAddress: { recipientName: '售后组', phone: '0571-88886666', address: '浙江省杭州市西湖区龙井路 88 号' },
};

describe('shop profile form', () => {
  it('round-trips the profile and sends blanks as null', () => {
    expect(formToProfile(profileToForm(profile))).toEqual(profile);
    const blank = { ...profileToForm(profile), serviceHours: '  ', announcement: '', returnRecipientName: '', returnPhone: '', returnAddress: '' };
    expect(formToProfile(blank)).toEqual({ ...profile, serviceHours: null, announcement: null, returnAddress: null });
  });

  it('wants the return address complete or empty', () => {
    expect(returnAddressProblem({ returnRecipientName: '', returnPhone: '', returnAddress: '' })).toBeNull();
    expect(returnAddressProblem({ returnRecipientName: '售后组', returnPhone: '0571-88886666', returnAddress: '龙井路 88 号' })).toBeNull();
    expect(returnAddressProblem({ returnRecipientName: '售后组', returnPhone: '', returnAddress: '' })).toBe('退货地址的收件人、电话和地址要么都填，要么都不填');
  });

  it('sums the profile up as shoppers meet it', () => {
    expect(profileSummary(profile)).toBe('山野茶事 · 客服 400-820-1688（每天 9:00–21:00） · 公告「满 99 元包邮」 · 已设置退货地址');
    expect(profileSummary({ ...profile, servicePhone: null, announcement: null, returnAddress: null })).toBe('山野茶事 · 未设置客服电话 · 首页不显示公告 · 未设置退货地址');
  });
});
