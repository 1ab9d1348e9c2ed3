import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Button as NativeButton, Input } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { StartPaymentResponse, SubscribeTemplate } from '@shared/api/payments';
import type { WithdrawalConfirmParams } from '@shared/api/withdrawals';
import type {
  AvatarChooserProps,
  ContactButtonProps,
  NicknameInputProps,
  PayOutcome,
  PhoneCodeButtonProps,
  PlatformAdapter,
  PosterSaveButtonProps,
  PrivacyAgreeButtonProps,
  PrivacyGuard,
  WechatAddress,
  TransferOutcome,
} from './types';
import { NICKNAME_MAX_LENGTH } from './types';
import { askLiveReminder, channelsShareKey, LiveWatchEntry, liveRoomShareParams, reserveChannelsLive } from './live';
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

async function askSubscriptions(templates: SubscribeTemplate[]) {
  const tmplIds = templates.map((template) => template.templateId);
  // Taro's option type also demands Alipay's entityIds; WeChat takes tmplIds only.
  const option = { tmplIds } as Taro.requestSubscribeMessage.Option;
  const result = (await Taro.requestSubscribeMessage(option)) as unknown as Record<string, string>;
  // WeChat answers 'accept', 'reject', 'ban' or 'filter' per template id.
  return tmplIds.map((templateId) => ({ templateId, accepted: result[templateId] === 'accept' }));
}

async function pay({ params }: StartPaymentResponse): Promise<PayOutcome> {
  try {
    await Taro.requestPayment({ ...params });
    return 'paid';
  } catch (error) {
    const message = (error as { errMsg?: string }).errMsg ?? '';
    if (message.includes('cancel')) return 'cancelled';
    throw new Error('支付失败，请稍后重试');
  }
}

/** WeChat's address book; app.config.ts declares chooseAddress in requiredPrivateInfos as WeChat requires. */
async function chooseAddress(): Promise<WechatAddress | null> {
  try {
    const picked = await Taro.chooseAddress();
    return {
      userName: picked.userName,
      telNumber: picked.telNumber,
      provinceName: picked.provinceName,
      cityName: picked.cityName,
      countyName: picked.countyName,
      streetName: picked.streetName ?? '',
      detailInfo: picked.detailInfo,
      nationalCode: picked.nationalCode ?? '',
    };
  } catch (error) {
    const message = (error as { errMsg?: string }).errMsg ?? '';
    if (message.includes('cancel')) return null;
    throw new Error(message.includes('auth') ? '请在设置中允许使用通讯地址' : '无法读取微信地址，请手动填写');
  }
}

/** WeChat checks that the button with this id was tapped before it accepts an 'agree'. */
const PRIVACY_AGREE_BUTTON_ID = 'privacy-agree-button';

function installPrivacyGuard(guard: PrivacyGuard) {
  // Base library 2.32.3 and later; older clients have no privacy check to answer.
  if (!Taro.onNeedPrivacyAuthorization) return;
  Taro.onNeedPrivacyAuthorization((resolve) => {
    resolve({ event: 'exposureAuthorization' });
    guard.ask().then((agreed) => resolve(agreed ? { event: 'agree', buttonId: PRIVACY_AGREE_BUTTON_ID } : { event: 'disagree' }));
  });
}

/** Runs WeChat's own check ahead of a privacy call: onNeedPrivacyAuthorization (our dialog) fires if needed. */
function requirePrivacyAuthorize(): Promise<boolean> {
  return new Promise((resolve) => {
    if (!Taro.requirePrivacyAuthorize) {
      resolve(true);
      return;
    }
    Taro.requirePrivacyAuthorize({ success: () => resolve(true), fail: () => resolve(false) });
  });
}

function PrivacyAgreeButton({ className, onAgree, children }: PrivacyAgreeButtonProps) {
  return (
    <NativeButton
      id={PRIVACY_AGREE_BUTTON_ID}
      className={className}
      openType="agreePrivacyAuthorization"
      onAgreePrivacyAuthorization={onAgree}
    >
      {children}
    </NativeButton>
  );
}

