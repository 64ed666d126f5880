import { useMutation, useQueryClient } from '@tanstack/react-query';
import { authPaths } from '../../../contract/api-paths';
import { UserSchema, type UpdateUserRequest } from '../../../contract/auth';
import { api } from '../../../lib/api-client';
import { auditQueries } from './audit-queries';
import { userQueries } from './user-queries';

export interface UpdateUserVariables {
  username: string;
  change: UpdateUserRequest;
}

export function updateUser({ username, change }: UpdateUserVariables) {
  return api.patch(authPaths.user(username), change, UserSchema);
}

/**
 * PATCH /api/users/:username: role, disabled, or a new password. The BFF answers
 * 400 when an admin demotes or disables themselves, 409 when it would leave no admin.
 */
export function useUpdateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateUser,
    onSuccess: (user) => {
      queryClient.setQueryData(userQueries.list().queryKey, (list) =>
        list ? { ...list, users: list.users.map((u) => (u.username === user.username ? user : u)) } : list,
      );
    },
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: userQueries.lists() }),
        queryClient.invalidateQueries({ queryKey: auditQueries.all() }),
      ]),
  });
}
