import { isClearableField, isSecretKind, type AtlasFieldSpec } from '../../../../contract/atlas';
import { fieldAria, FieldLabel, FieldNotes } from '../../../../components/ui/form-field';
import { SecretField } from '../../../../components/ui/secret-field';
import { displayValue, storedMask, storedString, type AtlasMode, type StoredValues } from '../utils/atlas-form';

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

const markerOf = (spec: AtlasFieldSpec) => (spec.required ? 'required' : 'optional');

/** The hint of an optional text on update: emptied, it is removed when the form is saved. */
function textHint(spec: AtlasFieldSpec, mode: AtlasMode, stored: StoredValues | null, value: string): string | undefined {
  const was = mode === 'update' && isClearableField(spec) ? storedString(stored, spec.name).trim() : '';
  if (was !== '' && value.trim() === '') return `Removed when you save (was ${was}).`;
  return spec.help;
}

/** One field of the ATLAS_FIELDS table as a control: text input, select, switch, secret, or read-only value. */
export function AtlasField({ id, spec, mode, stored, value, cleared, error, onChange, onClearChange, onLeave }: AtlasFieldProps) {
  if (spec.responseOnly) {
    const hint = spec.help ?? 'Set by Atlas; shown for reference.';
    return (
      <div className="field" data-field={spec.name}>
        <FieldLabel htmlFor={id} label={spec.label} />
        <input
          id={id}
          className="input atlas-field__readonly"
          readOnly
          value={displayValue(stored?.[spec.name]) ?? ''}
          placeholder="Set by Atlas"
          {...fieldAria(id, { hint })}
        />
        <FieldNotes id={id} hint={hint} />
      </div>
    );
  }

  if (isSecretKind(spec.kind)) {
    return (
      <div data-field={spec.name}>
        <SecretField
          id={id}
          label={spec.label}
          mask={mode === 'update' ? storedMask(stored, spec.name) : null}
          value={typeof value === 'string' ? value : undefined}
          onChange={onChange}
          clearable={mode === 'update' && isClearableField(spec)}
          cleared={cleared}
          onClearChange={onClearChange}
          required={spec.required}
          help={spec.help ?? (spec.kind === 'secretUrl' ? 'A full https:// address. It is write-only: it reads back masked.' : undefined)}
          error={error}
          onBlur={onLeave}
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
            {...fieldAria(id, { hint: spec.help, error })}
          />
          <span className="switch__track" aria-hidden="true" />
          <span className="switch__label">{spec.label}</span>
        </label>
        <FieldNotes id={id} hint={spec.help} error={error} />
      </div>
    );
  }

  if (spec.kind === 'enum') {
    const options = spec.options ?? [];
    const current = typeof value === 'string' ? value : '';
    const hint = spec.help ?? (typeof spec.default === 'string' ? `Atlas uses ${spec.default} unless you choose another.` : undefined);
    return (
      <div className="field" data-field={spec.name}>
        <FieldLabel htmlFor={id} label={spec.label} marker={markerOf(spec)} />
        <select
          id={id}
          className="input atlas-field__select"
          value={current}
          onChange={(e) => onChange(e.target.value)}
          onBlur={onLeave}
          {...fieldAria(id, { hint, error, required: spec.required })}
        >
          {current === '' && <option value="">Choose…</option>}
          {options.map((o) => (
            <option key={o} value={o}>
              {o}
            </option>
          ))}
          {current !== '' && !options.includes(current) && <option value={current}>{current} (not known to watchdeck)</option>}
        </select>
        <FieldNotes id={id} hint={hint} error={error} />
      </div>
    );
  }

  const text = typeof value === 'string' ? value : '';
  const hint = textHint(spec, mode, stored, text);
  return (
    <div className="field" data-field={spec.name}>
      <FieldLabel htmlFor={id} label={spec.label} marker={markerOf(spec)} />
      <input
        id={id}
        type="text"
        className="input atlas-field__text"
        autoComplete="off"
        autoCapitalize="none"
        spellCheck={false}
        maxLength={1000}
        value={text}
        onChange={(e) => onChange(e.target.value)}
        onBlur={onLeave}
        {...fieldAria(id, { hint, error, required: spec.required })}
      />
      <FieldNotes id={id} hint={hint} error={error} />
    </div>
  );
}
