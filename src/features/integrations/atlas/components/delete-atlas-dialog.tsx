import { ATLAS_TYPE_LABELS, type AtlasType } from '../../../../contract/atlas';
import { ConfirmDialog } from '../../../../components/ui/confirm-dialog';

interface DeleteAtlasDialogProps {
  projectName: string;
  type: AtlasType;
  pending: boolean;
  error: unknown;
  onConfirm: () => void;
  onClose: () => void;
}

/** Delete one Atlas integration, after a confirmation that names the project and where its alerts stop going. */
export function DeleteAtlasDialog({ projectName, type, pending, error, onConfirm, onClose }: DeleteAtlasDialogProps) {
  const label = ATLAS_TYPE_LABELS[type];
  return (
    <ConfirmDialog
      title={`Delete the ${label} integration of ${projectName}?`}
      confirmLabel={`Delete ${label} from ${projectName}`}
      pendingLabel="Deleting…"
      pending={pending}
      error={error}
      errorPrefix={`${label} was not deleted`}
      onConfirm={onConfirm}
      onClose={onClose}
    >
      <p>
        Alerts from <strong>{projectName}</strong> stop going to {label}.
      </p>
      <p className="muted-text">Atlas deletes the stored keys with it. To undo, configure {label} again with its keys.</p>
    </ConfirmDialog>
  );
}
