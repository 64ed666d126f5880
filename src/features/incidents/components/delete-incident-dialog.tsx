import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import type { IncidentSummary } from '../../../contract/incidents';
import { paths } from '../../../config/paths';
import { ConfirmDialog } from '../../../components/ui/confirm-dialog';
import { forgetIncident } from '../api/incident-queries';
import { useDeleteIncident } from '../api/use-delete-incident';
import { publicIdLabel } from '../utils/incident-style';

/** Admins: delete, after a confirmation that names the incident; then back to the list. */
export function DeleteIncidentDialog({ incident, onClose }: { incident: IncidentSummary; onClose: () => void }) {
  const remove = useDeleteIncident(incident.id);
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const ir = publicIdLabel(incident.publicId);
  return (
    <ConfirmDialog
      title={`Delete ${ir} "${incident.title}"?`}
      confirmLabel={`Delete ${ir}`}
      pendingLabel="Deleting…"
      pending={remove.isPending}
      error={remove.error}
      errorPrefix={`${ir} was not deleted`}
      onClose={onClose}
      onConfirm={() =>
        remove.mutate(undefined, {
          onSuccess: () => {
            void Promise.resolve(navigate(paths.incidents.getHref(), { replace: true })).then(() => forgetIncident(queryClient, incident.id));
          },
        })
      }
    >
      <p>
        {ir} is deleted in Datadog, with its todos. Anyone with a link to it gets &ldquo;not found&rdquo;. This cannot be undone.
      </p>
      <p className="muted-text">To close an incident and keep its record, resolve it instead.</p>
    </ConfirmDialog>
  );
}
