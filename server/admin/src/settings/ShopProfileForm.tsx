import type { AdminShopProfile } from '@shared/api/shop';
import { Form, Input } from 'antd';
import type { Rule } from 'antd/es/form';
import { SingleImageInput } from '@/common/ImageListInput';
import { SettingsForm } from '@/common/SettingsForm';
import { saveShopProfile } from './settings-api';
import { formToProfile, profileSummary, profileToForm, returnAddressProblem, SHOP_PHONE_PATTERN, type ShopProfileFormValues } from './shop-profile-form';

const phoneRule: Rule = { pattern: SHOP_PHONE_PATTERN, message: '只能包含数字、空格、+ 和 -（5–20 位）' };
const returnAddressRule: Rule = (form) => ({
  validator: async () => {
    const problem = returnAddressProblem(form.getFieldsValue(['returnRecipientName', 'returnPhone', 'returnAddress']));
    if (problem) throw new Error(problem);
  },
});
const RETURN_FIELDS = ['returnRecipientName', 'returnPhone', 'returnAddress'];

/** 店铺资料: what shoppers see of the shop (name, logo, customer service, the home announcement) and the return address. */
export function ShopProfileForm({ saved, onSaved }: { saved: AdminShopProfile; onSaved: (profile: AdminShopProfile) => void }) {
  const save = async (values: ShopProfileFormValues) => {
    const next = await saveShopProfile(formToProfile(values));
    onSaved(next);
    return profileToForm(next);
  };
  return (
    <SettingsForm<ShopProfileFormValues>
      name="shop-profile"
      ruleLabel="顾客看到的店铺"
      ruleText={profileSummary(saved)}
      initialValues={profileToForm(saved)}
      save={save}
      savedText="店铺资料已保存"
      wrapperSpan={12}
    >
      <Form.Item name="shopName" label="店铺名称" rules={[{ required: true, whitespace: true, message: '请填写店铺名称' }]}>
        <Input aria-label="店铺名称" maxLength={20} showCount style={{ maxWidth: 320 }} />
      </Form.Item>
      <Form.Item name="logoUrl" label="店铺 Logo" tooltip="方形图片，显示在商城的店铺信息处；不上传则用店名首字">
        <SingleImageInput data-testid="shop-logo" />
      </Form.Item>
      <Form.Item name="servicePhone" label="客服电话" rules={[phoneRule]}>
        <Input aria-label="客服电话" placeholder="例如：400-820-1688" style={{ maxWidth: 320 }} />
      </Form.Item>
      <Form.Item name="serviceHours" label="服务时间">
        <Input aria-label="服务时间" maxLength={40} placeholder="例如：每天 9:00–21:00" style={{ maxWidth: 320 }} />
      </Form.Item>
      <Form.Item name="announcement" label="首页公告" tooltip="显示在商城首页顶部的公告栏；留空则不显示">
        <Input.TextArea aria-label="首页公告" maxLength={200} showCount autoSize={{ minRows: 2, maxRows: 4 }} placeholder="例如：满 99 元包邮，下午 4 点前付款当天发货" />
      </Form.Item>
      <Form.Item name="returnRecipientName" label="退货收件人" dependencies={RETURN_FIELDS} rules={[returnAddressRule]} tooltip="同意退货退款后告诉顾客寄回到哪里">
        <Input aria-label="退货收件人" maxLength={20} style={{ maxWidth: 320 }} />
      </Form.Item>
      <Form.Item name="returnPhone" label="退货电话" dependencies={RETURN_FIELDS} rules={[phoneRule, returnAddressRule]}>
        <Input aria-label="退货电话" style={{ maxWidth: 320 }} />
      </Form.Item>
      <Form.Item name="returnAddress" label="退货地址" dependencies={RETURN_FIELDS} rules={[returnAddressRule]}>
        <Input aria-label="退货地址" maxLength={200} placeholder="省、市、区和详细地址" />
      </Form.Item>
    </SettingsForm>
  );
}
