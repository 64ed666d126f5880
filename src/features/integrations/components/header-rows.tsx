import { useId } from 'react';
import { fieldAria, FieldNotes } from '../../../components/ui/form-field';
import { SecretField } from '../../../components/ui/secret-field';
import type { FieldErrors } from '../../../lib/field-errors';
import { headerRow, isSecretRow, type HeaderRow } from '../utils/webhook-form';

interface HeaderRowsProps {
  rows: readonly HeaderRow[];
  onChange: (rows: HeaderRow[]) => void;
  onBlur: () => void;
  /** Errors keyed "customHeaders.<name>" (a row) or "customHeaders" (the list). */
  errors: FieldErrors;
}

/**
 * Custom headers as key/value rows: Add header appends one, Remove deletes that
 * row; errors show on their row. A credential's value (Authorization, a token,
 * an API key…) is typed like a password, and once stored it shows only as its
 * mask with Replace: the mask is never an editable value. A stored secret's
 * name is fixed (its value stays with it); remove the row to rename it.
 */
export function HeaderRows({ rows, onChange, onBlur, errors }: HeaderRowsProps) {
  const id = useId();
  const update = (rowId: number, change: Partial<HeaderRow>) => onChange(rows.map((r) => (r.rowId === rowId ? { ...r, ...change } : r)));
  const listError = errors.customHeaders;
  return (
    <fieldset className="field int-headers" aria-describedby={[`${id}-hint`, listError ? `${id}-list-error` : null].filter(Boolean).join(' ')}>
      <legend className="field__label">Custom headers</legend>
      <p className="field__hint" id={`${id}-hint`}>
        Sent with every delivery. Names are letters, digits and -. Values of credentials (Authorization, tokens, API keys) are write-only: once saved,
        only their last 4 characters show.
      </p>
      {rows.length > 0 && (
        <ol className="int-headers__rows">
          {rows.map((row, index) => {
            const n = index + 1;
            const name = row.name.trim();
            const rowError = errors[`customHeaders.${name}`] ?? null;
            const rowId = `${id}-row-${row.rowId}`;
            return (
              <li key={row.rowId} className="int-headers__row">
                <div className="int-headers__inputs">
                  <input
                    className="input input--mono"
                    aria-label={`Header ${n} key`}
                    placeholder="X-Api-Key"
                    value={row.name}
                    readOnly={row.mask !== null}
                    autoComplete="off"
                    spellCheck={false}
                    onChange={(e) => update(row.rowId, { name: e.target.value })}
                    onBlur={onBlur}
                    {...fieldAria(rowId, { error: rowError })}
                  />
                  {isSecretRow(row) ? (
                    <SecretField
                      id={`${rowId}-value`}
                      label={`Header ${n} value`}
                      hideLabel
                      mask={row.mask}
                      value={row.value}
                      onChange={(value) => update(row.rowId, { value })}
                      onBlur={onBlur}
                      errorId={rowError ? `${rowId}-error` : undefined}
                    />
                  ) : (
                    <input
                      className="input input--mono"
                      aria-label={`Header ${n} value`}
                      value={row.value ?? ''}
                      autoComplete="off"
                      spellCheck={false}
                      onChange={(e) => update(row.rowId, { value: e.target.value })}
                      onBlur={onBlur}
                      {...fieldAria(rowId, { error: rowError })}
                    />
                  )}
                  <button
                    type="button"
                    className="btn btn--sm btn--ghost"
                    aria-label={`Remove header ${n}${name ? ` (${name})` : ''}`}
                    onClick={() => onChange(rows.filter((r) => r.rowId !== row.rowId))}
                  >
                    Remove
                  </button>
                </div>
                <FieldNotes id={rowId} error={rowError} />
              </li>
            );
          })}
        </ol>
      )}
      <div>
        <button type="button" className="btn btn--sm" onClick={() => onChange([...rows, headerRow()])}>
          Add header
        </button>
      </div>
      <FieldNotes id={`${id}-list`} error={listError} />
    </fieldset>
  );
}
