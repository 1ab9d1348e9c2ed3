import type {
  BindPhoneRequest,
  MemberProfile,
  UpdateProfileRequest,
  WechatLoginResponse,
} from '@shared/api/members';
import { request, uploadFile } from './request';

export function wechatLogin(code: string): Promise<WechatLoginResponse> {
  return request<WechatLoginResponse>('/auth/wechat-login', { method: 'POST', body: { code } });
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
