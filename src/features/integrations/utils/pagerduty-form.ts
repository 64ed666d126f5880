import {
  PagerDutyServiceInputSchema,
  PagerDutyServiceUpdateSchema,
  type PagerDutyServiceInput,
  type PagerDutyServiceUpdate,
} from '../../../contract/integrations';
import { fromSchema, type Validation } from './validation';

export interface NewServiceDraft {
  name: string;
  serviceKey: string;
}

export function validateNewService(draft: NewServiceDraft): Validation<PagerDutyServiceInput> {
  const parsed = PagerDutyServiceInputSchema.safeParse(draft);
  return fromSchema(parsed);
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
  const v = fromSchema(PagerDutyServiceUpdateSchema.safeParse({ serviceKey: draft.serviceKey }));
  return v.ok ? { ok: true, data: { kind: 'set', body: v.data } } : v;
}
