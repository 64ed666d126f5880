import type { TodoRow } from '../store/incident-rows';
import type { UserLookup } from './incident-view';
import { isoMicro, isoSeconds, US_PER_S } from './time';
import { embedUser, userRef } from './user-view';

/** Whole seconds print without a fraction, as the recordings show due_date and completed. */
function isoCompact(us: number | null): string | null {
  if (us === null) return null;
  return us % US_PER_S === 0 ? isoSeconds(us) : isoMicro(us);
}

/** One todo; create and update answers embed created_by/last_modified_by users (REC), GET and list do not. */
export function renderTodo(t: TodoRow, user: UserLookup, embedUsers: boolean): Record<string, unknown> {
  const creator = user(t.created_by);
  const modifier = user(t.modified_by);
  return {
    type: 'incident_todos',
    id: t.id,
    attributes: {
      created: isoMicro(t.created_us),
      modified: isoMicro(t.modified_us),
      completed: isoCompact(t.completed_us),
      due_date: isoCompact(t.due_us),
      assignees: t.assignees,
      content: t.content,
      ...(embedUsers ? { created_by: embedUser(creator) } : {}),
      created_by_uuid: creator?.uuid ?? null,
      incident_id: t.incident_id,
      ...(embedUsers ? { last_modified_by: embedUser(modifier) } : {}),
      last_modified_by_uuid: modifier?.uuid ?? null,
    },
    relationships: {
      created_by_user: { data: userRef(creator) },
      last_modified_by_user: { data: userRef(modifier) },
    },
  };
}
