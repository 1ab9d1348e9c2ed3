import type { ComponentType, ReactNode } from 'react';
import type { StartPaymentResponse, SubscribeAnswersRequest, SubscribeTemplate } from '@shared/api/payments';
import type { WithdrawalConfirmParams } from '@shared/api/withdrawals';
import type { ShopperLiveSession } from '@shared/api/live';

/**
 * WeChat-only abilities behind one interface. index.weapp.tsx calls WeChat through Taro; index.h5.tsx
 * stands in for the WeChat client with the fake WeChat server, so the browser walks the same server path.
 * Taro picks the file for the platform being built.
 */
export interface PlatformAdapter {
  /** A single-use login code for `POST /auth/wechat-login` (wx.login on a phone). */
  getLoginCode(): Promise<string>;
  /** Lets the shopper pick an avatar; reports a local file path to upload. */
  AvatarChooser: ComponentType<AvatarChooserProps>;
  /** Nickname field (WeChat offers the shopper's WeChat nickname in it). */
  NicknameInput: ComponentType<NicknameInputProps>;
  /** Asks for the shopper's phone number; reports a phone code for `POST /me/phone`. */
  PhoneCodeButton: ComponentType<PhoneCodeButtonProps>;
  /** Asks the shopper which order notices they want (one-time subscribe messages); answers per template. */
  askSubscriptions(templates: SubscribeTemplate[]): Promise<SubscribeAnswersRequest['answers']>;
  /**
   * Pays with the server's WeChat Pay parameters. 'left' means the page is leaving for a payment page that
   * comes back to the order detail (H5's cashier); the order detail then learns the outcome by polling.
   */
  pay(payment: StartPaymentResponse): Promise<PayOutcome>;
  /** The outcome a payment page reported when it sent the shopper back here, once; null when there is none. */
  takeReturnedPayOutcome(): PayOutcome | null;
  /**
   * 确认收款 of a withdrawal's WeChat transfer bill: wx.requestMerchantTransfer on weapp (base library 3.3.0); H5
   * opens the fake WeChat's confirmation page, which comes back to `returnPath` ('left'). WeChat's answer only
   * says the payee confirmed: the withdrawal's state comes from the server (its notification or query).
   */
  confirmTransfer(params: WithdrawalConfirmParams, returnPath: string): Promise<TransferOutcome>;
  /** The outcome the confirmation page reported when it sent the promoter back here, once; null when there is none. */
  takeReturnedTransferOutcome(): TransferOutcome | null;
  /**
   * 一键导入微信地址: an address from the shopper's WeChat address book (wx.chooseAddress); resolves null when they
   * close it. Null where there is no such book (H5: it lives in the WeChat app, not behind any server the fake
   * WeChat could stand in for), and pages then hide the button.
   */
  chooseAddress: (() => Promise<WechatAddress | null>) | null;
  /**
   * Puts our consent dialog in front of every privacy feature; called once at launch. weapp: WeChat holds a
   * privacy API or component (photos, camera, phone, nickname, avatar, clipboard…) pending and asks the guard
   * (wx.onNeedPrivacyAuthorization); H5: requirePrivacyAuthorize asks it.
   */
  installPrivacyGuard(guard: PrivacyGuard): void;
  /** Before a privacy feature the page starts itself: true once the shopper has agreed (asked if needed). */
  requirePrivacyAuthorize(): Promise<boolean>;
  /** The consent dialog's agree button (weapp: open-type="agreePrivacyAuthorization", which also tells WeChat). */
  PrivacyAgreeButton: ComponentType<PrivacyAgreeButtonProps>;
  /** WeChat's customer service chat (open-type="contact"); null where there is none (H5). */
  ContactButton: ComponentType<ContactButtonProps> | null;
  /** Dials a number: the phone's call sheet (weapp), a tel: link (H5). */
  makePhoneCall(phoneNumber: string): Promise<void>;
  /**
   * The query of the page address before the hash route (H5: `/?s=a3D#/pages/home/index`, which Taro's launch
   * options leave out); weapp: none, the launch options carry everything.
   */
  addressBarQuery(): Record<string, string>;
  /**
   * Keeps a poster (a local file from downloadFile) for the shopper: weapp 保存到相册 (asking again through the
   * settings page when the album permission was refused); H5 a download link.
   */
  PosterSaveButton: ComponentType<PosterSaveButtonProps>;
  /**
   * A link a shopper can paste anywhere for a share path (`/goods/detail/index?id=12&s=a3D`): H5 the page's
   * address; weapp null (a mini-program page has no address outside WeChat: 转发 and the poster's code share it).
   */
  shareableUrl(path: string): string | null;
  /**
   * True when WeChat opened the page from Moments in 单页模式 (scene 1154): no login, no navigation, no tab bar;
   * WeChat shows its own 前往小程序 bar, and pages show themselves read-only. H5: never.
   */
  isMomentsPreview(): boolean;
  /**
   * 观看直播 of a session; every tap calls `onTap` first (it records the click) and never waits for it. weapp: a
   * Channels live with a known feedId is WeChat's `channel-live` card (no confirmation dialog), other Channels lives
   * open with openChannelsLive after the tap, plugin rooms open the live-player-plugin page with our custom_params.
   * H5: a browser cannot play either, so the tap opens a screen that says to open the mini-program in WeChat.
   */
  LiveWatchEntry: ComponentType<LiveWatchEntryProps>;
  /**
   * 开播提醒 for 预约: asks for the live_reminder template (requestSubscribeMessage, right after the tap); true when
   * accepted. Null where there is no subscribe sheet (H5): the 预约 is kept without a reminder.
   */
  askLiveReminder: ((template: SubscribeTemplate) => Promise<boolean>) | null;
  /** WeChat's own 预约 of a Channels live notice (reserveChannelsLive, base 2.19.0): its state code; null where unavailable. */
  reserveChannelsLive(noticeId: string): Promise<number | null>;
  /** The sharer of a launch from a Channels scene (getChannelsShareKey, base 2.22.1); null where WeChat gave none. */
  channelsShareKey(): Promise<ChannelsShareKey | null>;
  /** The custom_params of a live room's share card a launch came from (the plugin's getShareParams); null when none. */
  liveRoomShareParams(scene: number): Promise<unknown>;
}

