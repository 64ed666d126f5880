import { randomBytes, randomUUID } from 'node:crypto';
import { serve } from '@hono/node-server';
import { createApp } from './app';
import { bootstrapAdmin } from './auth/bootstrap-admin';
import { createPasswordHasher } from './auth/password';
import { readEnv, type ServerConfig } from './env';
import type { TestControls } from './lib/deps';
import { createLogger } from './lib/logger';
import { WATCH_INTERVAL_MS } from './lib/maintenance-watch';
import { createRedactor } from './lib/redact';
import { openStore } from './store/open-store';
import { createAtlasClient } from './upstreams/atlas/client';
import { createDatadogClient, type FetchLike } from './upstreams/datadog/client';

/** Entry point: read the environment, pick the upstream, listen. Nothing else. */

/** Base URL for the in-process sandbox; `.invalid` can never resolve, so nothing leaves the process. */
const EMBEDDED_BASE_URL = 'http://local-datadog.invalid';

interface Upstream {
  baseUrl: string;
  apiKey: string;
  appKey: string;
  /** Atlas's base URL and key pair; null = Atlas not configured. */
  atlas: { baseUrl: string; publicKey: string; privateKey: string } | null;
  fetch: FetchLike;
  testControls: TestControls | null;
  close: () => void;
}

async function embeddedUpstream(config: ServerConfig): Promise<Upstream> {
  // DESIGN.md: only server/index.ts loads the sandbox, and only dynamically, in embedded mode.
  const { createSandbox } = await import('../sandbox/create-sandbox');
  const apiKey = randomBytes(16).toString('hex');
  const appKey = randomBytes(20).toString('hex');
  // The local Atlas's digest key pair (public key = user name, private key = password), new at every start like the Datadog keys.
  const atlas = { baseUrl: EMBEDDED_BASE_URL, publicKey: randomBytes(8).toString('hex'), privateKey: randomUUID() };
  const sandbox = createSandbox({
    dataDir: config.dataDir,
    seed: config.sandbox.seed,
    ...(config.sandbox.seedMonitors !== null ? { seedMonitors: config.sandbox.seedMonitors } : {}),
    apiKey,
    appKey,
    atlasPublicKey: atlas.publicKey,
    atlasPrivateKey: atlas.privateKey,
    // Service check monitors: No Data and renotifications are evaluated on this clock.
    evaluateEveryMs: 5000,
  });
  const testControls: TestControls | null = config.testControls
    ? {
        reset: () => sandbox.reset(),
        idle: () => sandbox.idle(),
        setSlackWorkspaces: async (accounts) => {
          const connect = accounts.length > 0;
          const res = await sandbox.fetch(
            new Request(`${EMBEDDED_BASE_URL}/api/v1/integration/slack`, {
              method: connect ? 'PUT' : 'DELETE',
              headers: { 'Content-Type': 'application/json', 'DD-API-KEY': apiKey, 'DD-APPLICATION-KEY': appKey },
              ...(connect
                ? { body: JSON.stringify({ service_hooks: accounts.map((account) => ({ account, url: `https://hooks.slack.com/services/T0/B0/${account}` })) }) }
                : {}),
            }),
          );
          if (!res.ok) throw new Error(`the local Datadog answered ${res.status} to the Slack change`);
        },
        setUpstreamFault: (status) =>
          sandbox.setFault(
            status === null
              ? null
              : { status, body: { errors: [`Injected fault ${status}`] }, headers: status === 429 ? { 'X-RateLimit-Reset': '1' } : {} },
          ),
      }
    : null;
  return {
    baseUrl: EMBEDDED_BASE_URL,
    apiKey,
    appKey,
    atlas,
    fetch: (req) => sandbox.fetch(req),
    testControls,
    close: () => sandbox.close(),
  };
}

async function main(): Promise<void> {
  const config = readEnv();
  const upstream: Upstream =
    config.upstream === null
      ? await embeddedUpstream(config)
      : { ...config.upstream, atlas: config.atlas, fetch: (req) => fetch(req), testControls: null, close: () => {} };

  // The BFF's own store (users, sessions, audit), beside but apart from the sandbox's file.
  const store = openStore({ dataDir: config.dataDir });
  const passwords = createPasswordHasher();
  const boot =
    config.auth.mode === 'local'
      ? await bootstrapAdmin({ store, passwords, adminPassword: config.auth.adminPassword, now: Date.now })
      : { generatedPassword: null };

  const secrets = [
    upstream.apiKey,
    upstream.appKey,
    upstream.atlas?.publicKey ?? '',
    upstream.atlas?.privateKey ?? '',
    config.auth.adminPassword ?? '',
    boot.generatedPassword ?? '',
  ];
  const logger = createLogger({ redact: createRedactor(secrets), level: config.logLevel });
  const datadog = createDatadogClient({ ...upstream, timeoutMs: config.timeoutMs });
  const atlas = upstream.atlas ? createAtlasClient({ ...upstream.atlas, fetch: upstream.fetch, timeoutMs: config.timeoutMs }) : null;
  const app = createApp({
    config,
    datadog,
    atlas,
    logger,
    testControls: upstream.testControls,
    store,
    passwords,
    maintenanceWatchMs: WATCH_INTERVAL_MS,
  });

  const server = serve({ fetch: app.fetch, hostname: config.host, port: config.port }, (info) => {
    const host = info.address.includes(':') ? `[${info.address}]` : info.address;
    const url = `http://${host}:${info.port}/`;
    logger.info(`watchdeck ${config.mode} mode listening on ${url}`, { authMode: config.auth.mode });
    if (boot.generatedPassword !== null) {
      // Printed once, straight to stderr and never through the logger; the next start will not show it again.
      process.stderr.write(
        `watchdeck: created the first admin account. Sign in at ${url} as "admin" with the password ${boot.generatedPassword}\n` +
          'watchdeck: this password is shown only now; set WATCHDECK_ADMIN_PASSWORD to choose your own.\n',
      );
    }
  });

  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    logger.info('shutting down', { signal });
    const force = setTimeout(() => process.exit(1), 5000);
    force.unref();
    server.close(() => {
      upstream.close();
      store.close();
      process.exit(0);
    });
    // Idle keep-alive sockets would hold close() open.
    (server as { closeIdleConnections?: () => void }).closeIdleConnections?.();
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}

main().catch((err: unknown) => {
  process.stderr.write(`watchdeck: failed to start: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
