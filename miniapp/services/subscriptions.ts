import type { SubscribeAnswersRequest, SubscribeTemplate } from '@shared/api/payments';
import { request } from './request';

let cached: Promise<SubscribeTemplate[]> | null = null;

/** The shop's subscribe-message templates, asked once per launch (an error is retried next time). */
export function fetchSubscribeTemplates(): Promise<SubscribeTemplate[]> {
  cached ??= request<SubscribeTemplate[]>('/subscribe-templates', { toast: false }).catch((error) => {
    cached = null;
    throw error;
  });
  return cached;
}

export function saveSubscribeAnswers(body: SubscribeAnswersRequest): Promise<void> {
  return request<void>('/me/subscriptions', { method: 'POST', body, toast: false });
}
