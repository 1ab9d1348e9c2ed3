import type { AdminMemberDetail, AdminMemberRow } from '@shared/api/admin';
import type { Paginated } from '@shared/api/common';
import { http } from '@/api/client';

export function fetchMembers(query: { keyword?: string; page: number; pageSize: number }): Promise<Paginated<AdminMemberRow>> {
  return http.get<Paginated<AdminMemberRow>>('/members', query);
}

export function fetchMember(id: number): Promise<AdminMemberDetail> {
  return http.get<AdminMemberDetail>(`/members/${id}`);
}
