import { useId, useState } from 'react';
import type { GroupState, MonitorDetail } from '../../../contract/monitors';
import { InlineError } from '../../../components/errors/inline-error';
import { Modal } from '../../../components/ui/modal';
import { isApiError } from '../../../lib/api-client';
import { plural, toDateTimeLocalValue } from '../../../lib/format-time';
import { useMuteMonitor } from '../api/use-mute-monitor';
import { scopeForGroup } from '../utils/group-scope';
import { useMuteLimits } from '../hooks/use-mute-limits';
import { DEFAULT_END, describeEnd, reasonError, resolveEnd, type EndChoice } from '../utils/mute-end';
import { rememberMuteEnd } from '../utils/last-mute-end';
import { previewScope } from '../utils/mute-preview';
import { EndField } from './end-field';
import { groupLabel } from './groups-table';
import { MutePreview } from './mute-preview';
import { ReasonField } from './reason-field';
import { ScopeInput } from './scope-input';

type Target = 'whole' | 'group' | 'typed';

interface MuteDialogProps {
  monitor: MonitorDetail;
  /** Opened from a group row: that group is preselected. */
  initialGroup?: GroupState | null;
  onClose: () => void;
}

function firstField(fields: Record<string, string[]> | undefined, name: string): string | null {
  return fields?.[name]?.[0] ?? null;
}

/** Mute the whole monitor, one group, or a typed scope, with a preview of exactly which groups it matches. */
export function MuteDialog({ monitor, initialGroup, onClose }: MuteDialogProps) {
  const mute = useMuteMonitor(monitor.id);
  const limits = useMuteLimits();
  const scopableGroups = monitor.groups.filter((g) => scopeForGroup(g.tags) !== null);
  const startGroup = initialGroup && scopeForGroup(initialGroup.tags) ? initialGroup : null;

  const [target, setTarget] = useState<Target>(startGroup ? 'group' : 'whole');
  const [groupName, setGroupName] = useState(startGroup?.name ?? scopableGroups[0]?.name ?? '');
  const [typed, setTyped] = useState(startGroup ? (scopeForGroup(startGroup.tags) ?? '') : '');
  const [end, setEnd] = useState<EndChoice>(DEFAULT_END);
  const [reason, setReason] = useState('');
  const [attempted, setAttempted] = useState(false);
  const name = useId();
  const groupSelectId = useId();

  const group = monitor.groups.find((g) => g.name === groupName);
  const scope = target === 'whole' ? '*' : target === 'group' ? (group ? (scopeForGroup(group.tags) ?? '') : '') : typed;
  const preview = previewScope(scope, monitor.groups);
  const now = Date.now();
  const resolved = resolveEnd(end, now, limits);
  const missingReason = reasonError(reason, end);
  const fields = isApiError(mute.error) ? mute.error.fields : undefined;
  // An "until" error shows as soon as a time is typed; the others once the user tries to mute.
  const showEndError = !resolved.ok && (attempted || (end.mode === 'until' && end.until !== ''));

  const submit = () => {
    setAttempted(true);
    if (!preview.ok || !resolved.ok || missingReason) return;
    mute.mutate(
      { scope: scope.trim(), end: resolved.end, reason: reason.trim() },
      {
        onSuccess: () => {
          rememberMuteEnd(end);
          onClose();
        },
      },
    );
  };

  const what =
    target === 'whole'
      ? 'the whole monitor'
      : preview.ok && preview.matched.length > 0
        ? plural(preview.matched.length, 'group')
        : 'this scope';
  const confirmLabel = mute.isPending ? 'Muting…' : `Mute ${what} ${describeEnd(end, now)}`;

  return (
    <Modal
      title={`Mute ${monitor.name}`}
      onClose={onClose}
      size="lg"
      footer={
        <>
          <button type="button" className="btn" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" form={`${name}-form`} className="btn btn--primary" disabled={mute.isPending}>
            {confirmLabel}
          </button>
        </>
      }
    >
      <form
        id={`${name}-form`}
        className="form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <fieldset className="field">
          <legend className="field__label">What to mute</legend>
          <label className="radio">
            <input type="radio" name={name} checked={target === 'whole'} onChange={() => setTarget('whole')} />
            The whole monitor <code>*</code>
          </label>
          <label className="radio">
            <input
              type="radio"
              name={name}
              checked={target === 'group'}
              disabled={scopableGroups.length === 0}
              onChange={() => setTarget('group')}
            />
            One group
            {scopableGroups.length === 0 && <span className="muted-text"> (this monitor has no tagged groups)</span>}
          </label>
          {target === 'group' && (
            <div className="field__sub">
              <label htmlFor={groupSelectId}>Group</label>
              <select id={groupSelectId} className="input" value={groupName} onChange={(e) => setGroupName(e.target.value)}>
                {scopableGroups.map((g) => (
                  <option key={g.name} value={g.name}>
                    {groupLabel(g)} ({g.status})
                  </option>
                ))}
              </select>
              <p className="field__hint">
                Scope: <code>{scope}</code>
              </p>
            </div>
          )}
          <label className="radio">
            <input
              type="radio"
              name={name}
              checked={target === 'typed'}
              onChange={() => {
                setTarget('typed');
                if (!typed) setTyped(scope === '*' ? '' : scope);
              }}
            />
            A scope I type
          </label>
          {target === 'typed' && (
            <div className="field__sub">
              <ScopeInput value={typed} onChange={setTyped} serverError={firstField(fields, 'scope')} />
            </div>
          )}
          {target !== 'typed' && firstField(fields, 'scope') && <p className="field__error">{firstField(fields, 'scope')}</p>}
        </fieldset>

        <EndField
          value={end}
          onChange={setEnd}
          error={(showEndError && !resolved.ok ? resolved.error : null) ?? firstField(fields, 'end')}
          minUntil={toDateTimeLocalValue(now)}
          limits={limits}
        />
        <ReasonField
          value={reason}
          onChange={setReason}
          error={(attempted ? missingReason : null) ?? firstField(fields, 'reason')}
        />

        <MutePreview preview={preview} whole={target === 'whole'} />

        {mute.error && <InlineError error={mute.error} prefix="Mute failed, nothing was changed" />}
      </form>
    </Modal>
  );
}
