import type { ComponentType, ReactNode } from 'react';
import type { StartPaymentResponse, SubscribeAnswersRequest, SubscribeTemplate } from '@shared/api/payments';

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
   * 一键导入微信地址: an address from the shopper's WeChat address book (wx.chooseAddress); resolves null when they
   * close it. Null where there is no such book (H5: it lives in the WeChat app, not behind any server the fake
   * WeChat could stand in for), and pages then hide the button.
   */
  chooseAddress: (() => Promise<WechatAddress | null>) | null;
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

export type PayOutcome = 'paid' | 'cancelled' | 'left';

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
