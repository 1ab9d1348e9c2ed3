import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Input, Text, View } from '@tarojs/components';
import { Button, Popup } from '@nutui/nutui-react-taro';
import type { FakeCodeResponse, FakeLoginCodeRequest, FakePhoneCodeRequest } from '@shared/api/wechat-fake';
import { CHINA_MOBILE_PATTERN } from '@shared/phone';
import { fetchPlatformInfo } from '@/services/platform-info';
import type { StartPaymentResponse, SubscribeTemplate } from '@shared/api/payments';
import type { WithdrawalConfirmParams } from '@shared/api/withdrawals';
import { orderDetailUrl } from '@/routes';
import type {
  AvatarChooserProps,
  NicknameInputProps,
  PayOutcome,
  PhoneCodeButtonProps,
  PlatformAdapter,
  PosterSaveButtonProps,
  PrivacyAgreeButtonProps,
  PrivacyGuard,
  TransferOutcome,
} from './types';
import { NICKNAME_MAX_LENGTH } from './types';
import { askLiveReminder, channelsShareKey, LiveWatchEntry, liveRoomShareParams, reserveChannelsLive } from './live';
import './platform.scss';

/** The same browser is the same shopper: its fake WeChat identity is kept in localStorage. */
const IDENTITY_KEY = 'storefront.fakeWechatIdentity';

