import { UpdateIncidentRequestSchema, type IncidentSummary, type UpdateIncidentRequest } from '../../../contract/incidents';
import { zodFieldErrors, type FieldErrors } from '../../../lib/field-errors';
import { parseDateTimeLocalValue, toDateTimeLocalValue } from '../../../lib/format-time';

/** The customer impact form, as typed. */
export interface ImpactDraft {
  customerImpacted: boolean;
  customerImpactScope: string;
  /** datetime-local values, local time; "" for none. */
  customerImpactStart: string;
  customerImpactEnd: string;
}

export function impactDraftFrom(i: IncidentSummary, now: number): ImpactDraft {
  return {
    customerImpacted: i.customerImpacted,
    customerImpactScope: i.customerImpactScope ?? '',
    customerImpactStart: toDateTimeLocalValue(i.customerImpactStart ?? now),
    customerImpactEnd: i.customerImpactEnd === null ? '' : toDateTimeLocalValue(i.customerImpactEnd),
  };
}

export type ImpactCheck = { ok: true; change: UpdateIncidentRequest } | { ok: false; errors: FieldErrors };

/** The PATCH for the impact form, checked with UpdateIncidentRequestSchema (an end before its start is refused). */
export function checkImpactDraft(d: ImpactDraft): ImpactCheck {
  if (!d.customerImpacted) return { ok: true, change: { customerImpacted: false } };
  const errors: FieldErrors = {};
  const start = d.customerImpactStart ? parseDateTimeLocalValue(d.customerImpactStart) : null;
  const end = d.customerImpactEnd ? parseDateTimeLocalValue(d.customerImpactEnd) : null;
  if (d.customerImpactStart && start === null) errors.customerImpactStart = 'Enter a valid date and time';
  if (d.customerImpactEnd && end === null) errors.customerImpactEnd = 'Enter a valid date and time';
  const change = {
    customerImpacted: true,
    customerImpactScope: d.customerImpactScope.trim() || null,
    customerImpactStart: start,
    customerImpactEnd: end,
  };
  const parsed = UpdateIncidentRequestSchema.safeParse(change);
  if (!parsed.success) return { ok: false, errors: { ...errors, ...zodFieldErrors(parsed.error) } };
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, change: parsed.data };
}
