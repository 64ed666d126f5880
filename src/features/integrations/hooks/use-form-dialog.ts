import { serverFieldErrors } from '../../../lib/field-errors';
import type { Validation } from '../utils/validation';
import { useDraftForm } from './use-draft-form';

/** What a save tells the dialog: close on success; on a failure, focus the first field in error. */
export interface SaveCallbacks {
  onSuccess: () => void;
  onError: () => void;
}

interface FormDialogOptions<D, O> {
  initial: D | (() => D);
  validate: (draft: D) => Validation<O>;
  /** The mutation that saves (create or update): its pending state and its error show in the dialog. */
  mutation: { isPending: boolean; error: unknown };
  /** Sends the checked body, calling back when it is done; `done.onSuccess()` alone closes with nothing sent. */
  save: (data: NoInfer<O>, done: SaveCallbacks) => void;
  onClose: () => void;
  /** The field a 409 (the name is taken) is about; default "name". */
  conflictField?: string;
}

/**
 * A draft form in a FormDialog: the draft and its errors (a failed send's field
 * errors included, by nested path), and the dialog's props: pending, the send's
 * error, and a submit that checks every field before anything is sent.
 */
export function useFormDialog<D extends object, O>({ initial, validate, mutation, save, onClose, conflictField = 'name' }: FormDialogOptions<D, O>) {
  const form = useDraftForm({
    initial,
    validate,
    serverErrors: serverFieldErrors(mutation.error, { nested: true, conflictField }),
  });
  const onSubmit = () => {
    const data = form.submit();
    if (data !== null) save(data, { onSuccess: onClose, onError: form.focusInvalid });
  };
  return {
    ...form,
    /** Spread into <FormDialog>. */
    dialog: { pending: mutation.isPending, error: mutation.error, formRef: form.formRef, conflictField, onSubmit, onClose },
  };
}
