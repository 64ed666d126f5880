import { MutationCache, QueryCache, QueryClient, type DefaultOptions, type Query } from '@tanstack/react-query';
import { isApiError } from './api-client';

/** Retries after a failure, beyond the first attempt. */
export const MAX_RETRIES = 2;

/** Never retry a 4xx (the request was refused; 429 waits for the next poll); retry the rest at most twice. */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (isApiError(error) && error.isClientError) return false;
  return failureCount < MAX_RETRIES;
}

declare module '@tanstack/react-query' {
  interface Register {
    queryMeta: {
      /** The view shows its own stale banner for failed refreshes, so no toast is needed. */
      staleBanner?: boolean;
    };
  }
}

export interface CreateQueryClientOptions {
  /** A background refetch of data already on screen failed (and the view has no stale banner of its own). */
  onBackgroundError?: (error: unknown, query: Query<unknown, unknown, unknown>) => void;
  /** Tests turn retries and delays off here. */
  defaultOptions?: DefaultOptions;
}

export function createQueryClient(options: CreateQueryClientOptions = {}): QueryClient {
  const { onBackgroundError, defaultOptions } = options;
  return new QueryClient({
    queryCache: new QueryCache({
      onError: (error, query) => {
        // First loads go to the route's error boundary; only refreshes of data on screen land here.
        if (query.state.data === undefined) return;
        if (query.meta?.staleBanner) return;
        // A 401 sends the user to the sign-in page (useRedirectWhenSignedOut); no notice for it.
        if (isApiError(error) && error.status === 401) return;
        onBackgroundError?.(error, query);
      },
    }),
    // Mutation errors are shown inline, next to what failed, by the component that ran it.
    mutationCache: new MutationCache(),
    defaultOptions: {
      ...defaultOptions,
      queries: {
        retry: shouldRetry,
        staleTime: 15_000,
        ...defaultOptions?.queries,
      },
      mutations: {
        retry: false,
        ...defaultOptions?.mutations,
      },
    },
  });
}
