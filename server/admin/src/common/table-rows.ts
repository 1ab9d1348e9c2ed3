import type { Paginated } from '@shared/api/common';
import { errorText, notifyError } from './feedback';

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

/**
 * A ProTable `request` answer for a table whose empty state shows the failure (an error with 重试) instead of a
 * toast: `onFailure` gets the message on a failed load and null on a good one.
 */
export async function tableRowsOrFailure<T>(page: Promise<Paginated<T>>, onFailure: (message: string | null) => void) {
  try {
    const { items, total } = await page;
    onFailure(null);
    return { data: items, total, success: true };
  } catch (error) {
    onFailure(errorText(error));
    return { data: [] as T[], total: 0, success: false };
  }
}
