import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import platform from '@/platform';
import { routes } from '@/routes';
import { useShopProfile } from '@/services/shop';
import { privacyDialog, usePrivacyDialog } from '@/store/privacy-dialog';
import { PRIVACY_SUMMARY } from './privacy-summary';
import './privacy-consent-dialog.scss';

/**
 * The consent dialog (用户协议 + 隐私政策), shown while someone waits on privacyDialog.ask: before the first
 * login, before a privacy feature, or when the policy changed. Pages that can ask place one of these.
 */
export function PrivacyConsentDialog() {
  const { open, prompt } = usePrivacyDialog();
  const { shopName } = useShopProfile();
  if (!open) return null;
  const read = (url: string) => Taro.navigateTo({ url });
  return (
    <View className="privacy-dialog" catchMove>
      <View className="privacy-dialog__panel">
        <Text className="privacy-dialog__title">{prompt === 'updated' ? '隐私政策已更新' : '用户协议与隐私政策'}</Text>
        <View className="privacy-dialog__body">
          <Text className="privacy-dialog__text">
            {prompt === 'updated'
              ? `${shopName}更新了《用户协议》和《隐私政策》，请阅读后选择是否同意：`
              : `欢迎来到${shopName}！在你登录和使用会员服务前，请阅读并同意《用户协议》和《隐私政策》：`}
          </Text>
          {PRIVACY_SUMMARY.map((line) => (
            <Text key={line} className="privacy-dialog__item">
              · {line}
            </Text>
          ))}
          <View className="privacy-dialog__links">
            <Text className="privacy-dialog__link agreement-link" onClick={() => read(routes.userAgreement)}>
              《用户协议》
            </Text>
            <Text className="privacy-dialog__link privacy-policy-link" onClick={() => read(routes.privacyPolicy)}>
              《隐私政策》
            </Text>
          </View>
          <Text className="privacy-dialog__hint">
            {prompt === 'updated' ? '不同意将退出登录，你仍可以访客身份浏览。' : '不同意也可以继续以访客身份浏览商品。'}
          </Text>
        </View>
        <View className="privacy-dialog__actions">
          <Button className="privacy-dialog__decline" fill="outline" onClick={() => privacyDialog.answer(false)}>
            不同意
          </Button>
          <platform.PrivacyAgreeButton className="privacy-dialog__agree" onAgree={() => privacyDialog.answer(true)}>
            同意并继续
          </platform.PrivacyAgreeButton>
        </View>
      </View>
    </View>
  );
}
