import { z } from 'zod';
import { PASSWORD_MAX, PASSWORD_MIN } from '../contract/auth';
import { DEFAULT_MAX_MUTE_HOURS } from '../contract/monitors';
import { proxyRoles, trustedProxies, type ProxyRoleRule } from './env-auth';

/**
 * The BFF's configuration. This is the only file in src/server that reads
 * process.env (see DESIGN.md "Modes"); everything else receives a ServerConfig.
 */

export const DATADOG_SITES = [
  'datadoghq.com',
  'us3.datadoghq.com',
  'us5.datadoghq.com',
  'datadoghq.eu',
  'ap1.datadoghq.com',
  'ap2.datadoghq.com',
  'ddog-gov.com',
  'us2.ddog-gov.com',
  'uk1.datadoghq.com',
] as const;
export type DatadogSite = (typeof DATADOG_SITES)[number];

export type Mode = 'embedded' | 'real' | 'pointed';
export type AuthMode = 'local' | 'proxy';
export type { ProxyRoleRule };
export type LogLevelName = 'debug' | 'info' | 'warn' | 'error';

export interface AuthConfig {
  mode: AuthMode;
  /** The `admin` account's password, re-applied at every start; null = generate one on first start. */
  adminPassword: string | null;
  sessionIdleMs: number;
  sessionMaxMs: number;
  /** Proxy mode: addresses or CIDR blocks whose X-Forwarded-User/Email/Groups are believed. */
  trustedProxies: string[];
  proxyRoles: ProxyRoleRule[];
}

export interface AtlasConfig {
  baseUrl: string;
  publicKey: string;
  privateKey: string;
}

/** Atlas's Admin API, when neither ATLAS_API_URL nor (in pointed mode) DD_API_URL says otherwise. */
export const ATLAS_DEFAULT_URL = 'https://cloud.mongodb.com';

export interface ServerConfig {
  mode: Mode;
  /** The Datadog site in real mode; null in embedded and pointed mode. */
  site: DatadogSite | null;
  /** Where and how to reach Datadog; null in embedded mode (the sandbox runs in-process). */
  upstream: { baseUrl: string; apiKey: string; appKey: string } | null;
  /**
   * Where and how to reach Atlas (HTTP Digest with the public key as user name, the private key as password).
   * Null in embedded mode (index.ts gives the in-process Atlas random keys) and in real or pointed mode
   * without ATLAS_PUBLIC_KEY + ATLAS_PRIVATE_KEY, where the Atlas routes say Atlas is not configured.
   */
  atlas: AtlasConfig | null;
  timeoutMs: number;
  dataDir: string;
  port: number;
  host: string;
  sandbox: { seed: 'demo' | 'empty'; seedMonitors: number | null };
  refreshIntervalMs: number;
  testControls: boolean;
  auth: AuthConfig;
  /** Longest mute a responder may make; longer and indefinite mutes are admin-only. */
  maxMuteHours: number;
  /** Token bucket per user on /api mutations: refill per minute, and the burst. */
  userMutationsPerMinute: number;
  logLevel: LogLevelName;
}

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    readonly reason: string,
  ) {
    super(`${variable}: ${reason}`);
    this.name = 'ConfigError';
  }
}

const intString = (min: number, max: number) =>
  z
    .string()
    .regex(/^[0-9]+$/, 'must be a whole number')
    .transform(Number)
    .pipe(z.number().int().min(min, `must be at least ${min}`).max(max, `must be at most ${max}`));

const apiUrl = z
  .string()
  .transform((s) => s.replace(/\/+$/, ''))
  .pipe(
    z.url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' }).refine((s) => {
      if (!URL.canParse(s)) return true; // z.url reported it already
      const u = new URL(s);
      return !u.username && !u.password && !u.search && !u.hash;
    }, 'must be a plain base URL (no credentials, query or fragment)'),
  );

