import { useEffect, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Input, Text, Textarea, View } from '@tarojs/components';
import { Button, Cascader, Switch } from '@nutui/nutui-react-taro';
import type { Address } from '@shared/api/addresses';
import { createAddress, listAddresses, updateAddress } from '@/services/addresses';
import { addressChoice } from '@/store/address-choice';
import { PageState } from '@/components/page-state/PageState';
import {
  ADDRESS_DETAIL_MAX_LENGTH,
  EMPTY_ADDRESS_FORM,
  RECIPIENT_NAME_MAX_LENGTH,
  formOf,
  toSaveRequest,
  validateAddressForm,
  type AddressForm,
} from '../address-form';
import { regionNames, regionOptions, regionPath } from '../region';
import platform from '@/platform';
import { PrivacyConsentDialog } from '@/components/privacy-consent/PrivacyConsentDialog';
import './index.scss';

type LoadState = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready' };

/** Adds (no `id`) or edits an address. Opened with `select=1` (checkout's 新增收货地址), the saved address is picked. */
export default function AddressEditPage() {
  const params = useRouter().params;
  const addressId = params.id ? Number(params.id) : null;
  const selecting = params.select === '1';
  const [form, setForm] = useState<AddressForm>(EMPTY_ADDRESS_FORM);
  const [load, setLoad] = useState<LoadState>(addressId ? { status: 'loading' } : { status: 'ready' });
  const [regionOpen, setRegionOpen] = useState(false);
  const [saving, setSaving] = useState(false);

  const loadAddress = async () => {
    if (!addressId) return;
    setLoad({ status: 'loading' });
    try {
      // The API lists the book whole (at most MAX_ADDRESSES); there is no single-address read.
      const found = (await listAddresses()).find((address) => address.id === addressId);
      if (!found) {
        setLoad({ status: 'error', message: '地址不存在或已删除' });
        return;
      }
      setForm(formOf(found));
      setLoad({ status: 'ready' });
    } catch (error) {
      setLoad({ status: 'error', message: (error as Error).message });
    }
  };

  useEffect(() => {
    Taro.setNavigationBarTitle({ title: addressId ? '编辑收货地址' : '新增收货地址' });
    loadAddress();
  }, [addressId]);

  const change = (changes: Partial<AddressForm>) => setForm((current) => ({ ...current, ...changes }));

  const save = async () => {
    const problem = validateAddressForm(form);
    if (problem) {
      Taro.showToast({ title: problem, icon: 'none' });
      return;
    }
    // A saved address is personal information: the shopper agrees to the 隐私政策 first.
    if (!(await platform.requirePrivacyAuthorize())) return;
    setSaving(true);
    try {
      const body = toSaveRequest(form);
      const saved: Address = addressId ? await updateAddress(addressId, body) : await createAddress(body);
      if (selecting) addressChoice.set(saved);
      Taro.showToast({ title: '已保存', icon: 'success' });
      Taro.navigateBack();
    } catch {
      // toasted by the request wrapper
    } finally {
      setSaving(false);
    }
  };

  if (load.status === 'loading') return <PageState status="loading" />;
  if (load.status === 'error') return <PageState status="error" text={load.message} onRetry={loadAddress} />;

  const regionText = form.districtName ? `${form.provinceName} ${form.cityName} ${form.districtName}` : '';
  return (
    <View className="address-edit-page">
      <View className="address-field">
        <Text className="address-field__label">收货人</Text>
        <Input
          className="address-field__input recipient-input"
          value={form.recipientName}
          maxlength={RECIPIENT_NAME_MAX_LENGTH}
          placeholder="请填写收货人姓名"
          onInput={(event) => change({ recipientName: event.detail.value })}
        />
      </View>
      <View className="address-field">
        <Text className="address-field__label">手机号</Text>
        <Input
          className="address-field__input phone-input"
          type="number"
          value={form.phone}
          maxlength={11}
          placeholder="请填写收货人手机号"
          onInput={(event) => change({ phone: event.detail.value })}
        />
      </View>
      <View className="address-field region-field" onClick={() => setRegionOpen(true)}>
        <Text className="address-field__label">所在地区</Text>
        <Text className={`address-field__value${regionText ? '' : ' address-field__value--empty'}`}>
          {regionText || '省、市、区县'}
        </Text>
      </View>
      <View className="address-field address-field--tall">
        <Text className="address-field__label">详细地址</Text>
        <Textarea
          className="address-field__input detail-input"
          value={form.detail}
          maxlength={ADDRESS_DETAIL_MAX_LENGTH}
          autoHeight
          placeholder="街道、楼牌号等"
          onInput={(event) => change({ detail: event.detail.value })}
        />
      </View>
      <View className="address-field">
        <Text className="address-field__label">设为默认地址</Text>
        <Switch className="default-switch" checked={form.isDefault} onChange={(checked) => change({ isDefault: checked })} />
      </View>

      <Button className="save-address-button" type="primary" block loading={saving} onClick={save}>
        保存
      </Button>

      <Cascader
        className="region-picker"
        title="选择所在地区"
        visible={regionOpen}
        options={regionOptions}
        value={regionPath(form.regionCode)}
        closeable
        onClose={() => setRegionOpen(false)}
        onChange={(value) => {
          const districtCode = String(value[value.length - 1] ?? '');
          const names = regionNames(districtCode);
          if (names) change({ ...names, regionCode: districtCode });
        }}
      />
      <PrivacyConsentDialog />
    </View>
  );
}
