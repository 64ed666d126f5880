import { useId, type FormEvent, type ReactNode, type RefObject } from 'react';
import { Modal } from '../../../components/ui/modal';
import { FormSendError } from './form-send-error';

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
        <FormSendError error={error} prefix={errorPrefix} fields={fields} conflictField={conflictField} />
      </form>
    </Modal>
  );
}
