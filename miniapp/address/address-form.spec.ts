import { fullAddress } from '@/format/address';
import { EMPTY_ADDRESS_FORM, toSaveRequest, validateAddressForm, type AddressForm } from './address-form';
import { regionNames, regionPath } from './region';

const valid: AddressForm = {
  ...EMPTY_ADDRESS_FORM,
  recipientName: '王小明',
  phone: '13800000000',
  provinceName: '浙江省',
  cityName: '杭州市',
  districtName: '西湖区',
  regionCode: '330106',
  detail: '文三路 1 号',
};

describe('validateAddressForm', () => {
  it('accepts a complete form', () => {
    expect(validateAddressForm(valid)).toBeNull();
  });

  it('names the first missing or wrong field', () => {
    expect(validateAddressForm({ ...valid, recipientName: '  ' })).toBe('请填写收货人姓名');
    expect(validateAddressForm({ ...valid, recipientName: '王'.repeat(21) })).toBe('收货人姓名最多 20 个字');
    expect(validateAddressForm({ ...valid, phone: '1380000000' })).toBe('请填写正确的 11 位手机号');
    expect(validateAddressForm({ ...valid, phone: '23800000000' })).toBe('请填写正确的 11 位手机号');
    expect(validateAddressForm({ ...valid, regionCode: '', districtName: '' })).toBe('请选择所在地区');
    expect(validateAddressForm({ ...valid, detail: '' })).toBe('请填写详细地址');
    expect(validateAddressForm({ ...valid, detail: '路'.repeat(121) })).toBe('详细地址最多 120 个字');
  });

  it('trims what it sends', () => {
    expect(toSaveRequest({ ...valid, recipientName: ' 王小明 ', phone: '13800000000 ' })).toMatchObject({
      recipientName: '王小明',
      phone: '13800000000',
    });
  });
});

describe('region data', () => {
  it('maps a district code to its names and picker path', () => {
    expect(regionNames('330106')).toEqual({ provinceName: '浙江省', cityName: '杭州市', districtName: '西湖区' });
    expect(regionPath('330106')).toEqual(['330000', '330100', '330106']);
    expect(regionNames('999999')).toBeNull();
    expect(regionPath('999999')).toEqual([]);
  });

  it('writes a municipality once in the full address', () => {
    expect(fullAddress({ provinceName: '北京市', cityName: '北京市', districtName: '东城区', detail: '东单 1 号' })).toBe(
      '北京市东城区 东单 1 号',
    );
    expect(fullAddress(valid)).toBe('浙江省杭州市西湖区 文三路 1 号');
  });
});
