import { useMutation, useQueryClient } from '@tanstack/react-query';
import { incidentPaths } from '../../../contract/api-paths';
import { TodoSchema, type CreateTodoRequest } from '../../../contract/incidents';
import { api } from '../../../lib/api-client';
import { incidentQueries } from './incident-queries';

export function createTodo(id: string, body: CreateTodoRequest) {
  return api.post(incidentPaths.todos(id), body, TodoSchema);
}

/** POST /api/incidents/:id/todos: 201 with the todo, added to the incident at once; detail and timeline load again. */
export function useCreateTodo(id: string) {
  const queryClient = useQueryClient();
  const detailKey = incidentQueries.detail(id).queryKey;
  return useMutation({
    mutationFn: (body: CreateTodoRequest) => createTodo(id, body),
    onSuccess: (todo) => {
      queryClient.setQueryData(detailKey, (detail) =>
        detail && !detail.todos.some((t) => t.id === todo.id) ? { ...detail, todos: [...detail.todos, todo] } : detail,
      );
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: detailKey }),
  });
}
