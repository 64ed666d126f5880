import { useMutation, useQueryClient } from '@tanstack/react-query';
import { authPaths } from '../../../contract/api-paths';
import { UserSchema, type CreateUserRequest } from '../../../contract/auth';
import { api } from '../../../lib/api-client';
import { auditQueries } from './audit-queries';
import { userQueries } from './user-queries';

export function createUser(body: CreateUserRequest) {
  return api.post(authPaths.users, body, UserSchema);
}

/** POST /api/users; 409 when the username is taken, 400 with field errors. */
export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createUser,
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: userQueries.lists() }),
        queryClient.invalidateQueries({ queryKey: auditQueries.all() }),
      ]),
  });
}
