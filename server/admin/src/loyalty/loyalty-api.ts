import type { LoyaltySettings, MemberLevel, SaveMemberLevelsRequest } from '@shared/api/loyalty';
import { http } from '@/api/client';

export function fetchMemberLevels(): Promise<MemberLevel[]> {
  return http.get<MemberLevel[]>('/member-levels');
}

/** Replaces the whole tier list; members' levels follow shortly after. */
export function saveMemberLevels(body: SaveMemberLevelsRequest): Promise<MemberLevel[]> {
  return http.put<MemberLevel[]>('/member-levels', body);
}

export function fetchLoyaltySettings(): Promise<LoyaltySettings> {
  return http.get<LoyaltySettings>('/loyalty-settings');
}

export function saveLoyaltySettings(settings: LoyaltySettings): Promise<LoyaltySettings> {
  return http.put<LoyaltySettings>('/loyalty-settings', settings);
}
