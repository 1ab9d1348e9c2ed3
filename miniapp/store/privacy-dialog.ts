import { useSyncExternalStore } from 'react';

/** 'first': before the first login or a privacy feature; 'updated': a signed-in member, the policy changed since. */
export type ConsentPrompt = 'first' | 'updated';

export interface PrivacyDialogState {
  open: boolean;
  prompt: ConsentPrompt;
}

const listeners = new Set<() => void>();
let current: PrivacyDialogState = { open: false, prompt: 'first' };
let waiting: ((agreed: boolean) => void)[] = [];

function update(next: PrivacyDialogState) {
  current = next;
  listeners.forEach((listener) => listener());
}

/**
 * The one consent dialog (用户协议 + 隐私政策). Pages place <PrivacyConsentDialog/>; whoever needs consent asks
 * here and waits for the shopper's answer. Asks made while it is open share the one answer.
 */
export const privacyDialog = {
  get: (): PrivacyDialogState => current,
  subscribe(listener: () => void) {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  ask(prompt: ConsentPrompt): Promise<boolean> {
    if (!current.open) update({ open: true, prompt });
    return new Promise((resolve) => waiting.push(resolve));
  },
  answer(agreed: boolean) {
    const answered = waiting;
    waiting = [];
    update({ ...current, open: false });
    answered.forEach((resolve) => resolve(agreed));
  },
};

export function usePrivacyDialog(): PrivacyDialogState {
  return useSyncExternalStore(privacyDialog.subscribe, privacyDialog.get);
}
