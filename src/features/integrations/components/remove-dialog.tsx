import type { ReactNode } from 'react';
import { ConfirmDialog } from '../../../components/ui/confirm-dialog';

interface RemoveDialogProps {
  /** "Delete webhook ops-hook?" */
  title: string;
  /** "Delete ops-hook" */
  confirmLabel: string;
  /** What is removed, in a sentence. */
  what: ReactNode;
  /** The @-handle that stops working, when the integration has one. */
  handle?: string;
  /** Said when there is no handle, or after it (what else changes). */
  consequence?: ReactNode;
  errorPrefix: string;
  pending: boolean;
  error: unknown;
  onConfirm: () => void;
  onClose: () => void;
}

/** A removal, confirmed: it names what goes and which @-handle stops working in monitor messages. */
export function RemoveDialog({ title, confirmLabel, what, handle, consequence, errorPrefix, pending, error, onConfirm, onClose }: RemoveDialogProps) {
  return (
    <ConfirmDialog
      title={title}
      confirmLabel={confirmLabel}
      pendingLabel="Removing…"
      pending={pending}
      error={error}
      errorPrefix={errorPrefix}
      onConfirm={onConfirm}
      onClose={onClose}
    >
      <p>{what}</p>
      {handle && (
        <p>
          <code>{handle}</code> stops working: monitors whose message mentions it no longer notify anyone through it.
        </p>
      )}
      {consequence && <p className="muted-text">{consequence}</p>}
    </ConfirmDialog>
  );
}
