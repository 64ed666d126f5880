import { ATLAS_FIELDS, ATLAS_TYPES, isSecretKind, type AtlasType } from '../../contract/atlas';
import { createAtlasClient } from '../upstreams/atlas/client';
import { FakeAtlas } from './fake-atlas';
import { keyForms, setup, type SetupOptions } from './test-app';

/**
 * Atlas test data: canary keys and canary integration secrets (exported so a
 * whole-suite secret scan can look for them), a valid body for every type,
 * and `setupAtlas`, the test app with the fake Atlas behind a real client.
 */

/** Canary Atlas keys: quote, backslash, +, /, =, space, & and a non-ASCII letter, so every encoded form differs. */
export const ATLAS_CANARY = {
  publicKey: 'canary"atlas\\pub+/=KEY',
  privateKey: 'canary atlas&priv?key=0123456789abcdef/+ä',
};

export const PROJECT_A = '5f1a2b3c4d5e6f7a8b9c0d1e';
export const PROJECT_B = '6a0b1c2d3e4f5a6b7c8d9e0f';
export const PROJECT_A_NAME = 'Checkout (prod)';
export const PROJECT_B_NAME = 'Search (staging)';

/**
 * One canary per secret field of every type, each at least 8 characters so
 * its mask shows the last 4. URL secrets are real URLs whose secret part is
 * the path.
 */
export const ATLAS_SECRET_CANARIES: Record<AtlasType, Record<string, string>> = {
  PAGER_DUTY: { serviceKey: 'canary-pd-service+key/1234567890' },
  SLACK: { apiToken: 'xoxb-canary-slack-token-0001' },
  DATADOG: { apiKey: 'canary-dd-api-key-for-atlas-0002' },
  NEW_RELIC: {
    licenseKey: 'canary-nr-license-key-0003',
    writeToken: 'canary-nr-write-token-0004',
    readToken: 'canary-nr-read-token-0005',
  },
  OPS_GENIE: { apiKey: 'canary-opsgenie-key-0006' },
  VICTOR_OPS: { apiKey: 'canary-victorops-key-0007' },
  FLOWDOCK: { apiToken: 'canary-flowdock-token-0008' },
  WEBHOOK: { url: 'https://hooks.example.com/canary/webhook-path-0009', secret: 'canary-webhook-signing-0010' },
  MICROSOFT_TEAMS: { microsoftTeamsWebhookUrl: 'https://teams.example.com/webhookb2/canary-teams-0011' },
  PROMETHEUS: { password: 'canary-prometheus-password-0012' },
};

/** A second, different value per secret field, for rotations. */
export const rotated = (value: string): string => `${value}-rotated-9876`;

/** Every canary integration secret (and its rotated form), for scans. */
export const ATLAS_INTEGRATION_CANARIES: string[] = Object.values(ATLAS_SECRET_CANARIES).flatMap((fields) =>
  Object.values(fields).flatMap((v) => [v, rotated(v)]),
);

/** Non-secret values that make a create valid. */
const PLAIN_VALUES: Record<string, string | boolean> = {
  teamName: 'acme',
  channelName: '#alerts',
  region: 'EU',
  accountId: '1234567',
  routingKey: 'atlas-routing',
  flowName: 'ops',
  orgName: 'acme-org',
  username: 'prom-user',
  serviceDiscovery: 'http',
  enabled: true,
};

/** A full, valid create body for a type: every writable field, secrets from the canaries. */
export function validAtlasInput(type: AtlasType): Record<string, string | boolean> {
  const out: Record<string, string | boolean> = {};
  for (const spec of ATLAS_FIELDS[type]) {
    if (spec.responseOnly) continue;
    if (isSecretKind(spec.kind)) out[spec.name] = ATLAS_SECRET_CANARIES[type][spec.name] as string;
    else if (spec.kind === 'enum') {
      const wanted = PLAIN_VALUES[spec.name];
      out[spec.name] = typeof wanted === 'string' && spec.options?.includes(wanted) ? wanted : (spec.options?.[0] ?? '');
    } else out[spec.name] = PLAIN_VALUES[spec.name] ?? `${spec.name}-value`;
  }
  return out;
}

/** [type, field] for every secret field of every type (for table-driven tests). */
export const SECRET_FIELDS: [AtlasType, string][] = ATLAS_TYPES.flatMap((type) =>
  ATLAS_FIELDS[type].filter((spec) => isSecretKind(spec.kind)).map((spec): [AtlasType, string] => [type, spec.name]),
);

export const atlasSecretForms = (): string[] => keyForms([ATLAS_CANARY.publicKey, ATLAS_CANARY.privateKey]);

export interface AtlasSetupOptions extends SetupOptions {
  /** Digest keys the client uses (default: the canaries, which the fake accepts). */
  clientKeys?: { publicKey: string; privateKey: string };
  opaque?: string;
}

/** The test app with Atlas configured: a real Atlas client (digest and all) over the fake Atlas. */
export function setupAtlas(options: AtlasSetupOptions = {}) {
  const atlasFake = new FakeAtlas({ ...ATLAS_CANARY, ...(options.opaque !== undefined ? { opaque: options.opaque } : {}) });
  atlasFake.addProject(PROJECT_A, PROJECT_A_NAME).addProject(PROJECT_B, PROJECT_B_NAME);
  const client = createAtlasClient({
    baseUrl: 'https://atlas.test',
    ...(options.clientKeys ?? ATLAS_CANARY),
    fetch: atlasFake.fetch,
    timeoutMs: options.timeoutMs ?? 2000,
    retries: options.retries ?? 0,
    retryBaseMs: options.retryBaseMs ?? 5,
    ...(options.now ? { now: options.now } : {}),
  });
  const t = setup({ as: 'admin', ...options, atlas: client });
  return { ...t, atlasFake, atlasClient: client };
}
