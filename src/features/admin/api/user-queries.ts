import { queryOptions } from '@tanstack/react-query';
import { authPaths } from '../../../contract/api-paths';
import { UserListResponseSchema } from '../../../contract/auth';
import { api } from '../../../lib/api-client';

/**
 * Query keys and options for users, from generic to specific: all() -> lists() -> list().
 * Invalidate through these, never through literal arrays.
 */
export const userQueries = {
  all: () => ['users'] as const,
  lists: () => [...userQueries.all(), 'list'] as const,
  list: () =>
    queryOptions({
      queryKey: [...userQueries.lists(), 'all'] as const,
      queryFn: ({ signal }) => api.get(authPaths.users, UserListResponseSchema, signal),
      staleTime: 10_000,
    }),
};
