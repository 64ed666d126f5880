import { useEffect, useId, useRef, useState, type ComponentType, type FormEvent, type ReactNode } from 'react';
import { Link, useNavigate } from 'react-router';
import { checkGuardrails, longestMuteMs, mutesEverything, type MaintenanceWindow } from '../../../contract/maintenance';
import { paths } from '../../../config/paths';
import { InlineError } from '../../../components/errors/inline-error';
import { ChipInput } from '../../../components/ui/chip-input';
import { TextField } from '../../../components/ui/form-field';
import { toApiError } from '../../../lib/api-client';
import { explainedByFields, serverFieldErrors, withFieldMessages, type FieldErrors } from '../../../lib/field-errors';
import { useNow } from '../../../lib/use-now';
import { usePlanWindow } from '../api/use-plan-window';
import { useUntilRecovered } from '../api/use-until-recovered';
import { useMuteCap } from '../hooks/use-mute-cap';
import {
  draftPlan,
  initialPlanForm,
  PLAN_FIELDS,
  plannedEnd,
  planRequestOf,
  scheduleOf,
  typedScheduleErrors,
  type PlanForm,
} from '../utils/plan-form';
import { localTimeZone } from '../utils/zoned-time';
import { EndSettingsFields } from './end-settings-fields';
import { GuardrailPanel } from './guardrail-panel';
import { MaintenanceTabs } from './maintenance-tabs';
import { MonitorPicker, type MonitorOption } from './monitor-picker';
import { PlanPreview } from './plan-preview';
import { ScheduleFields } from './schedule-fields';
import { windowTitle } from './window-row';

/** The scope input the route hands in (the monitors feature's, with its live validation). */
export interface ScopeFieldProps {
  value: string;
  onChange: (value: string) => void;
  label?: string;
  serverError?: string | null;
}
export type ScopeFieldComponent = ComponentType<ScopeFieldProps>;

/** What the window page is told after a save whose "extend until they recover" failed. */
export interface PlannedState {
  untilRecoveredError?: string;
}

const TAG_RE = /^[^\s,]+$/;
function tagProblem(tag: string): string | null {
  if (!TAG_RE.test(tag)) return 'A tag has no spaces or commas, e.g. team:payments';
  return tag.length > 200 ? 'At most 200 characters' : null;
}

