import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { authPaths } from '../../../contract/api-paths';
import { paths } from '../../../config/paths';
import { apiRequest, isApiError } from '../../../lib/api-client';
import { forgetUserData } from '../../../lib/session';

/** DELETE /api/session. A 401 means the session had already ended: signed out either way. */
export async function signOut(): Promise<void> {
  try {
    await apiRequest(authPaths.session, { method: 'DELETE', authRequired: false });
  } catch (error) {
    if (isApiError(error) && error.status === 401) return;
    throw error;
  }
}

/**
 * Signs out, clears the whole cache and goes to the sign-in page. Not a
 * useMutation: clearing the cache also clears the mutation cache.
 */
export function useSignOut() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [state, setState] = useState<{ pending: boolean; error: unknown }>({ pending: false, error: null });
  const run = async () => {
    setState({ pending: true, error: null });
    try {
      await signOut();
    } catch (error) {
      // The server still has the session: stay, and say so.
      setState({ pending: false, error });
      return;
    }
    queryClient.clear();
    await navigate(paths.login.getHref(), { replace: true });
    forgetUserData(queryClient);
  };
  return { signOut: run, isPending: state.pending, error: state.error };
}
