import type { CreateStaffRequest, StaffProfile, UpdateStaffRequest } from '@shared/api/admin';
import type { Paginated } from '@shared/api/common';
import { http } from '@/api/client';

export function fetchStaff(query: { page: number; pageSize: number }): Promise<Paginated<StaffProfile>> {
  return http.get<Paginated<StaffProfile>>('/staff', query);
}

export function createStaff(body: CreateStaffRequest): Promise<StaffProfile> {
  return http.post<StaffProfile>('/staff', body);
}

export function updateStaff(id: number, body: UpdateStaffRequest): Promise<StaffProfile> {
  return http.patch<StaffProfile>(`/staff/${id}`, body);
}
