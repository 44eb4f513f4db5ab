import { type UseMutationResult, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { Navigate, Outlet, useLocation } from 'react-router';
import { staffLoginTexts, staffTexts } from '../texts/index.ts';
import {
  isAdmin,
  isCoordinator,
  StaffApiError,
  type StaffSession,
  setCsrfToken,
  setUnauthenticatedHandler,
  staffApi,
} from './api.ts';
import { keys } from './query/query-client.tsx';

type Status = 'loading' | 'anonymous' | 'authenticated';
type LoginInput = Parameters<typeof staffApi.login>[0];

interface SessionContextValue {
  status: Status;
  session: StaffSession | null;
  /** A message for the login page: the session expired, or the user logged out. */
  notice: string | null;
  /** Where to go after logging in (the page that found the session gone). */
  returnTo: string | null;
  /** POST /login; on success the session (and its CSRF token) is the session query's data. */
  login: UseMutationResult<StaffSession, StaffApiError, LoginInput>;
  /** POST /logout; logged out locally either way. */
  logout: UseMutationResult<void, StaffApiError, void>;
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

/** GET /me: the session, or null (with the reason) when there is none. Other failures are errors. */
async function readSession(): Promise<{ session: StaffSession | null; expired: boolean }> {
  try {
    const session = await staffApi.me();
    setCsrfToken(session.csrfToken);
    return { session, expired: false };
  } catch (err) {
    if (err instanceof StaffApiError && err.status === 401)
      return { session: null, expired: err.code === 'SESSION_EXPIRED' };
    throw err;
  }
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const [notice, setNotice] = useState<string | null>(null);
  const [returnTo, setReturnTo] = useState<string | null>(null);
  const [failedLogins, setFailedLogins] = useState<{ count: number; since: string } | null>(null);
  const location = useLocation();
  const here = `${location.pathname}${location.search}`;
  const queryClient = useQueryClient();
  // The session is read once; login, TOTP and logout write or invalidate it.
  const sessionQuery = useQuery({ queryKey: keys.session, queryFn: readSession, staleTime: Infinity });

  useEffect(() => {
    if (sessionQuery.data?.expired) setNotice(staffTexts.sessionExpired);
  }, [sessionQuery.data]);
  useEffect(() => {
    // No answer: treat as logged out, the login page says what is wrong when it is tried.
    const err = sessionQuery.error;
    if (err) setNotice(err instanceof StaffApiError ? err.message : staffTexts.networkError);
  }, [sessionQuery.error]);

  const drop = useCallback(
    (message: string | null) => {
      // Nothing fetched for one user stays behind for the next.
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== keys.session[0] });
      queryClient.setQueryData(keys.session, { session: null, expired: false });
      setCsrfToken(null);
      setNotice(message);
      setFailedLogins(null);
    },
    [queryClient],
  );

  // Any request that finds the session gone sends the user to the login page, remembering the page.
  useEffect(() => {
    setUnauthenticatedHandler((code) => {
      setReturnTo(here.startsWith('/balie/inloggen') ? null : here);
      drop(code === 'SESSION_EXPIRED' ? staffTexts.sessionExpired : staffTexts.notAuthenticated);
    });
    return () => setUnauthenticatedHandler(null);
  }, [here, drop]);

  const login = useMutation<StaffSession, StaffApiError, LoginInput>({
    mutationFn: staffApi.login,
    onSuccess: (next) => {
      setCsrfToken(next.csrfToken);
      queryClient.setQueryData(keys.session, { session: next, expired: false });
      setNotice(null);
      // Only the login's answer has it; GET /me leaves the notice as it is.
      if (next.failedLogins !== undefined) setFailedLogins(next.failedLogins);
    },
  });

  const logout = useMutation<void, StaffApiError, void>({
    mutationFn: staffApi.logout,
    // Logged out locally either way; the cookie dies with its session.
    onSettled: () => {
      setReturnTo(null);
      drop(staffLoginTexts.loggedOut);
    },
  });

  const session = sessionQuery.data?.session ?? null;
  const status: Status = sessionQuery.isPending ? 'loading' : session ? 'authenticated' : 'anonymous';
  const value = useMemo<SessionContextValue>(
    () => ({
      status,
      session,
      notice,
      returnTo,
      login,
      logout,
      clearNotice: () => setNotice(null),
      failedLogins,
      dismissFailedLogins: () => setFailedLogins(null),
    }),
    [status, session, notice, returnTo, login, logout, failedLogins],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

/** TOTP enrolment: a new secret, then its confirmation, after which the session is read again. */
export function useTotpEnrolment() {
  const queryClient = useQueryClient();
  const setup = useMutation({ mutationFn: staffApi.totpSetup });
  const confirm = useMutation<void, StaffApiError, string>({
    mutationFn: staffApi.totpConfirm,
    // Not awaited: the page notes the success before the new session sends it on to the queue.
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: keys.session });
    },
  });
  return { setup, confirm };
}

export function Loading() {
  return (
    <p className="utrecht-paragraph" role="status">
      {staffTexts.loading}
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
      notice === staffLoginTexts.loggedOut ? null : { from: `${location.pathname}${location.search}` };
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