const EnvSchema = z.object({
  DD_API_KEY: z.string().min(1).optional(),
  DD_APP_KEY: z.string().min(1).optional(),
  DD_SITE: z.enum(DATADOG_SITES, { error: `must be one of ${DATADOG_SITES.join(', ')}` }).default('datadoghq.com'),
  DD_API_URL: apiUrl.optional(),
  DD_TIMEOUT_MS: intString(1, 600_000).default(10_000),
  ATLAS_PUBLIC_KEY: z.string().min(1).optional(),
  ATLAS_PRIVATE_KEY: z.string().min(1).optional(),
  ATLAS_API_URL: apiUrl.optional(),
  WATCHDECK_DATA_DIR: z.string().min(1).default('./data'),
  PORT: intString(0, 65_535).default(8080),
  HOST: z
    .string()
    .regex(/^[A-Za-z0-9.:[\]-]+$/, 'must be a host name or IP address')
    .default('127.0.0.1'),
  SANDBOX_SEED: z.enum(['demo', 'empty'], { error: 'must be demo or empty' }).default('demo'),
  SANDBOX_SEED_MONITORS: intString(1, 1_000_000).optional(),
  WATCHDECK_REFRESH_MS: intString(1000, 86_400_000).default(30_000),
  WATCHDECK_TEST_CONTROLS: z.enum(['0', '1'], { error: 'must be 0 or 1' }).default('0'),
  WATCHDECK_AUTH: z.enum(['local', 'proxy'], { error: 'must be local or proxy' }).default('local'),
  WATCHDECK_ADMIN_PASSWORD: z
    .string()
    .min(PASSWORD_MIN, `must be at least ${PASSWORD_MIN} characters`)
    .max(PASSWORD_MAX, `must be at most ${PASSWORD_MAX} characters`)
    .optional(),
  WATCHDECK_SESSION_IDLE_MINUTES: intString(1, 10_080).default(60),
  WATCHDECK_SESSION_MAX_HOURS: intString(1, 720).default(12),
  WATCHDECK_TRUSTED_PROXIES: trustedProxies.optional(),
  WATCHDECK_PROXY_ROLES: proxyRoles.optional(),
  WATCHDECK_MAX_MUTE_HOURS: intString(1, 87_600).default(DEFAULT_MAX_MUTE_HOURS),
  WATCHDECK_USER_MUTATIONS_PER_MINUTE: intString(1, 1_000_000).default(600),
  WATCHDECK_LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error'], { error: 'must be debug, info, warn or error' }).default('info'),
});

const VARIABLES = Object.keys(EnvSchema.shape);

type ParsedEnv = z.output<typeof EnvSchema>;

/**
 * Atlas's keys come as a pair. The base URL is ATLAS_API_URL, else DD_API_URL
 * in pointed mode (the standalone sandbox serves Atlas on the same port), else
 * cloud.mongodb.com. Embedded mode always runs its own Atlas in-process, so
 * Atlas settings there are a mistake worth naming rather than ignoring.
 */
function atlasConfig(env: ParsedEnv, mode: Mode): AtlasConfig | null {
  if (env.ATLAS_PUBLIC_KEY && !env.ATLAS_PRIVATE_KEY) throw new ConfigError('ATLAS_PRIVATE_KEY', 'is required when ATLAS_PUBLIC_KEY is set');
  if (env.ATLAS_PRIVATE_KEY && !env.ATLAS_PUBLIC_KEY) throw new ConfigError('ATLAS_PUBLIC_KEY', 'is required when ATLAS_PRIVATE_KEY is set');
  if (mode === 'embedded') {
    const given = env.ATLAS_PUBLIC_KEY ? 'ATLAS_PUBLIC_KEY' : env.ATLAS_API_URL ? 'ATLAS_API_URL' : null;
    if (given) {
      throw new ConfigError(
        given,
        'is only used with DD_API_KEY or DD_API_URL; without them watchdeck runs in embedded mode with its own local Atlas',
      );
    }
    return null;
  }
  if (env.ATLAS_API_URL && !env.ATLAS_PUBLIC_KEY) throw new ConfigError('ATLAS_PUBLIC_KEY', 'is required when ATLAS_API_URL is set');
  if (!env.ATLAS_PUBLIC_KEY || !env.ATLAS_PRIVATE_KEY) return null;
  const baseUrl = env.ATLAS_API_URL ?? (mode === 'pointed' ? (env.DD_API_URL as string) : ATLAS_DEFAULT_URL);
  return { baseUrl, publicKey: env.ATLAS_PUBLIC_KEY, privateKey: env.ATLAS_PRIVATE_KEY };
}

