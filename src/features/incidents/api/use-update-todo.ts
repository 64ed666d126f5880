import { useMutation, useQueryClient } from '@tanstack/react-query';
import { incidentPaths } from '../../../contract/api-paths';
import { TodoSchema, type UpdateTodoRequest } from '../../../contract/incidents';
import { api } from '../../../lib/api-client';
import { incidentMutationKeys, incidentQueries } from './incident-queries';

export interface UpdateTodoVariables {
  todoId: string;
  change: UpdateTodoRequest;
}

export function updateTodo(id: string, { todoId, change }: UpdateTodoVariables) {
  return api.patch(incidentPaths.todo(id, todoId), change, TodoSchema);
}

/** PATCH a todo (complete, reopen or reword): shows at once, rolled back if refused. */
export function useUpdateTodo(id: string) {
  const queryClient = useQueryClient();
  const detailKey = incidentQueries.detail(id).queryKey;
  const mutationKey = incidentMutationKeys.todo(id);
  return useMutation({
    mutationKey,
    mutationFn: (vars: UpdateTodoVariables) => updateTodo(id, vars),
    onMutate: async ({ todoId, change }) => {
      await queryClient.cancelQueries({ queryKey: detailKey, exact: true });
      const previous = queryClient.getQueryData(detailKey);
      if (previous) {
        const now = Date.now();
        queryClient.setQueryData(detailKey, {
          ...previous,
          todos: previous.todos.map((t) =>
            t.id !== todoId
              ? t
              : {
                  ...t,
                  ...(change.content !== undefined ? { content: change.content } : {}),
                  ...(change.completed !== undefined ? { completedAt: change.completed ? now : null } : {}),
                },
          ),
        });
      }
      return { previous };
    },
    onError: (_error, _vars, context) => {
      if (context?.previous) queryClient.setQueryData(detailKey, context.previous);
    },
    onSuccess: (todo) => {
      queryClient.setQueryData(detailKey, (detail) =>
        detail ? { ...detail, todos: detail.todos.map((t) => (t.id === todo.id ? todo : t)) } : detail,
      );
    },
    onSettled: () => {
      if (queryClient.isMutating({ mutationKey }) > 1) return;
      return queryClient.invalidateQueries({ queryKey: detailKey });
    },
  });
}
