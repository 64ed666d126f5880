import { test as base, expect, request as playwrightRequest, type APIRequestContext, type Page } from '@playwright/test';
import type { Role } from '../src/contract/auth';

/**
 * Every journey starts from the demo org as seeded, with the upstream healthy.
 * The BFF runs with WATCHDECK_TEST_CONTROLS=1 and a known admin password
 * (scripts/e2e-server.sh). Users for each role are created once, through the
 * real users API, by the admin.
 */
export const CSRF = { 'X-CSRF': '1' };
export const ADMIN_PASSWORD = process.env.E2E_ADMIN_PASSWORD ?? 'e2e-admin-password-0451';
export const USER_PASSWORD = 'e2e-user-password-0451';
export const USERS: Record<Role, string> = { viewer: 'vera-viewer', responder: 'rui-responder', admin: 'admin' };

export async function setUpstreamFault(request: APIRequestContext, status: number | null): Promise<void> {
  const res = await request.post('/api/_test/upstream-fault', { headers: CSRF, data: { status } });
  expect(res.status(), await res.text()).toBeLessThan(300);
}

export async function resetSandbox(request: APIRequestContext): Promise<void> {
  const res = await request.post('/api/_test/reset', { headers: CSRF });
  expect(res.status(), await res.text()).toBeLessThan(300);
}

/** Connects exactly these Slack workspaces in the local Datadog, as an admin would in Datadog's UI; [] disconnects them all. */
export async function setSlackWorkspaces(request: APIRequestContext, accounts: string[]): Promise<void> {
  const res = await request.post('/api/_test/slack-workspaces', { headers: CSRF, data: { accounts } });
  expect(res.status(), await res.text()).toBeLessThan(300);
}

/** An API client signed in as the admin. */
export async function adminApi(baseURL: string): Promise<APIRequestContext> {
  const api = await playwrightRequest.newContext({ baseURL, extraHTTPHeaders: CSRF });
  const res = await api.post('/api/session', { data: { username: 'admin', password: ADMIN_PASSWORD } });
  expect(res.status(), await res.text()).toBe(200);
  return api;
}

/** Makes sure a user exists, enabled, with this role and the shared test password. */
export async function ensureUser(admin: APIRequestContext, username: string, role: Role): Promise<void> {
  const created = await admin.post('/api/users', { data: { username, password: USER_PASSWORD, role } });
  if (created.status() === 409) {
    const res = await admin.patch(`/api/users/${username}`, { data: { role, disabled: false, password: USER_PASSWORD } });
    expect(res.status(), await res.text()).toBe(200);
  } else {
    expect(created.status(), await created.text()).toBeLessThan(300);
  }
}

/** Signs the page's browser context in (the session cookie lands in the browser). */
export async function signIn(page: Page, role: Role): Promise<void> {
  const username = USERS[role];
  const password = role === 'admin' ? ADMIN_PASSWORD : USER_PASSWORD;
  const res = await page.request.post('/api/session', { headers: CSRF, data: { username, password } });
  expect(res.status(), await res.text()).toBe(200);
}

export const test = base.extend<{ fresh: void; admin: APIRequestContext }>({
  admin: async ({ baseURL }, use) => {
    const api = await adminApi(baseURL!);
    await ensureUser(api, USERS.viewer, 'viewer');
    await ensureUser(api, USERS.responder, 'responder');
    await use(api);
    await api.dispose();
  },
  fresh: [
    async ({ request, admin: _admin }, use) => {
      await setUpstreamFault(request, null);
      await resetSandbox(request);
      await use();
      await setUpstreamFault(request, null);
    },
    { auto: true },
  ],
});

export { expect };