/** Parses an environment (process.env or a test's object). Throws a ConfigError naming the bad variable. */
export function parseEnv(source: Record<string, string | undefined>): ServerConfig {
  // Treat empty strings as unset, the way `FOO= cmd` and compose files mean them.
  // A password keeps its spaces: only an all-blank value counts as unset.
  const picked: Record<string, string> = {};
  for (const name of VARIABLES) {
    const value = source[name];
    if (value !== undefined && value.trim() !== '') picked[name] = name === 'WATCHDECK_ADMIN_PASSWORD' ? value : value.trim();
  }
  const parsed = EnvSchema.safeParse(picked);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const variable = String(issue?.path[0] ?? 'environment');
    throw new ConfigError(variable, issue?.message ?? 'invalid');
  }
  const env = parsed.data;

  if (env.DD_API_KEY && !env.DD_APP_KEY) throw new ConfigError('DD_APP_KEY', 'is required when DD_API_KEY is set');
  if (env.DD_APP_KEY && !env.DD_API_KEY) throw new ConfigError('DD_API_KEY', 'is required when DD_APP_KEY is set');

  const mode: Mode = env.DD_API_URL ? 'pointed' : env.DD_API_KEY ? 'real' : 'embedded';
  const atlas = atlasConfig(env, mode);
  if (env.WATCHDECK_TEST_CONTROLS === '1' && mode !== 'embedded') {
    throw new ConfigError('WATCHDECK_TEST_CONTROLS', 'is only allowed in embedded mode');
  }

  if (env.WATCHDECK_AUTH === 'proxy') {
    if (!env.WATCHDECK_TRUSTED_PROXIES) throw new ConfigError('WATCHDECK_TRUSTED_PROXIES', 'is required when WATCHDECK_AUTH=proxy');
    if (!env.WATCHDECK_PROXY_ROLES) throw new ConfigError('WATCHDECK_PROXY_ROLES', 'is required when WATCHDECK_AUTH=proxy');
  }
  if (env.WATCHDECK_SESSION_IDLE_MINUTES > env.WATCHDECK_SESSION_MAX_HOURS * 60) {
    throw new ConfigError('WATCHDECK_SESSION_IDLE_MINUTES', 'must not be longer than WATCHDECK_SESSION_MAX_HOURS');
  }

  const keys = { apiKey: env.DD_API_KEY ?? '', appKey: env.DD_APP_KEY ?? '' };
  const upstream =
    mode === 'pointed'
      ? { baseUrl: env.DD_API_URL as string, ...keys }
      : mode === 'real'
        ? { baseUrl: `https://api.${env.DD_SITE}`, ...keys }
        : null;

  return {
    mode,
    site: mode === 'real' ? env.DD_SITE : null,
    upstream,
    atlas,
    timeoutMs: env.DD_TIMEOUT_MS,
    dataDir: env.WATCHDECK_DATA_DIR,
    port: env.PORT,
    host: env.HOST,
    sandbox: { seed: env.SANDBOX_SEED, seedMonitors: env.SANDBOX_SEED_MONITORS ?? null },
    refreshIntervalMs: env.WATCHDECK_REFRESH_MS,
    testControls: env.WATCHDECK_TEST_CONTROLS === '1',
    auth: {
      mode: env.WATCHDECK_AUTH,
      adminPassword: env.WATCHDECK_ADMIN_PASSWORD ?? null,
      sessionIdleMs: env.WATCHDECK_SESSION_IDLE_MINUTES * 60_000,
      sessionMaxMs: env.WATCHDECK_SESSION_MAX_HOURS * 3_600_000,
      trustedProxies: env.WATCHDECK_TRUSTED_PROXIES ?? [],
      proxyRoles: env.WATCHDECK_PROXY_ROLES ?? [],
    },
    maxMuteHours: env.WATCHDECK_MAX_MUTE_HOURS,
    userMutationsPerMinute: env.WATCHDECK_USER_MUTATIONS_PER_MINUTE,
    logLevel: env.WATCHDECK_LOG_LEVEL,
  };
}

/** Parses process.env; on failure prints one line naming the variable and exits 1. */
export function readEnv(): ServerConfig {
  try {
    return parseEnv(process.env);
  } catch (err) {
    const why = err instanceof ConfigError ? err.message : 'could not be read';
    process.stderr.write(`watchdeck: invalid configuration: ${why}\n`);
    process.exit(1);
  }
}
