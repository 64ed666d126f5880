import { queryOptions, useQueryClient, useSuspenseQuery, type QueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef } from 'react';
import { data, redirect, useLocation, useNavigate, useNavigation } from 'react-router';
import { authPaths } from '../contract/api-paths';
import { roleAtLeast, SessionResponseSchema, type Role, type SessionResponse } from '../contract/auth';
import { paths } from '../config/paths';
import { apiRequest, isApiError, onUnauthenticated } from './api-client';
import { signInHref } from './return-to';

/**
 * Who is signed in. A 401 from GET /api/session is an answer, not a failure:
 * the query resolves to null ("nobody"), and every other error throws as usual.
 */
export async function fetchSession(signal?: AbortSignal): Promise<SessionResponse | null> {
  try {
    return await apiRequest(authPaths.session, { schema: SessionResponseSchema, signal, authRequired: false });
  } catch (error) {
    if (isApiError(error) && error.status === 401) return null;
    throw error;
  }
}

export const sessionQueryOptions = queryOptions({
  queryKey: ['session'] as const,
  queryFn: ({ signal }) => fetchSession(signal),
  // Checked again now and then (and on focus): a disabled user or an ended session shows up as null.
  staleTime: 60_000,
});

/** The session, or null when nobody is signed in. Suspends until known (route loaders load it first). */
export function useSession(): SessionResponse | null {
  return useSuspenseQuery(sessionQueryOptions).data;
}

/** The signed-in user's role, or null. */
export function useRole(): Role | null {
  return useSession()?.user.role ?? null;
}

/** True when the signed-in user has at least `minRole`. The BFF enforces the same rule regardless. */
export function useCan(minRole: Role): boolean {
  const role = useRole();
  return role !== null && roleAtLeast(role, minRole);
}

function pathAndSearch(requestUrl: string): { pathname: string; search: string } {
  const url = new URL(requestUrl);
  return { pathname: url.pathname, search: url.search };
}

/** For loaders: the session, or a redirect to the sign-in page that comes back to this URL. */
export async function requireSession(queryClient: QueryClient, request: Request): Promise<SessionResponse> {
  const session = await queryClient.ensureQueryData(sessionQueryOptions);
  if (!session) throw redirect(signInHref(pathAndSearch(request.url)));
  return session;
}

/** What a route loader throws (status 403) when the role is too low; the route error boundary explains it. */
export interface RoleRequired {
  needed: Role;
  role: Role;
  username: string;
}

export function isRoleRequired(value: unknown): value is RoleRequired {
  return typeof value === 'object' && value !== null && 'needed' in value && 'role' in value;
}

/** For loaders: the session if its role is at least `minRole`; else a 403 the error boundary shows as "You need the … role". */
export async function requireRole(queryClient: QueryClient, request: Request, minRole: Role): Promise<SessionResponse> {
  const session = await requireSession(queryClient, request);
  if (!roleAtLeast(session.user.role, minRole)) {
    const body: RoleRequired = { needed: minRole, role: session.user.role, username: session.user.username };
    throw data(body, { status: 403, statusText: 'Forbidden' });
  }
  return session;
}

/** What survives leaving the signed-in area: whether anyone is signed in, and the BFF's public config. */
const KEPT_WHEN_SIGNED_OUT = new Set<unknown>([sessionQueryOptions.queryKey[0], 'app-config']);

/**
 * Forgets everything the previous user loaded or changed, except the session and
 * the public config (run after the sign-in page is reached: a rollback or refetch
 * of the page just left may have put data back in the meantime).
 */
export function forgetUserData(queryClient: QueryClient): void {
  queryClient.removeQueries({ predicate: (query) => !KEPT_WHEN_SIGNED_OUT.has(query.queryKey[0]) });
  queryClient.getMutationCache().clear();
}

/**
 * For the signed-in shell: when any call answers 401 (session expired, user
 * disabled), or the session turns out to be gone, clear the whole cache (the
 * next user must not see this user's data) and go to the sign-in page, which
 * comes back here afterwards.
 */
export function useRedirectWhenSignedOut(session: SessionResponse | null | undefined): void {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const location = useLocation();
  const navigation = useNavigation();
  // While a page is loading, come back to the page that was asked for.
  const target = navigation.location ?? location;
  const targetRef = useRef(target);
  const redirecting = useRef(false);
  useEffect(() => {
    targetRef.current = target;
  });

  const redirectToSignIn = useCallback(() => {
    const here = targetRef.current;
    if (redirecting.current || here.pathname === paths.login.path) return;
    redirecting.current = true;
    queryClient.clear();
    void Promise.resolve(navigate(signInHref(here), { replace: true })).then(() => forgetUserData(queryClient));
  }, [queryClient, navigate]);

  useEffect(() => onUnauthenticated(() => redirectToSignIn()), [redirectToSignIn]);
  useEffect(() => {
    if (session === null) redirectToSignIn();
  }, [session, redirectToSignIn]);
}
