import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button, Tag } from '@nutui/nutui-react-taro';
import { MAX_ADDRESSES, type Address } from '@shared/api/addresses';
import { deleteAddress, listAddresses, makeDefaultAddress } from '@/services/addresses';
import { addressChoice } from '@/store/address-choice';
import { useSession } from '@/store/session';
import { routes } from '@/routes';
import { PageState } from '@/components/page-state/PageState';
import { PendingState } from '@/components/page-state/PendingState';
import { useLoadable } from '@/hooks/useLoadable';
import { usePullDownReload } from '@/hooks/usePageReload';
import { LoginPrompt } from '@/components/login-prompt/LoginPrompt';
import { fullAddress } from '@/format/address';
import './index.scss';

/** The address book. Opened with `select=1` (from checkout) a tap on an address picks it and goes back. */
export default function AddressListPage() {
  const { token } = useSession();
  const selecting = useRouter().params.select === '1';
  const { state, reload: load, retry } = useLoadable(listAddresses);

  // Back from the edit page: show what was saved.
  useDidShow(() => {
    if (token) load();
  });

  usePullDownReload(load);

  const pick = (address: Address) => {
    if (!selecting) return;
    addressChoice.set(address);
    Taro.navigateBack();
  };

  const remove = async (address: Address) => {
    const { confirm } = await Taro.showModal({ title: '删除地址', content: `确定删除 ${address.recipientName} 的这个地址吗？` });
    if (!confirm) return;
    try {
      await deleteAddress(address.id);
      Taro.showToast({ title: '已删除', icon: 'success' });
      load();
    } catch {
      // toasted by the request wrapper
    }
  };

  const setDefault = async (address: Address) => {
    try {
      await makeDefaultAddress(address.id);
      load();
    } catch {
      // toasted by the request wrapper
    }
  };

  // Even while picking for checkout, an address added or edited here is picked by a tap on the list.
  const edit = (address?: Address) =>
    Taro.navigateTo({ url: address ? `${routes.addressEdit}?id=${address.id}` : routes.addressEdit });

  if (!token) return <LoginPrompt text="登录后管理收货地址" />;
  if (state.status !== 'ready') return <PendingState state={state} onRetry={retry} />;

  const addresses = state.data;
  return (
    <View className="address-list-page">
      {addresses.length === 0 && <PageState status="empty" text="还没有收货地址" />}
      {addresses.map((address) => (
        <View key={address.id} className="address-card" onClick={() => pick(address)}>
          <View className="address-card__head">
            <Text className="address-card__name">{address.recipientName}</Text>
            <Text className="address-card__phone">{address.phone}</Text>
            {address.isDefault && (
              <Tag className="address-card__default" type="danger">
                默认
              </Tag>
            )}
          </View>
          <Text className="address-card__text">{fullAddress(address)}</Text>
          <View className="address-card__actions" onClick={(event) => event.stopPropagation()}>
            {!address.isDefault && (
              <Text className="address-card__action set-default-address" onClick={() => setDefault(address)}>
                设为默认
              </Text>
            )}
            <Text className="address-card__action edit-address" onClick={() => edit(address)}>
              编辑
            </Text>
            <Text className="address-card__action delete-address" onClick={() => remove(address)}>
              删除
            </Text>
          </View>
        </View>
      ))}
      <View className="address-list-page__bar">
        <Button
          className="add-address-button"
          type="primary"
          block
          disabled={addresses.length >= MAX_ADDRESSES}
          onClick={() => edit()}
        >
          {addresses.length >= MAX_ADDRESSES ? `最多保存 ${MAX_ADDRESSES} 个地址` : '新增收货地址'}
        </Button>
      </View>
    </View>
  );
}
