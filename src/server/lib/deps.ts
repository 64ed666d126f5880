import type { LoginThrottle } from '../auth/login-throttle';
import type { PasswordHasher } from '../auth/password';
import type { ProxyIdentity } from '../auth/proxy-identity';
import type { Sessions } from '../auth/sessions';
import type { TokenBuckets } from '../auth/token-bucket';
import type { ServerConfig } from '../env';
import type { BffStore } from '../store/open-store';
import type { AtlasClient } from '../upstreams/atlas/client';
import type { DatadogClient } from '../upstreams/datadog/client';
import type { Logger } from './logger';
import type { Redactor } from './redact';
import type { SnapshotCache } from './snapshot-cache';

/** Hooks into the embedded sandbox, for e2e tests only (WATCHDECK_TEST_CONTROLS=1). */
export interface TestControls {
  reset(): void;
  setUpstreamFault(status: number | null): void;
  /** Resolves once the sandbox has delivered and logged every queued monitor notification. */
  idle(): Promise<void>;
  /**
   * Connects exactly these Slack workspaces in the local Datadog (its 2018 endpoint, as an admin
   * would in Datadog's UI); none disconnects them all, with their channels.
   */
  setSlackWorkspaces(accounts: string[]): Promise<void>;
}

/** What every handler can use; built once by createApp. */
export interface ServerDeps {
  config: ServerConfig;
  datadog: DatadogClient;
  /** Null when the BFF has no Atlas keys (real or pointed mode without ATLAS_*): the Atlas routes say so. */
  atlas: AtlasClient | null;
  /** Scrubs every upstream key (Datadog and Atlas) out of a text; every response body passes through it. */
  redact: Redactor;
  now: () => number;
  logger: Logger;
  /** Last good upstream answers for GETs (coalesced, stale-if-error), keyed by role and resource. */
  snapshots: SnapshotCache;
  testControls: TestControls | null;
  /** Users, sessions and the audit log. */
  store: BffStore;
  sessions: Sessions;
  passwords: PasswordHasher;
  loginThrottle: LoginThrottle;
  mutationBuckets: TokenBuckets;
  /** Proxy mode only. */
  proxyIdentity: ((address: string, header: (name: string) => string | undefined) => ProxyIdentity) | null;
}
