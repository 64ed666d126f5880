import type { ReactNode } from 'react';
import { ConfirmDialog } from '../../../components/ui/confirm-dialog';

/** The delete mutation (its pending state and error show in the dialog). */
interface RemoveMutation<V> {
  mutate: (variables: V, options: { onSuccess: () => void }) => void;
  isPending: boolean;
  error: unknown;
}

interface RemoveDialogProps<V> {
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
  remove: RemoveMutation<V>;
  /** What `remove` is called with. */
  variables: V;
  /** After the removal, or Cancel. */
  onClose: () => void;
}

/** A removal, confirmed: it names what goes and which @-handle stops working in monitor messages. */
export function RemoveDialog<V>({ title, confirmLabel, what, handle, consequence, errorPrefix, remove, variables, onClose }: RemoveDialogProps<V>) {
  return (
    <ConfirmDialog
      title={title}
      confirmLabel={confirmLabel}
      pendingLabel="Removing…"
      pending={remove.isPending}
      error={remove.error}
      errorPrefix={errorPrefix}
      onConfirm={() => remove.mutate(variables, { onSuccess: onClose })}
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
