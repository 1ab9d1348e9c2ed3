import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { useMemberActions } from '@/hooks/useMemberActions';
import { PrivacyConsentDialog } from '@/components/privacy-consent/PrivacyConsentDialog';
import './login-prompt.scss';

/** Shown in place of a page that needs the shopper's account (cart, orders, addresses). */
export function LoginPrompt({ text }: { text: string }) {
  const { login, loggingIn } = useMemberActions();
  return (
    <View className="login-prompt">
      <Text className="login-prompt__text">{text}</Text>
      <Button className="login-button" type="primary" loading={loggingIn} onClick={login}>
        微信一键登录
      </Button>
      <PrivacyConsentDialog />
    </View>
  );
}
