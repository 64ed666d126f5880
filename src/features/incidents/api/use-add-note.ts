import { useMutation, useQueryClient } from '@tanstack/react-query';
import { incidentPaths } from '../../../contract/api-paths';
import { TimelineEntrySchema, type NoteRequest } from '../../../contract/incidents';
import { api } from '../../../lib/api-client';
import { incidentQueries } from './incident-queries';

export function addNote(id: string, body: NoteRequest) {
  return api.post(incidentPaths.notes(id), body, TimelineEntrySchema);
}

/** POST /api/incidents/:id/notes: 201 with the timeline entry, which shows at once; the timeline then loads again. */
export function useAddNote(id: string) {
  const queryClient = useQueryClient();
  const timelineKey = incidentQueries.timeline(id).queryKey;
  return useMutation({
    mutationFn: (body: NoteRequest) => addNote(id, body),
    onSuccess: (entry) => {
      queryClient.setQueryData(timelineKey, (timeline) =>
        timeline && !timeline.entries.some((e) => e.id === entry.id) ? { ...timeline, entries: [...timeline.entries, entry] } : timeline,
      );
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: timelineKey }),
  });
}
