import { App } from 'antd';
import type { MessageInstance } from 'antd/es/message/interface';
import { useEffect } from 'react';
import { ApiRequestError, isConflict } from '@/api/client';

/**
 * Errors surface from request code that lives outside React; this keeps the antd message instance of <App>
 * (which carries the theme and locale) reachable from there.
 */
let messageApi: MessageInstance | null = null;

export function FeedbackBridge() {
  const { message } = App.useApp();
  useEffect(() => {
    messageApi = message;
    return () => {
      messageApi = null;
    };
  }, [message]);
  return null;
}

/** What a person reads for a failed request (or a problem already worded for them). */
export function errorText(error: unknown): string {
  if (typeof error === 'string') return error;
  if (error instanceof ApiRequestError) {
    // 403 FORBIDDEN: the role may not do this at all; the wording is fixed so every page says it the same way.
    // Other 403 codes (a limit of the role, e.g. POINTS_ADJUST_LIMIT_EXCEEDED) carry their own explanation.
    if (error.status === 403 && error.code === 'FORBIDDEN') return '无权限：当前账号的角色不能执行此操作';
    return error.message;
  }
  return '操作失败，请稍后重试';
}

export function notifyError(error: unknown): void {
  // A 401 already sends the person to the login page; a second message would only add noise.
  if (error instanceof ApiRequestError && error.status === 401) return;
  messageApi?.error(errorText(error));
}

export function notifySuccess(text: string): void {
  messageApi?.success(text);
}

/**
 * Runs a staff action (ship, cancel, approve…): the success text when it works; otherwise the server's
 * message, and on a 409 (someone else changed it meanwhile) `onStale`, so the screen re-reads what is true now.
 * Answers whether it worked (a ModalForm closes on true).
 */
export async function runStaffAction(action: () => Promise<unknown>, successText: string, onStale: () => void): Promise<boolean> {
  try {
    await action();
    notifySuccess(successText);
    return true;
  } catch (error) {
    notifyError(error);
    if (isConflict(error)) onStale();
    return false;
  }
}
