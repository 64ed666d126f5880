import {
  PagerDutyServiceInputSchema,
  PagerDutyServiceUpdateSchema,
  type PagerDutyServiceInput,
  type PagerDutyServiceUpdate,
} from '../../../contract/integrations';
import type { Validation } from '../hooks/use-draft-form';
import { schemaErrors } from './form-errors';

export interface NewServiceDraft {
  name: string;
  serviceKey: string;
}

export function validateNewService(draft: NewServiceDraft): Validation<PagerDutyServiceInput> {
  const parsed = PagerDutyServiceInputSchema.safeParse(draft);
  return parsed.success ? { ok: true, data: parsed.data } : { ok: false, errors: schemaErrors(parsed.error) };
}

/** undefined: keep the stored key (nothing is sent). */
export interface KeyDraft {
  serviceKey: string | undefined;
}

export type KeyChange = { kind: 'keep' } | { kind: 'set'; body: PagerDutyServiceUpdate };

/** Keep (nothing is sent) or the body of a key rotation. */
export function validateKeyChange(draft: KeyDraft): Validation<KeyChange> {
  if (draft.serviceKey === undefined) return { ok: true, data: { kind: 'keep' } };
  if (draft.serviceKey.trim() === '') return { ok: false, errors: { serviceKey: 'Enter the new service key, or choose Keep current' } };
  const parsed = PagerDutyServiceUpdateSchema.safeParse({ serviceKey: draft.serviceKey });
  return parsed.success ? { ok: true, data: { kind: 'set', body: parsed.data } } : { ok: false, errors: schemaErrors(parsed.error) };
}
