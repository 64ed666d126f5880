import type { AtlasType, AtlasValues } from '../../contract/atlas';
import type { Db } from '../store/db';
import { AtlasStore } from './atlas-store';

const DAY_US = 86_400_000_000;

/**
 * The demo Atlas org (seed "demo"): two projects, three integrations. The
 * secrets are fake and exist only so reads can show their masks. PAGER_DUTY
 * and MICROSOFT_TEAMS are configured nowhere (a browser test configures them).
 */
export const ATLAS_DEMO = {
  orgId: '5f1a2b3c4d5e6f7a8b9c0d00',
  projects: {
    checkoutProd: { id: '5f1a2b3c4d5e6f7a8b9c0d1e', name: 'checkout-prod', clusterCount: 3, createdDaysAgo: 420 },
    analyticsStaging: { id: '5f1a2b3c4d5e6f7a8b9c0d2f', name: 'analytics-staging', clusterCount: 1, createdDaysAgo: 180 },
  },
  integrations: [
    {
      id: '64b0c1d2e3f4a5b6c7d8e901',
      project: 'checkoutProd',
      type: 'SLACK',
      values: { apiToken: 'sandbox-fake-slack-token-checkout-5821', teamName: 'acme-eng', channelName: '#checkout-alerts' },
    },
    {
      id: '64b0c1d2e3f4a5b6c7d8e902',
      project: 'checkoutProd',
      type: 'DATADOG',
      values: { apiKey: 'sandbox0fake0datadog0api0key07890', region: 'US' },
    },
    {
      id: '64b0c1d2e3f4a5b6c7d8e903',
      project: 'analyticsStaging',
      type: 'WEBHOOK',
      values: { url: 'https://hooks.example.com/atlas/analytics-staging/3c9e', secret: 'sandbox-fake-webhook-secret-d41f' },
    },
  ] as const satisfies readonly { id: string; project: 'checkoutProd' | 'analyticsStaging'; type: AtlasType; values: AtlasValues }[],
} as const;

/** Inserts the demo projects and integrations (into empty Atlas tables). Call inside a transaction. */
export function seedDemoAtlas(db: Db, nowUs: number): void {
  const store = new AtlasStore(db);
  for (const p of Object.values(ATLAS_DEMO.projects)) {
    store.insertProject({ id: p.id, name: p.name, org_id: ATLAS_DEMO.orgId, cluster_count: p.clusterCount, created_us: nowUs - p.createdDaysAgo * DAY_US });
  }
  ATLAS_DEMO.integrations.forEach((i, n) => {
    const at = nowUs - (30 - n) * DAY_US;
    store.insertIntegration({ id: i.id, project_id: ATLAS_DEMO.projects[i.project].id, type: i.type, values: { ...i.values }, created_us: at, modified_us: at });
  });
}

/** For a data file from before Atlas existed: seeds the demo Atlas org unless it has Atlas projects already. */
export function seedDemoAtlasIfMissing(db: Db, nowUs: number): void {
  db.transaction(() => {
    if (new AtlasStore(db).countProjects() === 0) seedDemoAtlas(db, nowUs);
  })();
}
