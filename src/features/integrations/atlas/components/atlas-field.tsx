import type { FocusEvent } from 'react';
import { isSecretKind, type AtlasFieldSpec } from '../../../../contract/atlas';
import { SecretField } from '../../../../components/ui/secret-field';
import { displayValue, isClearable, storedMask, type AtlasMode, type StoredValues } from '../utils/atlas-form';

interface AtlasFieldProps {
  id: string;
  spec: AtlasFieldSpec;
  mode: AtlasMode;
  stored: StoredValues | null;
  value: string | boolean | undefined;
  cleared: boolean;
  error: string | undefined;
  onChange: (value: string | boolean | undefined) => void;
  onClearChange: (cleared: boolean) => void;
  /** Focus left the field (not just moved between its own input and buttons). */
  onLeave: () => void;
}

/** The label; "(required)"/"(optional)" sits beside it, so the control's name is the label alone. */
function Label({ id, spec }: { id: string; spec: AtlasFieldSpec }) {
  return (
    <div className="field__label-row">
      <label className="field__label" htmlFor={id}>
        {spec.label}
      </label>
      <span className={spec.required ? 'field__req' : 'field__opt'} aria-hidden="true">
        {spec.required ? '(required)' : '(optional)'}
      </span>
    </div>
  );
}

function Notes({ id, hint, error }: { id: string; hint?: string; error?: string }) {
  return (
    <>
      {hint && (
        <p className="field__hint" id={`${id}-help`}>
          {hint}
        </p>
      )}
      {error && (
        <p className="field__error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </>
  );
}

function aria(id: string, spec: AtlasFieldSpec, hint: string | undefined, error: string | undefined) {
  return {
    'aria-required': spec.required || undefined,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': [hint ? `${id}-help` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined,
  } as const;
}

/** One field of the ATLAS_FIELDS table as a control: text input, select, switch, secret, or read-only value. */
export function AtlasField({ id, spec, mode, stored, value, cleared, error, onChange, onClearChange, onLeave }: AtlasFieldProps) {
  const leave = (event: FocusEvent<HTMLDivElement>) => {
    if (event.relatedTarget instanceof Node && event.currentTarget.contains(event.relatedTarget)) return;
    onLeave();
  };

  if (spec.responseOnly) {
    const shown = displayValue(stored?.[spec.name]);
    const hint = spec.help ?? 'Set by Atlas; shown for reference.';
    return (
      <div className="field" data-field={spec.name}>
        <label className="field__label" htmlFor={id}>
          {spec.label}
        </label>
        <input id={id} className="input atlas-field__readonly" readOnly value={shown ?? ''} placeholder="Set by Atlas" aria-describedby={`${id}-help`} />
        <Notes id={id} hint={hint} />
      </div>
    );
  }

  if (isSecretKind(spec.kind)) {
    const mask = mode === 'update' ? storedMask(stored, spec.name) : null;
    const hint = spec.help ?? (spec.kind === 'secretUrl' ? 'A full https:// address. It is write-only: it reads back masked.' : undefined);
    return (
      <div data-field={spec.name} onBlur={leave}>
        <SecretField
          id={id}
          label={spec.label}
          mask={mask}
          value={typeof value === 'string' ? value : undefined}
          onChange={onChange}
          clearable={mode === 'update' && isClearable(spec)}
          cleared={cleared}
          onClearChange={onClearChange}
          required={spec.required}
          help={hint}
          error={error}
        />
      </div>
    );
  }

  if (spec.kind === 'boolean') {
    return (
      <div className="field" data-field={spec.name}>
        <label className="switch">
          <input
            id={id}
            type="checkbox"
            role="switch"
            className="switch__input"
            checked={value === true}
            onChange={(e) => onChange(e.target.checked)}
            onBlur={onLeave}
            aria-invalid={error ? true : undefined}
            aria-describedby={[spec.help ? `${id}-help` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined}
          />
          <span className="switch__track" aria-hidden="true" />
          <span className="switch__label">{spec.label}</span>
        </label>
        <Notes id={id} hint={spec.help} error={error} />
      </div>
    );
  }

  if (spec.kind === 'enum') {
    const options = spec.options ?? [];
    const current = typeof value === 'string' ? value : '';
    const hint = spec.help ?? (typeof spec.default === 'string' ? `Atlas uses ${spec.default} unless you choose another.` : undefined);
    return (
      <div className="field" data-field={spec.name}>
        <Label id={id} spec={spec} />
        <select
          id={id}
          className="input atlas-field__select"
          value={current}
          onChange={(e) => onChange(e.target.value)}
          onBlur={onLeave}
          {...aria(id, spec, hint, error)}
        >
          {current === '' && <option value="">Choose…</option>}
          {options.map((o) => (
            <option key={o} value={o}>
              {o}
            </option>
          ))}
          {current !== '' && !options.includes(current) && <option value={current}>{current} (not known to watchdeck)</option>}
        </select>
        <Notes id={id} hint={hint} error={error} />
      </div>
    );
  }

  return (
    <div className="field" data-field={spec.name}>
      <Label id={id} spec={spec} />
      <input
        id={id}
        type="text"
        className="input atlas-field__text"
        autoComplete="off"
        autoCapitalize="none"
        spellCheck={false}
        maxLength={1000}
        value={typeof value === 'string' ? value : ''}
        onChange={(e) => onChange(e.target.value)}
        onBlur={onLeave}
        {...aria(id, spec, spec.help, error)}
      />
      <Notes id={id} hint={spec.help} error={error} />
    </div>
  );
}
