import { useId, type ReactNode } from 'react';
import { WEEKDAYS, type Weekday } from '../../../contract/recurrence';
import { FieldNotes, fieldAria } from '../../../components/ui/form-field';
import type { FieldErrors } from '../../../lib/field-errors';
import { formatDuration, formatShortTime } from '../../../lib/format-time';
import { ONCE_END_PRESETS, scheduleOf, type OnceEndMode, type PlanForm, type RepeatMode } from '../utils/plan-form';
import { describeRecurrence, nextOccurrences } from '../utils/schedule-text';
import { formatClockIn, formatDayTimeIn, localTimeZone, msToWallInput, timeZoneChoices } from '../utils/zoned-time';

type Update = (patch: Partial<PlanForm>) => void;

interface Option<T extends string> {
  value: T;
  label: string;
}

/** A row of radio buttons drawn as one segmented control. */
function Segmented<T extends string>({ legend, value, options, onChange }: { legend: string; value: T; options: readonly Option<T>[]; onChange: (v: T) => void }) {
  const name = useId();
  return (
    <fieldset className="field">
      <legend className="field__label">{legend}</legend>
      <div className="segmented">
        {options.map((o) => (
          <label key={o.value} className={`segmented__option${value === o.value ? ' is-checked' : ''}`}>
            <input type="radio" name={name} value={o.value} checked={value === o.value} onChange={() => onChange(o.value)} />
            {o.label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/** A labelled input with its error, for the schedule's dates, times and rule. */
function Input({
  label,
  error,
  hint,
  children,
}: {
  label: string;
  error?: string;
  hint?: ReactNode;
  children: (props: { id: string; 'aria-invalid'?: true; 'aria-describedby'?: string }) => ReactNode;
}) {
  const id = useId();
  const { 'aria-invalid': invalid, 'aria-describedby': describedBy } = fieldAria(id, { hint, error });
  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      {children({ id, ...(invalid ? { 'aria-invalid': true as const } : {}), ...(describedBy ? { 'aria-describedby': describedBy } : {}) })}
      <FieldNotes id={id} hint={hint} error={error} />
    </div>
  );
}

const DAY_LABEL: Record<Weekday, string> = { MO: 'Mon', TU: 'Tue', WE: 'Wed', TH: 'Thu', FR: 'Fri', SA: 'Sat', SU: 'Sun' };
const END_OPTIONS: readonly Option<OnceEndMode>[] = [
  ...ONCE_END_PRESETS.map((p) => ({ value: p.id, label: p.label })),
  { value: 'at', label: 'At a time…' },
  { value: 'indefinite', label: 'Indefinitely' },
];
const REPEAT_OPTIONS: readonly Option<RepeatMode>[] = [
  { value: 'daily', label: 'Daily' },
  { value: 'weekly', label: 'Weekly' },
  { value: 'monthly', label: 'Monthly' },
  { value: 'custom', label: 'Custom RRULE' },
];

interface FieldsProps {
  form: PlanForm;
  update: Update;
  errors: FieldErrors;
  now: number;
}

function OnceFields({ form, update, errors, now }: FieldsProps) {
  const tz = form.timezone;
  const built = scheduleOf(form, now);
  const summary = (() => {
    if (!built.ok || built.value.kind !== 'once') return null;
    const start = built.value.start ?? now;
    const from = built.value.start === null ? 'From now' : `From ${formatDayTimeIn(start, tz)}`;
    if (built.value.end === null) return `${from}, with no end: it mutes until someone ends it.`;
    return `${from} until ${formatDayTimeIn(built.value.end, tz)} (${tz}): ${formatDuration(built.value.end - start)}.`;
  })();
  return (
    <>
      <Segmented
        legend="Starts"
        value={form.startMode}
        options={[
          { value: 'now', label: 'Now' },
          { value: 'at', label: 'At a time…' },
        ]}
        onChange={(startMode) => update({ startMode })}
      />
      {form.startMode === 'at' && (
        <Input label={`Start (date and time, ${tz})`} error={errors['schedule.start']}>
          {(p) => (
            <input {...p} type="datetime-local" className="input" value={form.startAt} min={msToWallInput(now, tz)} onChange={(e) => update({ startAt: e.target.value })} />
          )}
        </Input>
      )}
      <Segmented legend="Ends" value={form.endMode} options={END_OPTIONS} onChange={(endMode) => update({ endMode })} />
      {form.endMode === 'at' && (
        <Input label={`End (date and time, ${tz})`} error={errors['schedule.end']}>
          {(p) => <input {...p} type="datetime-local" className="input" value={form.endAt} onChange={(e) => update({ endAt: e.target.value })} />}
        </Input>
      )}
      {form.endMode !== 'at' && errors['schedule.end'] && <p className="field__error">{errors['schedule.end']}</p>}
      {form.endMode === 'indefinite' && (
        <p className="notice notice--warn">
          An indefinite window never ends by itself and is easy to forget: it needs a ticket link, and an admin.
        </p>
      )}
      {summary && <p className="mw-schedule-summary">{summary}</p>}
    </>
  );
}

function RecurringFields({ form, update, errors, now }: FieldsProps) {
  const tz = form.timezone;
  const built = scheduleOf(form, now);
  const rec = built.ok && built.value.kind === 'recurring' ? built.value : null;
  const occurrences = rec ? nextOccurrences(rec, tz, now, 5) : [];
  const elsewhere = tz !== localTimeZone();
  const toggleDay = (day: Weekday) => update({ days: form.days.includes(day) ? form.days.filter((d) => d !== day) : [...form.days, day] });
  const [date, time] = [form.recurStart.slice(0, 10), form.recurStart.slice(11, 16)];

  return (
    <>
      <Segmented legend="Repeats" value={form.repeat} options={REPEAT_OPTIONS} onChange={(repeat) => update({ repeat })} />
      {form.repeat === 'weekly' && (
        <fieldset className="field">
          <legend className="field__label">On</legend>
          <div className="mw-days">
            {WEEKDAYS.map((d) => (
              <label key={d} className="checkbox">
                <input type="checkbox" checked={form.days.includes(d)} onChange={() => toggleDay(d)} />
                {DAY_LABEL[d]}
              </label>
            ))}
          </div>
          {errors['schedule.rrule'] && <p className="field__error">{errors['schedule.rrule']}</p>}
        </fieldset>
      )}
      {form.repeat === 'monthly' && (
        <Input label="Day of the month" error={errors['schedule.rrule']} hint="A month without that day (the 31st in June) is skipped.">
          {(p) => <input {...p} type="number" min={1} max={31} className="input input--sm" value={form.monthDay} onChange={(e) => update({ monthDay: e.target.value })} />}
        </Input>
      )}
      {form.repeat === 'custom' && (
        <Input label="RRULE" error={errors['schedule.rrule']} hint="RFC 5545, without DTSTART: e.g. FREQ=MONTHLY;BYDAY=1SA (the first Saturday).">
          {(p) => (
            <input
              {...p}
              className="input input--mono"
              value={form.customRrule}
              spellCheck={false}
              autoComplete="off"
              placeholder="FREQ=WEEKLY;BYDAY=SA"
              onChange={(e) => update({ customRrule: e.target.value })}
            />
          )}
        </Input>
      )}
      {form.repeat === 'daily' && errors['schedule.rrule'] && <p className="field__error">{errors['schedule.rrule']}</p>}
      <div className="mw-row-fields">
        <Input label="First day" error={errors['schedule.start']}>
          {(p) => <input {...p} type="date" className="input" value={date} onChange={(e) => update({ recurStart: `${e.target.value}T${time}` })} />}
        </Input>
        <Input label={`Start time (${tz})`}>
          {(p) => <input {...p} type="time" className="input" value={time} onChange={(e) => update({ recurStart: `${date}T${e.target.value}` })} />}
        </Input>
        <Input label="Duration" error={errors['schedule.duration']} hint="e.g. 30m, 2h, 1d">
          {(p) => <input {...p} className="input input--sm input--mono" value={form.duration} onChange={(e) => update({ duration: e.target.value })} />}
        </Input>
      </div>
      {rec && (
        <div className="mw-recurrence">
          <p className="mw-schedule-summary">{describeRecurrence(rec, tz)}</p>
          {occurrences.length === 0 ? (
            <p className="notice notice--warn">This rule has no occurrence from now on: it would never mute anything.</p>
          ) : (
            <>
              <h3 className="section-title">Next {occurrences.length === 1 ? 'occurrence' : `${occurrences.length} occurrences`} ({tz})</h3>
              <ol className="mw-occurrences" aria-label="Next occurrences">
                {occurrences.map((o) => (
                  <li key={o.start}>
                    {formatDayTimeIn(o.start, tz)} – {formatClockIn(o.end, tz)}
                    {elsewhere && <span className="muted-text"> ({formatShortTime(o.start, now)} your time)</span>}
                  </li>
                ))}
              </ol>
            </>
          )}
        </div>
      )}
    </>
  );
}

/** One-off (start now or at a time; 30 m to 1 d, a time, or indefinitely) or recurring, in a chosen timezone. */
export function ScheduleFields({ form, update, errors, now }: FieldsProps) {
  const local = localTimeZone();
  const zones = timeZoneChoices([form.timezone, local]);
  const tzError = errors['schedule.timezone'] ?? errors.displayTimezone;
  return (
    <>
      <Segmented
        legend="Kind"
        value={form.kind}
        options={[
          { value: 'once', label: 'One-off' },
          { value: 'recurring', label: 'Recurring' },
        ]}
        onChange={(kind) => update({ kind })}
      />
      <Input label="Timezone" error={tzError} hint={form.timezone === local ? 'Your browser’s timezone.' : `Your browser is on ${local}.`}>
        {(p) => (
          <select {...p} className="input" value={form.timezone} onChange={(e) => update({ timezone: e.target.value })}>
            {zones.map((z) => (
              <option key={z} value={z}>
                {z === local ? `${z} (yours)` : z}
              </option>
            ))}
          </select>
        )}
      </Input>
      {form.kind === 'once' ? <OnceFields form={form} update={update} errors={errors} now={now} /> : <RecurringFields form={form} update={update} errors={errors} now={now} />}
    </>
  );
}
