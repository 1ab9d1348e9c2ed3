import type { StaffProfile } from '@shared/api/admin';
import type { StaffLoginRequest } from '@shared/api/admin';
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { ApiRequestError } from '@/api/client';
import { notifyError } from '@/common/feedback';
import { fetchMe, login as loginRequest } from './auth-api';
import { clearToken, getToken, onSessionExpired, saveToken } from './token-store';

type SessionState =
  | { status: 'loading' }
  | { status: 'signedOut' }
  | { status: 'signedIn'; staff: StaffProfile };

interface AuthContextValue {
  session: SessionState;
  login: (credentials: StaffLoginRequest) => Promise<void>;
  logout: () => void;
}

const AuthContext = createContext<AuthContextValue | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<SessionState>(() =>
    getToken() ? { status: 'loading' } : { status: 'signedOut' },
  );

  // A stored token may have expired or its account been disabled: ask the server who we are.
  useEffect(() => {
    if (session.status !== 'loading') return;
    fetchMe()
      .then((staff) => setSession({ status: 'signedIn', staff }))
      .catch((error: unknown) => {
        if (!(error instanceof ApiRequestError && error.status === 401)) notifyError(error);
        clearToken();
        setSession({ status: 'signedOut' });
      });
  }, [session.status]);

  useEffect(() => onSessionExpired(() => setSession({ status: 'signedOut' })), []);

  const login = useCallback(async (credentials: StaffLoginRequest) => {
    const { token, staff } = await loginRequest(credentials);
    saveToken(token);
    setSession({ status: 'signedIn', staff });
  }, []);

  const logout = useCallback(() => {
    clearToken();
    setSession({ status: 'signedOut' });
  }, []);

  const value = useMemo(() => ({ session, login, logout }), [session, login, logout]);
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthContextValue {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth must be used inside <AuthProvider>');
  return value;
}

/** The signed-in staff member; only for components rendered behind the login gate. */
export function useCurrentStaff(): StaffProfile {
  const { session } = useAuth();
  if (session.status !== 'signedIn') throw new Error('useCurrentStaff needs a signed-in session');
  return session.staff;
}
