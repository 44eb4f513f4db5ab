import { useQueryClient } from '@tanstack/react-query';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { Navigate, Outlet, useLocation } from 'react-router';
import { consoleLoginTexts, consoleTexts } from '../texts/index.ts';
import {
  isAdmin,
  isCoordinator,
  StaffApiError,
  type StaffSession,
  setCsrfToken,
  setUnauthenticatedHandler,
  staffApi,
} from './api.ts';

type Status = 'loading' | 'anonymous' | 'authenticated';

interface SessionContextValue {
  status: Status;
  session: StaffSession | null;
  /** A message for the login page: the session expired, or the user logged out. */
  notice: string | null;
  /** Where to go after logging in (the page that found the session gone). */
  returnTo: string | null;
  /** After login or TOTP confirmation: store the new session (and its CSRF token). */
  establish: (session: StaffSession) => void;
  refresh: () => Promise<void>;
  logout: () => Promise<void>;
  clearNotice: () => void;
  /** After a login: failed logins on the account since the previous one (shown once, until read). */
  failedLogins: { count: number; since: string } | null;
  dismissFailedLogins: () => void;
}

const SessionContext = createContext<SessionContextValue | null>(null);

export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const [status, setStatus] = useState<Status>('loading');
  const [session, setSession] = useState<StaffSession | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [returnTo, setReturnTo] = useState<string | null>(null);
  const [failedLogins, setFailedLogins] = useState<{ count: number; since: string } | null>(null);
  const location = useLocation();
  const here = `${location.pathname}${location.search}`;
  const queryClient = useQueryClient();

  const establish = useCallback((next: StaffSession) => {
    setCsrfToken(next.csrfToken);
    setSession(next);
    setStatus('authenticated');
    setNotice(null);
    // Only the login's answer has it; GET /me leaves the notice as it is.
    if (next.failedLogins !== undefined) setFailedLogins(next.failedLogins);
  }, []);

  const drop = useCallback(
    (message: string | null) => {
      // Nothing fetched for one user stays behind for the next.
      queryClient.clear();
      setCsrfToken(null);
      setSession(null);
      setStatus('anonymous');
      setNotice(message);
      setFailedLogins(null);
    },
    [queryClient],
  );

  const refresh = useCallback(async () => {
    try {
      establish(await staffApi.me());
    } catch (err) {
      if (err instanceof StaffApiError && err.status === 401) {
        drop(err.code === 'SESSION_EXPIRED' ? consoleTexts.sessionExpired : null);
      } else {
        // No answer: treat as logged out, the login page says what is wrong when it is tried.
        drop(err instanceof StaffApiError ? err.message : consoleTexts.networkError);
      }
    }
  }, [establish, drop]);

  // GET /me once on load.
  useEffect(() => {
    void refresh();
  }, []);

  // Any request that finds the session gone sends the user to the login page, remembering the page.
  useEffect(() => {
    setUnauthenticatedHandler((code) => {
      setReturnTo(here.startsWith('/balie/inloggen') ? null : here);
      drop(code === 'SESSION_EXPIRED' ? consoleTexts.sessionExpired : consoleTexts.notAuthenticated);
    });
    return () => setUnauthenticatedHandler(null);
  }, [here, drop]);

  const logout = useCallback(async () => {
    try {
      await staffApi.logout();
    } catch {
      // Logged out locally either way; the cookie dies with its session.
    }
    setReturnTo(null);
    drop(consoleLoginTexts.loggedOut);
  }, [drop]);

  const value = useMemo<SessionContextValue>(
    () => ({
      status,
      session,
      notice,
      returnTo,
      establish,
      refresh,
      logout,
      clearNotice: () => setNotice(null),
      failedLogins,
      dismissFailedLogins: () => setFailedLogins(null),
    }),
    [status, session, notice, returnTo, establish, refresh, logout, failedLogins],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function Loading() {
  return (
    <p className="utrecht-paragraph" role="status">
      {consoleTexts.loading}
    </p>
  );
}

/** Pages behind the login; with `enrolment` the page is also open to a session that must set up TOTP. */
export function RequireSession({ enrolment = false }: { enrolment?: boolean }) {
  const { status, session, notice } = useSession();
  const location = useLocation();
  if (status === 'loading') return <Loading />;
  if (status === 'anonymous' || !session) {
    // After "Uitloggen" the next login starts at the queue, not at the page where the user left.
    const state =
      notice === consoleLoginTexts.loggedOut ? null : { from: `${location.pathname}${location.search}` };
    return <Navigate to="/balie/inloggen" replace state={state} />;
  }
  if (session.totpEnrolmentRequired && !enrolment)
    return <Navigate to="/balie/tweestapsverificatie" replace />;
  return <Outlet />;
}

/** Coordinator and admin pages; the API refuses others anyway. */
export function RequireCoordinator() {
  const { session } = useSession();
  if (!isCoordinator(session?.user)) return <Navigate to="/balie" replace />;
  return <Outlet />;
}

/** Admin pages; the API refuses others anyway. */
export function RequireAdmin() {
  const { session } = useSession();
  if (!isAdmin(session?.user)) return <Navigate to="/balie" replace />;
  return <Outlet />;
}