function testIdentity(): string {
  let identity = localStorage.getItem(IDENTITY_KEY);
  if (!identity) {
    identity = `h5-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
    localStorage.setItem(IDENTITY_KEY, identity);
  }
  return identity;
}

async function fakeWechatBaseUrl(): Promise<string> {
  const info = await fetchPlatformInfo();
  if (info.wechatMode !== 'fake' || !info.fakeWechatBaseUrl) {
    throw new Error('网页版只能在测试环境使用微信功能，请在微信中打开小程序');
  }
  return info.fakeWechatBaseUrl.replace(/\/+$/, '');
}

/** Asks the fake WeChat server for a code, as the WeChat client app would hand one to the mini-program. */
async function fakeWechatCode(path: '/fake/login-code' | '/fake/phone-code', body: FakeLoginCodeRequest | FakePhoneCodeRequest) {
  const response = await Taro.request<FakeCodeResponse>({
    url: `${await fakeWechatBaseUrl()}${path}`,
    method: 'POST',
    data: body,
    header: { 'Content-Type': 'application/json' },
  });
  if (response.statusCode !== 200 || !response.data?.code) throw new Error('模拟微信服务暂不可用，请稍后重试');
  return response.data.code;
}

function getLoginCode(): Promise<string> {
  return fakeWechatCode('/fake/login-code', { identity: testIdentity() });
}

/** A browser has no WeChat privacy check: the same guard (our dialog) is asked before each privacy feature. */
let privacyGuard: PrivacyGuard | null = null;

function installPrivacyGuard(guard: PrivacyGuard) {
  privacyGuard = guard;
}

async function requirePrivacyAuthorize(): Promise<boolean> {
  if (!privacyGuard || (await privacyGuard.hasAgreed())) return true;
  return privacyGuard.ask();
}

function PrivacyAgreeButton({ className, onAgree, children }: PrivacyAgreeButtonProps) {
  return (
    <Button className={className} type="primary" onClick={onAgree}>
      {children}
    </Button>
  );
}

async function makePhoneCall(phoneNumber: string) {
  await Taro.makePhoneCall({ phoneNumber });
}

function AvatarChooser({ onChosen, children }: AvatarChooserProps) {
  const choose = async () => {
    if (!(await requirePrivacyAuthorize())) return;
    try {
      const { tempFilePaths } = await Taro.chooseImage({ count: 1, sizeType: ['compressed'], sourceType: ['album'] });
      if (tempFilePaths[0]) onChosen(tempFilePaths[0]);
    } catch {
      // The shopper closed the picker without choosing: nothing to do.
    }
  };
  return (
    <View className="platform-avatar-chooser" onClick={choose}>
      {children}
    </View>
  );
}

function NicknameInput({ value, onChange }: NicknameInputProps) {
  return (
    <Input
      className="nickname-input"
      type="text"
      value={value}
      maxlength={NICKNAME_MAX_LENGTH}
      placeholder="请输入昵称"
      // As WeChat does for its nickname input: the consent dialog comes first if the shopper has not agreed.
      onFocus={() => requirePrivacyAuthorize()}
      onInput={(event) => onChange(event.detail.value)}
    />
  );
}

/** Stands in for WeChat's phone-number consent sheet: the tester types the number WeChat would share. */
function PhoneCodeButton({ onCode, children }: PhoneCodeButtonProps) {
  const [open, setOpen] = useState(false);
  const [phone, setPhone] = useState('');
  const [submitting, setSubmitting] = useState(false);

  const confirm = async () => {
    if (!CHINA_MOBILE_PATTERN.test(phone)) {
      Taro.showToast({ title: '请输入11位手机号', icon: 'none' });
      return;
    }
    setSubmitting(true);
    try {
      const code = await fakeWechatCode('/fake/phone-code', { phoneNumber: phone });
      setOpen(false);
      onCode(code);
    } catch (error) {
      Taro.showToast({ title: (error as Error).message, icon: 'none' });
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <>
      <Button
        className="bind-phone-button"
        type="primary"
        size="small"
        onClick={async () => {
          if (await requirePrivacyAuthorize()) setOpen(true);
        }}
      >
        {children}
      </Button>
      <Popup visible={open} position="bottom" round title="授权手机号" onClose={() => setOpen(false)}>
        <View className="phone-sheet">
          <Text className="phone-sheet__hint">测试环境：输入微信将要提供给小程序的手机号</Text>
          <Input
            className="phone-input"
            type="number"
            maxlength={11}
            value={phone}
            placeholder="请输入手机号"
            onInput={(event) => setPhone(event.detail.value)}
          />
          <Button className="phone-confirm-button" type="primary" block loading={submitting} onClick={confirm}>
            允许
          </Button>
        </View>
      </Popup>
    </>
  );
}

/** A browser has no WeChat subscribe sheet: one consent dialog answers for all the shop's templates. */
async function askSubscriptions(templates: SubscribeTemplate[]) {
  const { confirm } = await Taro.showModal({
    title: '订阅订单通知',
    content: `接收${templates.map((template) => template.title).join('、')}？`,
    confirmText: '允许',
    cancelText: '暂不',
  });
  return templates.map((template) => ({ templateId: template.templateId, accepted: confirm }));
}

const PAY_RESULT_PARAM = 'fake_pay_result';

/** Opens the fake WeChat Pay cashier; it pays (WeChat Pay's notification reaches the server) and comes back
 * to the order detail with fake_pay_result in the query. */
async function pay({ prepayId, orderNo }: StartPaymentResponse): Promise<PayOutcome> {
  const back = `${window.location.origin}${window.location.pathname}#${orderDetailUrl(orderNo)}`;
  const cashier = `${await fakeWechatBaseUrl()}/fake/cashier?prepay_id=${encodeURIComponent(prepayId)}&redirect=${encodeURIComponent(back)}`;
  window.location.assign(cashier);
  return 'left';
}

function takeReturnedPayOutcome(): PayOutcome | null {
  const result = takeResultParam(PAY_RESULT_PARAM);
  if (result === null) return null;
  return result === 'success' ? 'paid' : 'cancelled';
}

/** The result a fake WeChat page appended to the address when it sent the shopper back, once (a reload does not report it again). */
function takeResultParam(name: string): string | null {
  const url = new URL(window.location.href);
  const result = url.searchParams.get(name);
  if (!result) return null;
  url.searchParams.delete(name);
  window.history.replaceState(window.history.state, '', url.toString());
  return result;
}

const TRANSFER_RESULT_PARAM = 'fake_transfer_result';

/** Opens the fake WeChat's 确认收款 page as this browser's WeChat user; it comes back to `returnPath` with fake_transfer_result. */
async function confirmTransfer(params: WithdrawalConfirmParams, returnPath: string): Promise<TransferOutcome> {
  const back = `${window.location.origin}${window.location.pathname}#${returnPath}`;
  const query = `package=${encodeURIComponent(params.package)}&identity=${encodeURIComponent(testIdentity())}&redirect=${encodeURIComponent(back)}`;
  window.location.assign(`${await fakeWechatBaseUrl()}/fake/transfer/confirm-page?${query}`);
  return 'left';
}

function takeReturnedTransferOutcome(): TransferOutcome | null {
  const result = takeResultParam(TRANSFER_RESULT_PARAM);
  if (result === null) return null;
  return result === 'success' ? 'confirmed' : 'cancelled';
}

function addressBarQuery(): Record<string, string> {
  return Object.fromEntries(new URLSearchParams(window.location.search));
}

/** A browser has no album: the poster is a download (long-press on a phone also offers to save it). */
function PosterSaveButton({ filePath, fileName, onSaved }: PosterSaveButtonProps) {
  return (
    <a className="poster-download-link" href={filePath} download={fileName} onClick={() => onSaved?.()}>
      下载海报
    </a>
  );
}

/** The storefront's address with the share path as its hash route (`/#/goods/detail/index?id=12&s=a3D`). */
function shareableUrl(path: string): string {
  return `${window.location.origin}${window.location.pathname}#${path}`;
}

const platform: PlatformAdapter = {
  getLoginCode,
  AvatarChooser,
  NicknameInput,
  PhoneCodeButton,
  askSubscriptions,
  // WeChat's address book lives in the WeChat app: a browser has none, so 一键导入微信地址 is not offered.
  chooseAddress: null,
  pay,
  takeReturnedPayOutcome,
  confirmTransfer,
  takeReturnedTransferOutcome,
  installPrivacyGuard,
  requirePrivacyAuthorize,
  PrivacyAgreeButton,
  ContactButton: null,
  makePhoneCall,
  addressBarQuery,
  PosterSaveButton,
  shareableUrl,
  isMomentsPreview: () => false,
  LiveWatchEntry,
  askLiveReminder,
  reserveChannelsLive,
  channelsShareKey,
  liveRoomShareParams,
};
export default platform;