function ContactButton({ className, children }: ContactButtonProps) {
  return (
    <NativeButton className={className} openType="contact">
      {children}
    </NativeButton>
  );
}

async function makePhoneCall(phoneNumber: string) {
  try {
    await Taro.makePhoneCall({ phoneNumber });
  } catch {
    // The shopper closed the call sheet.
  }
}

/** 保存到相册; a refused album permission is only asked again from the settings page, so the dialog offers it. */
function PosterSaveButton({ filePath, onSaved }: PosterSaveButtonProps) {
  const [saving, setSaving] = useState(false);
  const save = async () => {
    setSaving(true);
    try {
      await Taro.saveImageToPhotosAlbum({ filePath });
      Taro.showToast({ title: '已保存到相册', icon: 'success' });
      onSaved?.();
    } catch (error) {
      const message = (error as { errMsg?: string }).errMsg ?? '';
      if (message.includes('cancel')) return;
      // Declined in our consent dialog (WeChat's privacy check), not the album permission: settings would not help.
      if (message.includes('privacy')) {
        Taro.showToast({ title: '同意隐私政策后才能保存到相册', icon: 'none' });
        return;
      }
      if (/auth|deny|denied|permission/i.test(message)) {
        const { confirm } = await Taro.showModal({
          title: '无法保存到相册',
          content: '保存海报需要允许「添加到相册」，请在设置中打开后再保存',
          confirmText: '去设置',
          cancelText: '暂不',
        });
        if (confirm) await Taro.openSetting().catch(() => {});
        return;
      }
      Taro.showToast({ title: '保存失败，请稍后重试', icon: 'none' });
    } finally {
      setSaving(false);
    }
  };
  return (
    <Button className="poster-save-button" type="primary" block loading={saving} onClick={save}>
      保存到相册
    </Button>
  );
}

/** WeChat's scene number of a page opened from Moments (朋友圈单页模式). */
const MOMENTS_PREVIEW_SCENE = 1154;

function isMomentsPreview(): boolean {
  return Taro.getEnterOptionsSync().scene === MOMENTS_PREVIEW_SCENE;
}

/** WeChat's 确认收款 API (base library 3.3.0, callbacks only, no Promise form); Taro does not wrap it. */
declare const wx: {
  canIUse(schema: string): boolean;
  requestMerchantTransfer(options: {
    mchId: string;
    appId: string;
    package: string;
    success(): void;
    fail(error: { errMsg?: string }): void;
  }): void;
};

/** The payee confirms the transfer in WeChat's own sheet; WeChat then pays it into their 零钱. */
function confirmTransfer({ mchId, appId, package: packageInfo }: WithdrawalConfirmParams): Promise<TransferOutcome> {
  if (!wx.canIUse('requestMerchantTransfer')) return Promise.reject(new Error('微信版本过低，请升级微信后再确认收款'));
  return new Promise((resolve, reject) => {
    wx.requestMerchantTransfer({
      mchId,
      appId,
      package: packageInfo,
      success: () => resolve('confirmed'),
      fail: (error) => {
        const message = error.errMsg ?? '';
        if (message.includes('cancel')) resolve('cancelled');
        else reject(new Error(`确认收款没有完成：${message || '请稍后重试'}`));
      },
    });
  });
}

const platform: PlatformAdapter = {
  getLoginCode,
  AvatarChooser,
  NicknameInput,
  PhoneCodeButton,
  askSubscriptions,
  chooseAddress,
  pay,
  // The payment sheet answers in place (pay's result); nothing comes back through the URL.
  takeReturnedPayOutcome: () => null,
  confirmTransfer,
  takeReturnedTransferOutcome: () => null,
  installPrivacyGuard,
  requirePrivacyAuthorize,
  PrivacyAgreeButton,
  ContactButton,
  makePhoneCall,
  addressBarQuery: () => ({}),
  PosterSaveButton,
  shareableUrl: () => null,
  isMomentsPreview,
  LiveWatchEntry,
  askLiveReminder,
  reserveChannelsLive,
  channelsShareKey,
  liveRoomShareParams,
};
export default platform;
