import { isMasked } from '../../contract/secrets';
import { badRequest } from './errors';
import type { IntegrationDeps } from './integration-context';
import { objectBody, objectList, onlyKeys, requiredString, secretText, stringList } from './integration-fields';
import { pagerDutyServiceName } from './integration-pagerduty-input';
import { notOfType } from './schema-messages';

/**
 * The 2018 body of /api/v1/integration/pagerduty:
 * `{services:[{service_name, service_key}], subdomain, schedules:[...], api_token}`.
 * Its services are the rows of /api/v1/integration/pagerduty/configuration/services.
 */

/** A secret sent back as its mask (or left empty): keep the stored one. */
const KEEP = Symbol('keep');
type SecretIn = string | typeof KEEP;

export interface LegacyPagerDutyInput {
  services?: { service_name: string; service_key: SecretIn }[];
  subdomain?: string | null;
  schedules?: string[];
  api_token?: SecretIn;
}

function secret(v: unknown, field: string): SecretIn {
  if (v === null || v === '') return KEEP;
  const s = secretText(v, field);
  return isMasked(s) ? KEEP : s;
}

export function parseLegacyPagerDuty(body: unknown): LegacyPagerDutyInput {
  const b = objectBody(body);
  onlyKeys(b, ['services', 'subdomain', 'schedules', 'api_token', 'run_check']);
  const out: LegacyPagerDutyInput = {};
  if (b.services !== undefined && b.services !== null) {
    out.services = objectList(b.services).map((s) => {
      onlyKeys(s, ['service_name', 'service_key']);
      return { service_name: pagerDutyServiceName(s.service_name), service_key: secret(requiredString(s, 'service_key', { secret: true }), 'service_key') };
    });
  }
  if (b.subdomain !== undefined) {
    if (b.subdomain !== null && typeof b.subdomain !== 'string') notOfType(b.subdomain, 'string');
    out.subdomain = b.subdomain === '' ? null : (b.subdomain as string | null);
  }
  if (b.schedules !== undefined && b.schedules !== null) out.schedules = stringList(b.schedules);
  if (b.api_token !== undefined) out.api_token = secret(b.api_token, 'api_token');
  return out;
}

/**
 * POST adds (services are upserted, schedules appended); PUT replaces each
 * part the body has (services it does not list are removed). Secrets sent
 * back as their mask keep the stored value. One transaction.
 */
export function applyLegacyPagerDuty(deps: IntegrationDeps, input: LegacyPagerDutyInput, mode: 'add' | 'replace'): void {
  const { pagerduty } = deps;
  deps.db.transaction(() => {
    const now = deps.nowUs();
    if (input.services) {
      const listed = new Set(input.services.map((s) => s.service_name));
      if (mode === 'replace') for (const s of pagerduty.listServices()) if (!listed.has(s.service_name)) pagerduty.deleteService(s.service_name);
      for (const s of input.services) {
        const existing = pagerduty.getService(s.service_name);
        if (existing) {
          if (s.service_key !== KEEP) pagerduty.setServiceKey(s.service_name, s.service_key, now);
        } else {
          if (s.service_key === KEEP) {
            throw badRequest(`Invalid service_key for service '${s.service_name}': send the key itself, not its mask`);
          }
          pagerduty.insertService({ service_name: s.service_name, service_key: s.service_key, created_us: now, modified_us: now });
        }
      }
    }
    if (input.subdomain !== undefined || input.schedules !== undefined || input.api_token !== undefined) {
      const cur = pagerduty.getSettings() ?? { subdomain: null, schedules: [], api_token: null, modified_us: now };
      let schedules = cur.schedules;
      if (input.schedules) {
        schedules = mode === 'replace' ? [...new Set(input.schedules)] : [...new Set([...cur.schedules, ...input.schedules])];
      }
      pagerduty.putSettings({
        subdomain: input.subdomain !== undefined ? input.subdomain : cur.subdomain,
        schedules,
        api_token: input.api_token === undefined || input.api_token === KEEP ? cur.api_token : input.api_token,
        modified_us: now,
      });
    }
  })();
}
