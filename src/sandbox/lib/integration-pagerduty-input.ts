import { isMasked } from '../../contract/secrets';
import { badRequest } from './errors';
import { hasControlChar, objectBody, onlyKeys, requiredString } from './integration-fields';
import { notOfType, repr, required } from './schema-messages';

/** A PagerDuty service name as Datadog keys it (and puts in @pagerduty-<name>). */
export function pagerDutyServiceName(v: unknown, field = 'service_name'): string {
  if (v === undefined || v === null) required(field);
  if (typeof v !== 'string') notOfType(v, 'string');
  if (v.trim() === '' || v.length > 100 || v.includes('/') || hasControlChar(v)) {
    throw badRequest(`Invalid ${field} ${repr(v)}: a service name is 1-100 characters without '/'`);
  }
  return v;
}

function serviceKey(obj: Record<string, unknown>): string {
  const key = requiredString(obj, 'service_key', { secret: true });
  if (isMasked(key)) throw badRequest("Invalid service_key: send the key itself, not its mask");
  if (key.length > 200) throw badRequest('Invalid service_key: at most 200 characters');
  return key;
}

/** POST .../services: `{service_name, service_key}`. */
export function parsePagerDutyServiceCreate(body: unknown): { service_name: string; service_key: string } {
  const b = objectBody(body);
  onlyKeys(b, ['service_name', 'service_key']);
  return { service_name: pagerDutyServiceName(b.service_name), service_key: serviceKey(b) };
}

/** PUT .../services/{name}: `{service_key}`; the mask read back keeps the stored key (null). */
export function parsePagerDutyServiceUpdate(body: unknown): { service_key: string | null } {
  const b = objectBody(body);
  onlyKeys(b, ['service_key']);
  const key = requiredString(b, 'service_key', { secret: true });
  if (isMasked(key)) return { service_key: null };
  return { service_key: serviceKey(b) };
}
