import { DeclareIncidentRequestSchema, type DeclareIncidentRequest } from '../../../contract/incidents';
import { zodFieldErrors, type FieldErrors } from '../../../lib/field-errors';
import { parseDateTimeLocalValue } from '../../../lib/format-time';

/** What the declare form holds, as typed. */
export interface DeclareDraft {
  title: string;
  severity: string;
  customerImpacted: boolean;
  customerImpactScope: string;
  /** datetime-local value, local time. */
  customerImpactStart: string;
  commanderId: string | null;
  teams: string[];
  notificationHandles: string[];
}

export type DeclareCheck = { ok: true; request: DeclareIncidentRequest } | { ok: false; errors: FieldErrors };

/**
 * The request for a draft, checked with DeclareIncidentRequestSchema itself, so
 * the browser refuses what the BFF would, in the same words. Impact details are
 * sent only with customer impact on.
 */
export function checkDeclareDraft(draft: DeclareDraft): DeclareCheck {
  const body: Record<string, unknown> = {
    title: draft.title,
    severity: draft.severity,
    customerImpacted: draft.customerImpacted,
  };
  const errors: FieldErrors = {};
  if (draft.customerImpacted) {
    if (draft.customerImpactScope.trim()) body.customerImpactScope = draft.customerImpactScope.trim();
    if (draft.customerImpactStart) {
      const start = parseDateTimeLocalValue(draft.customerImpactStart);
      if (start === null) errors.customerImpactStart = 'Enter a valid date and time';
      else body.customerImpactStart = start;
    }
  }
  if (draft.commanderId) body.commanderId = draft.commanderId;
  if (draft.teams.length > 0) body.teams = draft.teams;
  if (draft.notificationHandles.length > 0) body.notificationHandles = draft.notificationHandles;

  const parsed = DeclareIncidentRequestSchema.safeParse(body);
  if (!parsed.success) return { ok: false, errors: { ...zodFieldErrors(parsed.error), ...errors } };
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, request: parsed.data };
}

/** The schema's word on one notification handle (e.g. "A handle starts with @"), or null when it is fine. */
export function handleError(handle: string): string | null {
  const parsed = DeclareIncidentRequestSchema.safeParse({
    title: 'x',
    severity: 'UNKNOWN',
    customerImpacted: false,
    notificationHandles: [handle],
  });
  if (parsed.success) return null;
  return parsed.error.issues.find((i) => i.path[0] === 'notificationHandles')?.message ?? null;
}
