import { useId, useMemo, useState } from 'react';
import type { MonitorDetail, UnmuteResponse } from '../../../contract/monitors';
import { normalizeScope } from '../../../contract/scope';
import { InlineError } from '../../../components/errors/inline-error';
import { Modal } from '../../../components/ui/modal';
import { StatusPill } from '../../../components/ui/status-pill';
import { plural } from '../../../lib/format-time';
import { useUnmuteMonitor } from '../api/use-unmute-monitor';
import { unmuteImpact } from '../utils/mute-preview';
import { isPendingDowntime, type UnmuteInput } from '../utils/optimistic';
import { groupLabel } from './groups-table';

interface UnmuteDialogProps {
  monitor: MonitorDetail;
  onClose: () => void;
}

interface ScopeOption {
  scope: string;
  key: string;
  count: number;
}

function scopeOptions(monitor: MonitorDetail): ScopeOption[] {
  const byKey = new Map<string, ScopeOption>();
  for (const d of monitor.downtimes) {
    if (d.status !== 'active' || isPendingDowntime(d)) continue;
    const key = normalizeScope(d.scope);
    const o = byKey.get(key) ?? { scope: d.scope, key, count: 0 };
    o.count += 1;
    byKey.set(key, o);
  }
  return [...byKey.values()];
}

/** Unmute one scope or everything, after a warning listing the non-OK groups that would notify at once. */
export function UnmuteDialog({ monitor, onClose }: UnmuteDialogProps) {
  const unmute = useUnmuteMonitor(monitor.id);
  const options = useMemo(() => scopeOptions(monitor), [monitor]);
  const [choice, setChoice] = useState<string>(options.length === 1 ? options[0]!.key : 'all');
  const [result, setResult] = useState<UnmuteResponse | null>(null);
  // Freeze what the warning was computed from once sent: the optimistic update changes the live data.
  const [sentFrom, setSentFrom] = useState<MonitorDetail | null>(null);
  const name = useId();

  const view = sentFrom ?? monitor;
  const selected = options.find((o) => o.key === choice);
  const input: UnmuteInput = selected ? { scope: selected.scope } : { all: true };
  const { unmuted, loud, keptByTags: skippedAhead } = unmuteImpact(view, input);

  const submit = () => {
    setSentFrom(monitor);
    unmute.mutate(input, {
      onSuccess: (data) => setResult(data),
      onError: () => setSentFrom(null),
    });
  };

  if (result) {
    return (
      <Modal
        title={`Unmuted ${monitor.name}`}
        onClose={onClose}
        footer={
          <button type="button" className="btn btn--primary" onClick={onClose}>
            Close
          </button>
        }
      >
        <p role="status">
          {result.canceled.length > 0
            ? `Cancelled ${plural(result.canceled.length, 'downtime')}.`
            : 'No downtime was cancelled.'}
        </p>
        {result.skipped.length > 0 && (
          <section className="notice notice--warn" aria-labelledby={`${name}-skipped`}>
            <h3 id={`${name}-skipped`} className="section-title">
              Not cancelled ({result.skipped.length})
            </h3>
            <p>These downtimes also mute other monitors, so they were left in place. Cancel them from the Downtimes list if you mean to.</p>
            <ul>
              {result.skipped.map((s) => (
                <li key={s.id}>
                  <code>{s.scope}</code>: {s.reason}
                </li>
              ))}
            </ul>
          </section>
        )}
      </Modal>
    );
  }

  return (
    <Modal
      title={`Unmute ${monitor.name}`}
      onClose={onClose}
      size="lg"
      footer={
        <>
          <button type="button" className="btn" onClick={onClose}>
            Cancel
          </button>
          <button type="button" className={`btn ${loud.length ? 'btn--danger' : 'btn--primary'}`} onClick={submit} disabled={unmute.isPending}>
            {unmute.isPending
              ? 'Unmuting…'
              : selected
                ? `Unmute ${plural(unmuted.length, 'group')}`
                : 'Unmute everything'}
          </button>
        </>
      }
    >
      <fieldset className="field">
        <legend className="field__label">What to unmute</legend>
        {options.map((o) => (
          <label key={o.key} className="radio">
            <input type="radio" name={name} checked={choice === o.key} onChange={() => setChoice(o.key)} />
            Scope <code>{o.scope}</code>
            {o.count > 1 && <span className="muted-text"> ({o.count} downtimes)</span>}
          </label>
        ))}
        <label className="radio">
          <input type="radio" name={name} checked={choice === 'all'} onChange={() => setChoice('all')} />
          Everything muted on this monitor
        </label>
      </fieldset>

      {loud.length > 0 ? (
        <section className="notice notice--danger" aria-labelledby={`${name}-loud`} role="alert">
          <h3 id={`${name}-loud`} className="section-title">
            {plural(loud.length, 'group')} not OK will notify at once
          </h3>
          <ul className="target-list">
            {loud.map((g) => (
              <li key={g.name}>
                <StatusPill status={g.status} size="sm" /> <span className="mono">{groupLabel(g)}</span>
              </li>
            ))}
          </ul>
        </section>
      ) : (
        <p className="notice">
          {unmuted.length > 0
            ? `All ${plural(unmuted.length, 'group')} this unmutes ${unmuted.length === 1 ? 'is' : 'are'} OK; nothing should notify at once.`
            : 'No group is muted by this scope right now.'}
        </p>
      )}
      {unmuted.length > loud.length && loud.length > 0 && (
        <p className="muted-text">{plural(unmuted.length - loud.length, 'other group')} that are OK will be unmuted too.</p>
      )}
      {skippedAhead > 0 && (
        <p className="notice notice--warn">
          {plural(skippedAhead, 'downtime')} here {skippedAhead === 1 ? 'targets' : 'target'} monitor tags and also{' '}
          {skippedAhead === 1 ? 'mutes' : 'mute'} other monitors; {skippedAhead === 1 ? 'it' : 'they'} will be left in place.
        </p>
      )}
      {unmute.error && <InlineError error={unmute.error} prefix="Unmute failed, nothing was changed" />}
    </Modal>
  );
}
