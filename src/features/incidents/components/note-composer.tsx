import { useId, useRef, useState, type FormEvent } from 'react';
import { NoteRequestSchema } from '../../../contract/incidents';
import { InlineError } from '../../../components/errors/inline-error';
import { serverFieldErrors, zodFieldErrors } from '../../../lib/field-errors';
import { useAddNote } from '../api/use-add-note';

/** A note on the timeline, kept as typed (line breaks too). Ctrl/Cmd+Enter adds it. */
export function NoteComposer({ incidentId }: { incidentId: string }) {
  const add = useAddNote(incidentId);
  const id = useId();
  const ref = useRef<HTMLTextAreaElement>(null);
  const [content, setContent] = useState('');
  const [error, setError] = useState<string | null>(null);
  const fieldError = error ?? serverFieldErrors(add.error).content ?? null;

  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    const parsed = NoteRequestSchema.safeParse({ content });
    if (!parsed.success) {
      setError(zodFieldErrors(parsed.error).content ?? 'Write something');
      ref.current?.focus();
      return;
    }
    setError(null);
    add.mutate(
      { content },
      {
        onSuccess: () => {
          setContent('');
          add.reset();
        },
      },
    );
  };

  return (
    <form className="note-composer" noValidate onSubmit={submit}>
      <label className="field__label" htmlFor={id}>
        Add a note
      </label>
      <textarea
        ref={ref}
        id={id}
        className="input"
        rows={3}
        maxLength={10_000}
        value={content}
        placeholder="What happened, what was tried, what is next…"
        aria-invalid={fieldError ? true : undefined}
        aria-describedby={fieldError ? `${id}-error` : `${id}-hint`}
        onChange={(e) => {
          setContent(e.target.value);
          if (error) setError(null);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) submit();
        }}
      />
      {fieldError ? (
        <p className="field__error" id={`${id}-error`}>
          {fieldError}
        </p>
      ) : (
        <p className="field__hint" id={`${id}-hint`}>
          Shown on the timeline as written. Ctrl+Enter adds it.
        </p>
      )}
      <div className="note-composer__actions">
        <button type="submit" className="btn btn--primary" disabled={add.isPending}>
          {add.isPending ? 'Adding…' : 'Add note'}
        </button>
      </div>
      {add.error != null && !serverFieldErrors(add.error).content && <InlineError error={add.error} prefix="The note was not added" />}
    </form>
  );
}