export interface LiveWatchEntryProps {
  session: ShopperLiveSession;
  /** The viewer's own share link (a member), carried into plugin rooms so their shares of the room name them. */
  shortId?: string;
  label: string;
  /** Records the tap (fire-and-forget). */
  onTap(): void;
}

export interface ChannelsShareKey {
  sharerOpenId?: string;
  promoterId?: string;
}

export interface PosterSaveButtonProps {
  /** The poster's local file: a temp path (weapp) or a blob URL (H5). */
  filePath: string;
  /** The name a download is saved under (H5). */
  fileName: string;
  /** The poster was saved to the album (weapp) or its download started (H5). */
  onSaved?(): void;
}

/** What wx.chooseAddress answers (the fields we use). */
export interface WechatAddress {
  userName: string;
  telNumber: string;
  provinceName: string;
  cityName: string;
  /** The district (区/县). */
  countyName: string;
  /** The street (街道), on newer WeChat versions; may be empty. */
  streetName: string;
  detailInfo: string;
  /** The district's 6-digit administrative code. */
  nationalCode: string;
}

export interface PrivacyGuard {
  /** Shows the consent dialog; true when the shopper agreed. */
  ask(): Promise<boolean>;
  /** True when this device's shopper already agreed to the policy in force. */
  hasAgreed(): Promise<boolean>;
}

export interface PrivacyAgreeButtonProps {
  className?: string;
  onAgree(): void;
  children: ReactNode;
}

export interface ContactButtonProps {
  className?: string;
  children: ReactNode;
}

export type PayOutcome = 'paid' | 'cancelled' | 'left';

export type TransferOutcome = 'confirmed' | 'cancelled' | 'left';

export interface AvatarChooserProps {
  onChosen(filePath: string): void;
  children: ReactNode;
}

export interface NicknameInputProps {
  value: string;
  onChange(value: string): void;
}

export interface PhoneCodeButtonProps {
  onCode(code: string): void;
  children: ReactNode;
}

export const NICKNAME_MAX_LENGTH = 20;
