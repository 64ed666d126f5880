import { useId, type FormEvent, type ReactNode, type RefObject } from 'react';
import { InlineError } from '../../../components/errors/inline-error';
import { Modal } from '../../../components/ui/modal';
import { ApiError, isApiError, toApiError } from '../../../lib/api-client';
import { explainedBy, serverErrors } from '../utils/form-errors';

interface FormDialogProps {
  title: string;
  submitLabel: string;
  pendingLabel: string;
  pending: boolean;
  /** The failed send, shown inline: next to its fields when the 400 names them, else in full below. */
  error: unknown;
  errorPrefix: string;
  /** The field paths this form shows (a server error on one of them is shown there). */
  fields: readonly string[];
  onSubmit: () => void;
  onClose: () => void;
  formRef: RefObject<HTMLFormElement | null>;
  /** The field a 409 (taken) is about; default "name". */
  conflictField?: string;
  size?: 'md' | 'lg';
  children: ReactNode;
}

/** A 400 about fields this form does not show still says why: its field messages become the message. */
function withFieldMessages(error: unknown): unknown {
  if (!isApiError(error) || !error.fields) return error;
  const messages = Object.entries(error.fields).flatMap(([path, list]) => list.map((m) => (path === 'body' ? m : `${path}: ${m}`)));
  if (messages.length === 0) return error;
  return new ApiError({ status: error.status, code: error.code, message: messages.join('; '), requestId: error.requestId, upstream: error.upstream });
}

/** A form in a modal dialog: Cancel and the submit button at the bottom, the send's error inline. */
export function FormDialog({
  title,
  submitLabel,
  pendingLabel,
  pending,
  error,
  errorPrefix,
  fields,
  onSubmit,
  onClose,
  formRef,
  conflictField = 'name',
  size = 'md',
  children,
}: FormDialogProps) {
  const id = useId();
  const explained = error != null && (explainedBy(serverErrors(error), fields) || (isApiError(error) && error.status === 409 && fields.includes(conflictField)));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!pending) onSubmit();
  };
  return (
    <Modal
      title={title}
      onClose={onClose}
      size={size}
      footer={
        <>
          <button type="button" className="btn" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" form={`${id}-form`} className="btn btn--primary" disabled={pending}>
            {pending ? pendingLabel : submitLabel}
          </button>
        </>
      }
    >
      <form id={`${id}-form`} ref={formRef} className="form" noValidate onSubmit={submit}>
        {children}
        {error != null && !explained && <InlineError error={withFieldMessages(error)} prefix={errorPrefix} />}
        {error != null && explained && (
          // The messages sit next to their fields; this only announces that the send failed.
          <p className="visually-hidden" role="alert">
            {errorPrefix}: {toApiError(error).message}. See the fields marked in error.
          </p>
        )}
      </form>
    </Modal>
  );
}
