import type { UploadResponse } from '@shared/api/admin';
import { http } from '@/api/client';

/** Stores an image on the server; the answer is its root-relative URL (`/uploads/…`). */
export function uploadImage(file: File): Promise<UploadResponse> {
  const form = new FormData();
  form.append('file', file);
  return http.post<UploadResponse>('/uploads', form);
}

export const ACCEPTED_IMAGE_TYPES = 'image/png,image/jpeg,image/webp,image/gif,image/svg+xml';
export const MAX_IMAGE_BYTES = 5 * 1024 * 1024;
