import Taro from '@tarojs/taro';
import { Input } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { AvatarChooserProps, NicknameInputProps, PhoneCodeButtonProps, PlatformAdapter } from './types';
import { NICKNAME_MAX_LENGTH } from './types';
import './platform.scss';

async function getLoginCode(): Promise<string> {
  const { code } = await Taro.login();
  if (!code) throw new Error('微信登录失败，请稍后重试');
  return code;
}

function AvatarChooser({ onChosen, children }: AvatarChooserProps) {
  return (
    <Button
      className="platform-avatar-chooser"
      openType="chooseAvatar"
      fill="none"
      onChooseAvatar={(event) => onChosen(event.detail.avatarUrl)}
    >
      {children}
    </Button>
  );
}

function NicknameInput({ value, onChange }: NicknameInputProps) {
  // WeChat fills a picked nickname without an input event, so blur reports the value too.
  return (
    <Input
      className="nickname-input"
      type="nickname"
      value={value}
      maxlength={NICKNAME_MAX_LENGTH}
      placeholder="请输入昵称"
      onInput={(event) => onChange(event.detail.value)}
      onBlur={(event) => onChange(event.detail.value)}
    />
  );
}

function PhoneCodeButton({ onCode, children }: PhoneCodeButtonProps) {
  return (
    <Button
      className="bind-phone-button"
      type="primary"
      size="small"
      openType="getPhoneNumber"
      onGetPhoneNumber={(event) => {
        if (event.detail.code) onCode(event.detail.code);
        else Taro.showToast({ title: '未授权手机号', icon: 'none' });
      }}
    >
      {children}
    </Button>
  );
}

const platform: PlatformAdapter = { getLoginCode, AvatarChooser, NicknameInput, PhoneCodeButton };
export default platform;
