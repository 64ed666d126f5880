import { useMutation, useQueryClient } from '@tanstack/react-query';
import { authPaths } from '../../../contract/api-paths';
import { SessionResponseSchema, type LoginRequest } from '../../../contract/auth';
import { apiRequest } from '../../../lib/api-client';
import { sessionQueryOptions } from '../../../lib/session';

/** POST /api/session. A 401 here means wrong credentials, not an ended session, so it is not reported as one. */
export function login(body: LoginRequest) {
  return apiRequest(authPaths.session, { method: 'POST', body, schema: SessionResponseSchema, authRequired: false });
}

/** Signs in; on success the cache holds only the new session (nothing of a previous user survives). */
export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: login,
    onSuccess: (session) => {
      queryClient.removeQueries();
      queryClient.setQueryData(sessionQueryOptions.queryKey, session);
    },
  });
}
