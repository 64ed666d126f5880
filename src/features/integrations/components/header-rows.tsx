import { useId } from 'react';
import type { PathErrors } from '../utils/form-errors';
import { headerRow, type HeaderRow } from '../utils/webhook-form';
import { fieldAria, FieldNotes } from './form-field';

interface HeaderRowsProps {
  rows: readonly HeaderRow[];
  onChange: (rows: HeaderRow[]) => void;
  onBlur: () => void;
  /** Errors keyed "customHeaders.<name>" (a row) or "customHeaders" (the list). */
  errors: PathErrors;
}

/** Custom headers as key/value rows: Add header appends one, Remove deletes that row; errors show on their row. */
export function HeaderRows({ rows, onChange, onBlur, errors }: HeaderRowsProps) {
  const id = useId();
  const update = (rowId: number, change: Partial<HeaderRow>) => onChange(rows.map((r) => (r.rowId === rowId ? { ...r, ...change } : r)));
  const listError = errors.customHeaders;
  return (
    <fieldset className="field int-headers" aria-describedby={[`${id}-hint`, listError ? `${id}-list-error` : null].filter(Boolean).join(' ')}>
      <legend className="field__label">Custom headers</legend>
      <p className="field__hint" id={`${id}-hint`}>
        Sent with every delivery, e.g. an Authorization token. Names are letters, digits and -.
      </p>
      {rows.length > 0 && (
        <ol className="int-headers__rows">
          {rows.map((row, index) => {
            const n = index + 1;
            const rowError = errors[`customHeaders.${row.name.trim()}`] ?? null;
            const rowId = `${id}-row-${row.rowId}`;
            return (
              <li key={row.rowId} className="int-headers__row">
                <div className="int-headers__inputs">
                  <input
                    className="input input--mono"
                    aria-label={`Header ${n} key`}
                    placeholder="X-Api-Key"
                    value={row.name}
                    autoComplete="off"
                    spellCheck={false}
                    onChange={(e) => update(row.rowId, { name: e.target.value })}
                    onBlur={onBlur}
                    {...fieldAria(rowId, { error: rowError })}
                  />
                  <input
                    className="input input--mono"
                    aria-label={`Header ${n} value`}
                    value={row.value}
                    autoComplete="off"
                    spellCheck={false}
                    onChange={(e) => update(row.rowId, { value: e.target.value })}
                    onBlur={onBlur}
                    {...fieldAria(rowId, { error: rowError })}
                  />
                  <button
                    type="button"
                    className="btn btn--sm btn--ghost"
                    aria-label={`Remove header ${n}${row.name.trim() ? ` (${row.name.trim()})` : ''}`}
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
