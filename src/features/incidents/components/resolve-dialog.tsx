import type { IncidentDetail } from '../../../contract/incidents';
import { ConfirmDialog } from '../../../components/ui/confirm-dialog';
import { RelativeTime } from '../../../components/ui/relative-time';
import { plural } from '../../../lib/format-time';
import { useResolveIncident } from '../api/use-resolve-incident';
import { publicIdLabel } from '../utils/incident-style';

/** Resolve: the BFF records now as the resolution time, sets the state to resolved and ends customer impact. */
export function ResolveDialog({ incident, onClose }: { incident: IncidentDetail; onClose: () => void }) {
  const resolve = useResolveIncident(incident.id);
  const ir = publicIdLabel(incident.publicId);
  const openTodos = incident.todos.filter((t) => t.completedAt === null).length;
  const impactOngoing = incident.customerImpacted && incident.customerImpactEnd === null;
  return (
    <ConfirmDialog
      title={`Resolve ${ir}?`}
      tone="primary"
      confirmLabel={`Resolve ${ir}`}
      pendingLabel="Resolving…"
      pending={resolve.isPending}
      error={resolve.error}
      errorPrefix={`${ir} was not resolved`}
      onClose={onClose}
      onConfirm={() => resolve.mutate(undefined, { onSuccess: () => onClose() })}
    >
      <p>
        <strong>{incident.title}</strong> is marked resolved, with now as its resolution time.
      </p>
      {impactOngoing && (
        <p>
          The customer impact that began <RelativeTime at={incident.customerImpactStart} /> ends now too.
        </p>
      )}
      {openTodos > 0 && <p className="notice notice--warn">{plural(openTodos, 'todo is', 'todos are')} still open; they stay on the incident.</p>}
    </ConfirmDialog>
  );
}