function Card({ title, children }: { title: string; children: ReactNode }) {
  const id = useId();
  return (
    <section className="card card--padded mw-plan-card" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

/** Why the last save was refused, by the Save button: the fields to fix, and whether an admin is needed. */
function refusalOf(fieldCount: number, needsAdmin: boolean): string | null {
  const fields = fieldCount === 0 ? null : fieldCount === 1 ? 'one field needs attention' : `${fieldCount} fields need attention`;
  if (fields && needsAdmin) return `Not saved: ${fields}, and this plan needs an admin. See the messages above.`;
  if (fields) return `Not saved: ${fields}. See the messages above.`;
  return needsAdmin ? 'Not saved: this plan needs an admin. See the guardrails above.' : null;
}

interface PlanPageProps {
  /** The monitor list, for the picker. */
  monitors: readonly MonitorOption[];
  ScopeField: ScopeFieldComponent;
  /** `?clone=<id>`: the window to start from. */
  clone: MaintenanceWindow | null;
  /** `?monitors=12,13`: monitors to start with. */
  monitorIds: number[];
}

/**
 * /maintenance/plan: plan a window ahead or for now. Targets (picked monitors, monitor tags, a
 * scope), a one-off or recurring schedule in a chosen timezone, reason and ticket, end settings;
 * the guardrails, the group-level preview and the end-of-window forecast are live. Nothing typed
 * is lost on an error; a saved window opens its page.
 */
export function PlanPage({ monitors, ScopeField, clone, monitorIds }: PlanPageProps) {
  const [form, setForm] = useState<PlanForm>(() => initialPlanForm({ clone, monitorIds, now: Date.now(), tz: localTimeZone() }));
  const [attempt, setAttempt] = useState(0);
  const now = useNow(60_000);
  const cap = useMuteCap();
  const plan = usePlanWindow();
  const untilRecovered = useUntilRecovered();
  const navigate = useNavigate();
  const formRef = useRef<HTMLFormElement>(null);
  const guardRef = useRef<HTMLDivElement>(null);
  const reasonId = useId();
  const ticketId = useId();
  const tagsId = useId();
  // A fresh planner targets nothing yet: "this mutes everything" waits until targets are touched or a save is tried.
  const [targetsTouched, setTargetsTouched] = useState(clone !== null);
  const update = (patch: Partial<PlanForm>) => {
    if ('monitorIds' in patch || 'monitorTags' in patch || 'scope' in patch) setTargetsTouched(true);
    setForm((f) => ({ ...f, ...patch }));
  };

  // Live guardrails, on the plan as it stands (even before the reason is typed).
  const draft = draftPlan(form, now);
  const ctx = { role: cap.role, maxMuteHours: cap.maxMuteHours, nowMs: now };
  const allProblems = draft.ok ? checkGuardrails(draft.value, ctx) : [];
  const pristine = !targetsTouched && attempt === 0;
  const problems = pristine ? allProblems.filter((p) => p.field !== 'scope' && p.field !== 'confirm') : allProblems;
  const longest = draft.ok ? longestMuteMs(draft.value.schedule, now) : 0;
  const overrideNeeded = longest === null || longest > cap.maxMuteHours * 3_600_000;
  const everything = !pristine && mutesEverything({ monitorIds: form.monitorIds, monitorTags: form.monitorTags }, form.scope);

  // Errors: while typing, only schedule mistakes in what was typed; after a save attempt, all of them.
  const built = planRequestOf(form, now);
  const clientErrors = built.ok ? {} : built.errors;
  const guardErrors: FieldErrors = Object.fromEntries(problems.filter((p) => p.status === 400).map((p) => [p.field, p.message]));
  const serverErrors = serverFieldErrors(plan.error, { nested: true });
  const schedule = scheduleOf(form, now);
  const liveSchedule = schedule.ok ? {} : typedScheduleErrors(form, schedule.errors);
  const errors: FieldErrors = attempt > 0 ? { ...serverErrors, ...guardErrors, ...clientErrors } : { ...serverErrors, ...liveSchedule };
  const generalError = plan.isError && !explainedByFields(serverErrors, PLAN_FIELDS) ? withFieldMessages(plan.error) : null;
  const ticketRequired = form.kind === 'once' && form.endMode === 'indefinite';

  // After a refused save, take the user to the first thing to fix.
  useEffect(() => {
    if (attempt === 0) return;
    const invalid = formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
    if (invalid) invalid.focus();
    else if (problems.length > 0) guardRef.current?.focus();
    // Only when a save was tried, not on every keystroke afterwards.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [attempt]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    plan.reset();
    setAttempt((n) => n + 1);
    const at = Date.now();
    const request = planRequestOf(form, at);
    if (!request.ok || checkGuardrails(request.value, { ...ctx, nowMs: at }).length > 0) return;
    const keepUntilRecovered = form.untilRecovered && form.kind === 'once' && typeof plannedEnd(form, at) === 'number';
    plan.mutate(request.value, {
      onSuccess: async (saved) => {
        const state: PlannedState = {};
        if (keepUntilRecovered) {
          try {
            await untilRecovered.mutateAsync(saved.id);
          } catch (error) {
            state.untilRecoveredError = toApiError(error).message;
          }
        }
        void navigate(paths.maintenanceWindow.getHref(saved.id), { state });
      },
    });
  };

  const saving = plan.isPending || untilRecovered.isPending;
  const refusal = refusalOf(Object.keys(errors).length, problems.some((p) => p.status === 403));

  return (
    <main className="page mw-page">
      <MaintenanceTabs />
      <div className="page__head">
        <h1>Plan a maintenance window</h1>
      </div>
      {clone && (
        <p className="notice">
          Cloned from <Link to={paths.maintenanceWindow.getHref(clone.id)}>{windowTitle(clone)}</Link>, with a new start. Change anything before saving.
        </p>
      )}
      <form ref={formRef} className="mw-plan" aria-label="Plan a maintenance window" noValidate onSubmit={submit}>
        <div className="mw-plan__fields">
          <Card title="What it mutes">
            {form.monitorIds.length === 0 && form.monitorTags.length === 0 && (
              <p className="field__hint">Pick monitors, monitor tags, or both; the scope then chooses their groups.</p>
            )}
            <MonitorPicker
              monitors={monitors}
              selected={form.monitorIds}
              onChange={(monitorIds) => update({ monitorIds })}
              error={errors['targets.monitorIds'] ?? errors.targets}
            />
            <ChipInput
              id={tagsId}
              label="Monitor tags"
              optional
              value={form.monitorTags}
              onChange={(monitorTags) => update({ monitorTags })}
              validate={tagProblem}
              error={errors['targets.monitorTags']}
              hint="Every monitor carrying all these tags, including monitors created later. Enter or comma adds a tag."
              placeholder="team:payments"
            />
            <ScopeField value={form.scope} onChange={(scope) => update({ scope })} label="Scope (which groups)" serverError={errors.scope} />
          </Card>

          <Card title="When">
            <ScheduleFields form={form} update={update} errors={errors} now={now} />
          </Card>

          <Card title="Why">
            <TextField
              id={reasonId}
              label="Reason"
              required
              multiline
              rows={2}
              value={form.reason}
              onChange={(reason) => update({ reason })}
              error={errors.reason}
              placeholder="e.g. Database failover, CHG-1234"
              hint="Tells the next on-call why these monitors are quiet."
            />
            <TextField
              id={ticketId}
              label="Ticket link"
              type="url"
              required={ticketRequired}
              optional={!ticketRequired}
              value={form.ticket}
              onChange={(ticket) => update({ ticket })}
              error={errors.ticket}
              placeholder="https://jira.example.com/browse/OPS-42"
              hint={ticketRequired ? 'Required for a window with no end.' : undefined}
            />
          </Card>

          <Card title="Notifications at the end">
            <EndSettingsFields value={form.endSettings} onChange={(endSettings) => update({ endSettings })} error={errors['endSettings'] ?? Object.entries(errors).find(([k]) => k.startsWith('endSettings.'))?.[1]} />
          </Card>

          <GuardrailPanel
            panelRef={guardRef}
            problems={problems}
            admin={cap.admin}
            maxMuteHours={cap.maxMuteHours}
            overrideNeeded={overrideNeeded}
            overrideReason={form.overrideReason}
            onOverrideReason={(overrideReason) => update({ overrideReason })}
            mutesEverything={everything}
            confirm={form.confirm}
            onConfirm={(confirm) => update({ confirm })}
            errors={{ overrideReason: errors.overrideReason, confirm: errors.confirm }}
          />

          <div className="mw-plan__submit">
            {attempt > 0 && !saving && refusal && (
              <p className="field__error" role="alert">
                {refusal}
              </p>
            )}
            {generalError !== null && <InlineError error={generalError} prefix="Not saved" />}
            <div className="mw-actions">
              <button type="submit" className="btn btn--primary" disabled={saving}>
                {plan.isPending ? 'Saving…' : untilRecovered.isPending ? 'Setting it to extend until they recover…' : 'Save window'}
              </button>
              <Link className="btn" to={paths.maintenance.getHref()}>
                Cancel
              </Link>
            </div>
          </div>
        </div>

        <aside className="mw-plan__aside" aria-label="Preview">
          <div className="card card--padded">
            <h2>What it would mute</h2>
            <PlanPreview form={form} now={now} update={update} setForm={setForm} />
          </div>
        </aside>
      </form>
    </main>
  );
}
