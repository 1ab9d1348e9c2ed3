import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button, Cell } from '@nutui/nutui-react-taro';
import { formatDateTime } from '@/format/date-time';
import { routes } from '@/routes';
import { session, useSession } from '@/store/session';
import './index.scss';

/** 设置: the two documents, which version the member agreed to, and 退出登录 (confirmed first). */
export default function SettingsPage() {
  const { token, profile } = useSession();
  const consent = profile?.privacyConsent ?? null;

  const signOut = async () => {
    const { confirm } = await Taro.showModal({
      title: '退出登录',
      content: '退出后购物车、订单和优惠券需重新登录才能查看，确定退出吗？',
      confirmText: '退出',
      cancelText: '取消',
    });
    if (!confirm) return;
    session.signOut();
    Taro.showToast({ title: '已退出登录', icon: 'none' });
    Taro.switchTab({ url: routes.mine });
  };

  return (
    <View className="settings-page">
      <Cell.Group>
        <Cell
          className="user-agreement-entry"
          title="用户协议"
          clickable
          onClick={() => Taro.navigateTo({ url: routes.userAgreement })}
        />
        <Cell
          className="privacy-policy-entry"
          title="隐私政策"
          description={consent ? `已于 ${formatDateTime(consent.acceptedAt)} 同意（版本 ${consent.version}）` : undefined}
          clickable
          onClick={() => Taro.navigateTo({ url: routes.privacyPolicy })}
        />
      </Cell.Group>
      {token ? (
        <Button className="logout-button" block onClick={signOut}>
          退出登录
        </Button>
      ) : (
        <Text className="settings-page__guest">你当前未登录</Text>
      )}
    </View>
  );
}
