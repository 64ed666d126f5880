import { test as base, expect, type APIRequestContext } from '@playwright/test';

/**
 * Every journey starts from the demo org as seeded, with the upstream healthy:
 * the BFF runs with WATCHDECK_TEST_CONTROLS=1 (scripts/e2e-server.sh), which
 * adds /api/_test/reset and /api/_test/upstream-fault in embedded mode.
 */
const csrf = { 'X-CSRF': '1' };

export async function setUpstreamFault(request: APIRequestContext, status: number | null): Promise<void> {
  const res = await request.post('/api/_test/upstream-fault', { headers: csrf, data: { status } });
  expect(res.status(), await res.text()).toBeLessThan(300);
}

export async function resetSandbox(request: APIRequestContext): Promise<void> {
  const res = await request.post('/api/_test/reset', { headers: csrf });
  expect(res.status(), await res.text()).toBeLessThan(300);
}

export const test = base.extend<{ fresh: void }>({
  fresh: [
    async ({ request }, use) => {
      await setUpstreamFault(request, null);
      await resetSandbox(request);
      await use();
      await setUpstreamFault(request, null);
    },
    { auto: true },
  ],
});

export { expect };
