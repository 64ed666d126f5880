import { InlineError } from '../../../components/errors/inline-error';
import { isApiError, toApiError } from '../../../lib/api-client';
import { explainedByFields, serverFieldErrors, withFieldMessages } from '../../../lib/field-errors';

interface FormSendErrorProps {
  /** The failed send, or null. */
  error: unknown;
  /** What failed: "The webhook was not created". */
  prefix: string;
  /** The field paths the form shows: a 400 that names one of them has its messages there. */
  fields: readonly string[];
  /** The field a 409 (taken) is about, when the form shows it. */
  conflictField?: string;
}

/**
 * Why a form's send failed, below the form. When the messages sit next to their
 * fields, only an announcement that the send failed; otherwise the error in
 * full (field messages about fields the form does not show become its message).
 */
export function FormSendError({ error, prefix, fields, conflictField }: FormSendErrorProps) {
  if (error == null) return null;
  const conflict = isApiError(error) && error.status === 409 && conflictField !== undefined && fields.includes(conflictField);
  if (!conflict && !explainedByFields(serverFieldErrors(error, { nested: true }), fields)) {
    return <InlineError error={withFieldMessages(error)} prefix={prefix} />;
  }
  return (
    <p className="visually-hidden" role="alert">
      {prefix}: {toApiError(error).message}. See the fields marked in error.
    </p>
  );
}
