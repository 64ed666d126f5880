import { useId } from 'react';
import { NOTIFY_END_STATES, NOTIFY_END_TYPES, type EndSettings, type NotifyEndState, type NotifyEndType } from '../../../contract/maintenance';
import { describeEndSettings } from '../utils/schedule-text';

const STATE_LABEL: Record<NotifyEndState, string> = { alert: 'Alert', warn: 'Warn', 'no data': 'No Data' };
const TYPE_LABEL: Record<NotifyEndType, string> = { expired: 'it expires (reaches its end)', canceled: 'it is ended early (End now)' };

function toggled<T>(list: readonly T[], item: T, order: readonly T[]): T[] {
  const next = list.includes(item) ? list.filter((x) => x !== item) : [...list, item];
  return order.filter((x) => next.includes(x));
}

interface EndSettingsFieldsProps {
  value: EndSettings;
  onChange: (value: EndSettings) => void;
  error?: string | null;
}

/** Who notifies when the window ends: which states, on expiry and/or on an early end, and whether the first recovery is muted. */
export function EndSettingsFields({ value, onChange, error }: EndSettingsFieldsProps) {
  const summaryId = useId();
  return (
    <fieldset className="field mw-end-settings" aria-describedby={summaryId}>
      <legend className="field__label">Notifications when it ends</legend>
      <div className="mw-end-settings__row">
        <span className="mw-end-settings__label">Groups in</span>
        {NOTIFY_END_STATES.map((s) => (
          <label key={s} className="checkbox">
            <input
              type="checkbox"
              checked={value.notifyEndStates.includes(s)}
              onChange={() => onChange({ ...value, notifyEndStates: toggled(value.notifyEndStates, s, NOTIFY_END_STATES) })}
            />
            {STATE_LABEL[s]}
          </label>
        ))}
      </div>
      <div className="mw-end-settings__row">
        <span className="mw-end-settings__label">notify when</span>
        {NOTIFY_END_TYPES.map((t) => (
          <label key={t} className="checkbox">
            <input
              type="checkbox"
              checked={value.notifyEndTypes.includes(t)}
              onChange={() => onChange({ ...value, notifyEndTypes: toggled(value.notifyEndTypes, t, NOTIFY_END_TYPES) })}
            />
            {TYPE_LABEL[t]}
          </label>
        ))}
      </div>
      <label className="checkbox">
        <input type="checkbox" checked={value.muteFirstRecovery} onChange={() => onChange({ ...value, muteFirstRecovery: !value.muteFirstRecovery })} />
        Mute the first recovery after it ends
      </label>
      <p className="field__hint" id={summaryId}>
        {describeEndSettings(value)}
      </p>
      {error && <p className="field__error">{error}</p>}
    </fieldset>
  );
}
