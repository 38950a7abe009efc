/**
 * Session state. On start it asks GET /auth/me (the cookie decides); login/logout go through
 * the API client, which keeps the CSRF token in memory. A 401 on any later request (expired or
 * revoked session) drops the user back to the sign-in page.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import * as client from './api';
import type { SessionUser } from '../../shared/api-types';
import type { Role } from '../../shared/roles';

export type AuthStatus = 'loading' | 'anonymous' | 'authenticated';

export interface Auth {
  status: AuthStatus;
  user: SessionUser | null;
  /** True when the session ended on its own (401 during use), for a notice on the login page. */
  isExpired: boolean;
  login: (username: string, password: string) => Promise<SessionUser>;
  logout: () => Promise<void>;
  hasRole: (...roles: Role[]) => boolean;
}

const AuthContext = createContext<Auth | null>(null);

interface State {
  status: AuthStatus;
  user: SessionUser | null;
  isExpired: boolean;
}

export function AuthProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<State>({ status: 'loading', user: null, isExpired: false });

  useEffect(() => {
    let cancelled = false;
    client
      .fetchMe()
      .then((res) => {
        if (!cancelled) setState({ status: 'authenticated', user: res.user, isExpired: false });
      })
      .catch(() => {
        if (!cancelled) setState({ status: 'anonymous', user: null, isExpired: false });
      });
    client.setUnauthorizedHandler(() => {
      client.setCsrfToken(null);
      setState((s) => ({ status: 'anonymous', user: null, isExpired: s.status === 'authenticated' }));
    });
    return () => {
      cancelled = true;
      client.setUnauthorizedHandler(null);
    };
  }, []);

  const login = useCallback(async (username: string, password: string) => {
    const res = await client.login(username, password);
    setState({ status: 'authenticated', user: res.user, isExpired: false });
    return res.user;
  }, []);

  const logout = useCallback(async () => {
    try {
      await client.logout();
    } catch {
      // the session is dropped locally even when the server cannot be reached
    }
    setState({ status: 'anonymous', user: null, isExpired: false });
  }, []);

  const value = useMemo<Auth>(
    () => ({
      ...state,
      login,
      logout,
      hasRole: (...roles: Role[]) => !!state.user?.roles.some((r) => roles.some((role) => role === r.role)),
    }),
    [state, login, logout],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): Auth {
  const ctx = useContext(AuthContext);
  if (!ctx) throw new Error('useAuth must be used inside <AuthProvider>');
  return ctx;
}
