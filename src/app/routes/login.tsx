import type { QueryClient } from '@tanstack/react-query';
import { redirect, type LoaderFunctionArgs } from 'react-router';
import { appConfigQueryOptions } from '../../lib/app-config-query';
import { safeReturnTo } from '../../lib/return-to';
import { PageLoading } from '../../components/ui/page-loading';
import { sessionQueryOptions } from '../../lib/session';

/**
 * Already signed in: straight on to `returnTo` (when it is a path on this site). Else the form, or
 * the proxy notice (the page itself is loaded on demand by the router).
 */
export const loader =
  (queryClient: QueryClient) =>
  async ({ request }: LoaderFunctionArgs) => {
    const [session] = await Promise.all([
      queryClient.ensureQueryData(sessionQueryOptions),
      // Only tells the page whether to show a form; without it, the form is the safe default.
      queryClient.ensureQueryData(appConfigQueryOptions).catch(() => null),
    ]);
    if (session) throw redirect(safeReturnTo(new URL(request.url).searchParams.get('returnTo')));
    return null;
  };

export function HydrateFallback() {
  return <PageLoading className="login" />;
}
