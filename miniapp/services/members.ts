import type {
  BindPhoneRequest,
  MemberProfile,
  UpdateProfileRequest,
  WechatLoginRequest,
  WechatLoginResponse,
} from '@shared/api/members';
import { loginAttribution } from './attribution';
import { request, uploadFile } from './request';

/**
 * `privacyConsentVersion`: the 隐私政策 the shopper just agreed to, recorded with the login. The device id and
 * the share link or channel the storefront holds go along, so the device's visits become the member's.
 */
export function wechatLogin(code: string, privacyConsentVersion: string): Promise<WechatLoginResponse> {
  const body: WechatLoginRequest = { code, privacyConsentVersion, attribution: loginAttribution() };
  return request<WechatLoginResponse>('/auth/wechat-login', { method: 'POST', body });
}

export function fetchMe(): Promise<MemberProfile> {
  return request<MemberProfile>('/me', { toast: false });
}

export function updateProfile(changes: UpdateProfileRequest): Promise<MemberProfile> {
  return request<MemberProfile>('/me', { method: 'PATCH', body: changes });
}

/** `filePath`: a local temp file (chooseAvatar on weapp, the image picker on H5). */
export function uploadAvatar(filePath: string): Promise<MemberProfile> {
  return uploadFile<MemberProfile>('/me/avatar', filePath);
}

export function bindPhone(body: BindPhoneRequest): Promise<MemberProfile> {
  return request<MemberProfile>('/me/phone', { method: 'POST', body });
}
