import { EMPTY_ADDRESS_FORM } from './address-form';
import { formFromWechatAddress } from './wechat-address';

const picked = {
  userName: ' 王小明 ',
  telNumber: '+86 138-0000-1234',
  provinceName: '浙江省',
  cityName: '杭州市',
  countyName: '西湖区',
  streetName: '西溪街道',
  detailInfo: '文三路 100 号',
  nationalCode: '330106',
};

describe('一键导入微信地址', () => {
  it('fills the form from WeChat, region by county code, phone as 11 digits, street before the detail', () => {
    const { form, regionMissing } = formFromWechatAddress({ ...EMPTY_ADDRESS_FORM, isDefault: true }, picked);
    expect(regionMissing).toBe(false);
    expect(form).toEqual({
      recipientName: '王小明',
      phone: '13800001234',
      provinceName: '浙江省',
      cityName: '杭州市',
      districtName: '西湖区',
      regionCode: '330106',
      detail: '西溪街道文三路 100 号',
      isDefault: true,
    });
  });

  it('finds the region by its names when the code is unknown, and does not repeat the street', () => {
    const { form } = formFromWechatAddress(EMPTY_ADDRESS_FORM, { ...picked, nationalCode: '', detailInfo: '西溪街道文三路 1 号' });
    expect([form.regionCode, form.detail]).toEqual(['330106', '西溪街道文三路 1 号']);
  });

  it('leaves the region to pick when WeChat names one the region data does not know', () => {
    const { form, regionMissing } = formFromWechatAddress(EMPTY_ADDRESS_FORM, { ...picked, nationalCode: '', countyName: '未知区' });
    expect(regionMissing).toBe(true);
    expect([form.regionCode, form.districtName, form.recipientName]).toEqual(['', '', '王小明']);
  });
});
