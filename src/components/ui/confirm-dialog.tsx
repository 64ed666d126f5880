import type { ReactNode } from 'react';
import { InlineError } from '../errors/inline-error';
import { Modal } from './modal';

interface ConfirmDialogProps {
  title: ReactNode;
  children: ReactNode;
  /** Names what happens and to what, e.g. "Delete IR-12". */
  confirmLabel: string;
  pendingLabel: string;
  onConfirm: () => void;
  onClose: () => void;
  pending: boolean;
  error: unknown;
  /** What failed, shown before the error, e.g. "IR-12 was not deleted". */
  errorPrefix: string;
  /** danger: the focus starts on Cancel, the safe choice. */
  tone?: 'danger' | 'primary';
}

/** A yes/no question about one named thing; the error stays in the dialog, next to the button that failed. */
export function ConfirmDialog({
  title,
  children,
  confirmLabel,
  pendingLabel,
  onConfirm,
  onClose,
  pending,
  error,
  errorPrefix,
  tone = 'danger',
}: ConfirmDialogProps) {
  const danger = tone === 'danger';
  return (
    <Modal
      title={title}
      onClose={onClose}
      footer={
        <>
          <button type="button" className="btn" onClick={onClose} data-autofocus={danger || undefined}>
            Cancel
          </button>
          <button
            type="button"
            className={`btn ${danger ? 'btn--danger' : 'btn--primary'}`}
            data-autofocus={danger ? undefined : true}
            disabled={pending}
            onClick={onConfirm}
          >
            {pending ? pendingLabel : confirmLabel}
          </button>
        </>
      }
    >
      {children}
      {error != null && <InlineError error={error} prefix={errorPrefix} />}
    </Modal>
  );
}
