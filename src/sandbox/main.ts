import { serve } from '@hono/node-server';
import { createSandbox } from './create-sandbox';
import { loadSandboxEnv } from './env';

/** `npm run sandbox`: the local Datadog (and the local Atlas under /api/atlas/) on its own port. */
const env = loadSandboxEnv();
const sandbox = createSandbox({
  dataDir: env.WATCHDECK_DATA_DIR,
  seed: env.SANDBOX_SEED,
  seedMonitors: env.SANDBOX_SEED_MONITORS,
  apiKey: env.SANDBOX_API_KEY,
  appKey: env.SANDBOX_APP_KEY,
  atlasPublicKey: env.SANDBOX_ATLAS_PUBLIC_KEY,
  atlasPrivateKey: env.SANDBOX_ATLAS_PRIVATE_KEY,
  // Service checks (issue 6): No Data and renotifications follow the clock.
  evaluateEveryMs: 15_000,
  // Issue 8: standalone, the local Datadog throttles like Datadog does (SANDBOX_RATE_LIMITS=off to stop it).
  rateLimits: env.SANDBOX_RATE_LIMITS,
});

const server = serve({ fetch: sandbox.fetch, port: env.SANDBOX_PORT, hostname: env.SANDBOX_HOST }, (info) => {
  const host = info.family === 'IPv6' ? `[${info.address}]` : info.address;
  const limits = env.SANDBOX_RATE_LIMITS ? `rate limits ×${env.SANDBOX_RATE_LIMITS.scale}` : 'rate limits off';
  console.log(`[sandbox] local Datadog + Atlas listening on http://${host}:${info.port} (data: ${env.WATCHDECK_DATA_DIR}, ${limits})`);
});

let stopping = false;
function shutdown(signal: string): void {
  if (stopping) return;
  stopping = true;
  console.log(`[sandbox] ${signal}: closing`);
  server.close(() => {
    sandbox.close();
    process.exit(0);
  });
  // Keep-alive connections can hold close() open; the database is safe to close regardless.
  setTimeout(() => {
    sandbox.close();
    process.exit(0);
  }, 2000).unref();
}
process.on('SIGINT', () => shutdown('SIGINT'));
process.on('SIGTERM', () => shutdown('SIGTERM'));
