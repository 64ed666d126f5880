import type { ServerConfig } from '../env';
import type { DatadogClient } from '../upstreams/datadog/client';
import type { Logger } from './logger';
import type { SnapshotCache } from './snapshot-cache';

/** Hooks into the embedded sandbox, for e2e tests only (WATCHDECK_TEST_CONTROLS=1). */
export interface TestControls {
  reset(): void;
  setUpstreamFault(status: number | null): void;
}

/** What every handler can use; built once by createApp. */
export interface ServerDeps {
  config: ServerConfig;
  datadog: DatadogClient;
  now: () => number;
  logger: Logger;
  /** Last good upstream answers for GETs (coalesced, stale-if-error). */
  snapshots: SnapshotCache;
  testControls: TestControls | null;
}
