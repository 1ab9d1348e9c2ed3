import { needsPrivacyConsent, PRIVACY_POLICY_VERSION } from '@shared/privacy';
import { privacyPolicy, userAgreement } from './documents';

const contact = { shopName: '山野茶事·杭州店', servicePhone: '400-820-1688', serviceHours: '每天 9:00–21:00' };
const text = (document: ReturnType<typeof privacyPolicy>) =>
  [document.intro, ...document.sections.flatMap((section) => [section.heading, ...section.paragraphs])].join('\n');

describe('the 隐私政策 and 用户协议', () => {
  it('name the shop, the version in force and how to reach customer service', () => {
    for (const document of [privacyPolicy(contact), userAgreement(contact)]) {
      const body = text(document);
      expect(body).toContain('山野茶事·杭州店');
      expect(body).toContain(PRIVACY_POLICY_VERSION);
      expect(body).toContain('400-820-1688（每天 9:00–21:00）');
    }
    expect(text(privacyPolicy({ ...contact, servicePhone: null }))).toContain('「我的 → 联系客服」');
  });

  it('list what the server stores about a shopper', () => {
    const body = text(privacyPolicy(contact));
    for (const collected of ['openid', '昵称', '头像', '手机号', '收货地址', '订单', '上传的照片', '积分', '优惠券', '购物车', '推荐人、渠道或直播间', '订阅消息']) {
      expect(body).toContain(collected);
    }
  });
});

describe('needsPrivacyConsent', () => {
  it('asks a member who never agreed or agreed to another version, not one who agreed to this one', () => {
    expect(needsPrivacyConsent(null, '2026-12-01')).toBe(true);
    expect(needsPrivacyConsent({ version: '2025-06-01', acceptedAt: '2025-06-02T08:00:00.000Z' }, '2026-12-01')).toBe(true);
    expect(needsPrivacyConsent({ version: '2026-12-01', acceptedAt: '2026-12-02T08:00:00.000Z' }, '2026-12-01')).toBe(false);
  });
});
