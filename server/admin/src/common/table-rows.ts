import type { Paginated } from '@shared/api/common';
import { notifyError } from './feedback';

/** A ProTable `request` answer from a page of an API list; a failed load is notified and leaves the table empty. */
export async function tableRows<T>(page: Promise<Paginated<T>>) {
  try {
    const { items, total } = await page;
    return { data: items, total, success: true };
  } catch (error) {
    notifyError(error);
    return { data: [] as T[], total: 0, success: false };
  }
}
