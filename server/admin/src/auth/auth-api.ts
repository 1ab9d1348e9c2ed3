import type { StaffLoginRequest, StaffLoginResponse, StaffProfile } from '@shared/api/admin';
import { http, request } from '@/api/client';

export function login(body: StaffLoginRequest): Promise<StaffLoginResponse> {
  return request<StaffLoginResponse>('POST', '/auth/login', { body, skipSessionExpiry: true });
}

export function fetchMe(): Promise<StaffProfile> {
  return http.get<StaffProfile>('/me');
}
