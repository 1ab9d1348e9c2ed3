import type { SaveCategoryRequest } from '@shared/api/admin';
import type { CategoryNode } from '@shared/api/catalog';
import { http } from '@/api/client';

export function fetchCategoryTree(): Promise<CategoryNode[]> {
  return http.get<CategoryNode[]>('/categories');
}

export function createCategory(body: SaveCategoryRequest): Promise<CategoryNode> {
  return http.post<CategoryNode>('/categories', body);
}

export function updateCategory(id: number, body: SaveCategoryRequest): Promise<CategoryNode> {
  return http.patch<CategoryNode>(`/categories/${id}`, body);
}

export function deleteCategory(id: number): Promise<void> {
  return http.delete<void>(`/categories/${id}`);
}
