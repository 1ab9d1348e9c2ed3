import Taro from '@tarojs/taro';
import { useSyncExternalStore } from 'react';
import type { MemberProfile } from '@shared/api/members';
import { cartBadge } from './cart-badge';

/** The shopper's sign-in: the JWT (kept in storage across launches) and the profile last fetched with it. */
export interface Session {
  token: string | null;
  profile: MemberProfile | null;
}

const TOKEN_KEY = 'storefront.token';
const listeners = new Set<() => void>();
let current: Session = { token: Taro.getStorageSync(TOKEN_KEY) || null, profile: null };

function update(next: Session) {
  current = next;
  listeners.forEach((listener) => listener());
}

export const session = {
  get: (): Session => current,
  subscribe(listener: () => void) {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  signIn(token: string, profile: MemberProfile) {
    Taro.setStorageSync(TOKEN_KEY, token);
    update({ token, profile });
  },
  setProfile(profile: MemberProfile) {
    update({ ...current, profile });
  },
  signOut() {
    Taro.removeStorageSync(TOKEN_KEY);
    cartBadge.set(0);
    update({ token: null, profile: null });
  },
};

/** Re-renders the caller whenever the shopper signs in or out or the profile changes. */
export function useSession(): Session {
  return useSyncExternalStore(session.subscribe, session.get);
}
