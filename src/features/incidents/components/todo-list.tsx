import { useId, useState, type FormEvent } from 'react';
import { CreateTodoRequestSchema, type IncidentDetail, type Todo } from '../../../contract/incidents';
import { InlineError } from '../../../components/errors/inline-error';
import { RelativeTime } from '../../../components/ui/relative-time';
import { serverFieldErrors, zodFieldErrors } from '../../../lib/field-errors';
import { useCreateTodo } from '../api/use-create-todo';
import { useUpdateTodo } from '../api/use-update-todo';

function TodoMeta({ todo }: { todo: Todo }) {
  if (todo.assignees.length === 0 && todo.dueAt === null) return null;
  return (
    <span className="todo__meta">
      {todo.assignees.length > 0 && <span>{todo.assignees.join(', ')}</span>}
      {todo.dueAt !== null && (
        <span>
          due <RelativeTime at={todo.dueAt} />
        </span>
      )}
    </span>
  );
}

/** One todo: a checkbox completes or reopens it (shows at once, rolled back if refused). */
function TodoItem({ incidentId, todo, canChange }: { incidentId: string; todo: Todo; canChange: boolean }) {
  const update = useUpdateTodo(incidentId);
  const done = todo.completedAt !== null;
  return (
    <li className={`todo${done ? ' is-done' : ''}`}>
      {canChange ? (
        <label className="checkbox todo__label">
          <input
            type="checkbox"
            checked={done}
            onChange={() => {
              update.reset();
              update.mutate({ todoId: todo.id, change: { completed: !done } });
            }}
          />
          <span className="todo__content">{todo.content}</span>
        </label>
      ) : (
        <span className="todo__label">
          <span className="todo__mark" aria-hidden="true">
            {done ? '☑' : '☐'}
          </span>
          <span className="todo__content">{todo.content}</span>
          <span className="visually-hidden">{done ? ' (done)' : ' (open)'}</span>
        </span>
      )}
      <TodoMeta todo={todo} />
      {update.isPending && (
        <span className="pending-chip" role="status">
          Saving…
        </span>
      )}
      {update.error != null && (
        <InlineError error={update.error} prefix={done ? 'Not reopened' : 'Not completed'} />
      )}
    </li>
  );
}

function AddTodoForm({ incidentId }: { incidentId: string }) {
  const create = useCreateTodo(incidentId);
  const id = useId();
  const [content, setContent] = useState('');
  const [error, setError] = useState<string | null>(null);
  const fieldError = error ?? serverFieldErrors(create.error).content ?? null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = CreateTodoRequestSchema.safeParse({ content });
    if (!parsed.success) {
      setError(zodFieldErrors(parsed.error).content ?? 'Write the todo');
      return;
    }
    setError(null);
    create.mutate(parsed.data, {
      onSuccess: () => {
        setContent('');
        create.reset();
      },
    });
  };

  return (
    <form className="todo-add" noValidate onSubmit={submit}>
      <div className="todo-add__row">
        <label className="visually-hidden" htmlFor={id}>
          New todo
        </label>
        <input
          id={id}
          className="input"
          value={content}
          maxLength={1000}
          placeholder="New todo…"
          aria-invalid={fieldError ? true : undefined}
          aria-describedby={fieldError ? `${id}-error` : undefined}
          onChange={(e) => {
            setContent(e.target.value);
            if (error) setError(null);
          }}
        />
        <button type="submit" className="btn btn--sm" disabled={create.isPending}>
          {create.isPending ? 'Adding…' : 'Add todo'}
        </button>
      </div>
      {fieldError && (
        <p className="field__error" id={`${id}-error`}>
          {fieldError}
        </p>
      )}
      {create.error != null && !serverFieldErrors(create.error).content && <InlineError error={create.error} prefix="The todo was not added" />}
    </form>
  );
}

/** The incident's todos, in the order they were added; responders add, complete and reopen them. */
export function TodoList({ incident, canChange }: { incident: IncidentDetail; canChange: boolean }) {
  const titleId = useId();
  const done = incident.todos.filter((t) => t.completedAt !== null).length;
  return (
    <section className="card card--padded todos" aria-labelledby={titleId}>
      <div className="todos__head">
        <h2 id={titleId}>Todos</h2>
        {incident.todos.length > 0 && (
          <span className="muted-text">
            {done} of {incident.todos.length} done
          </span>
        )}
      </div>
      {incident.todos.length === 0 ? (
        <p className="muted-text todos__empty">No todos yet.</p>
      ) : (
        <ul className="todo-list" aria-label="Todos">
          {incident.todos.map((t) => (
            <TodoItem key={t.id} incidentId={incident.id} todo={t} canChange={canChange} />
          ))}
        </ul>
      )}
      {canChange && <AddTodoForm incidentId={incident.id} />}
    </section>
  );
}
