import type { APIRequestContext, Page } from '@playwright/test';
import { test, expect, signIn } from './fixtures';

// Issue 7 journeys: plan a recurring window and find it on the calendar, the group-level
// preview, the end-of-window forecast with +30 m, and the hygiene report's cleanup.
test.use({ timezoneId: 'Europe/Berlin' });

interface MonitorRow {
  id: number;
  name: string;
  tags: string[];
  groupCounts: Record<string, number>;
}
interface Group {
  name: string;
  status: string;
  tags: string[];
}

async function monitors(api: APIRequestContext): Promise<MonitorRow[]> {
  const res = await api.get('/api/monitors');
  expect(res.status(), await res.text()).toBe(200);
  return ((await res.json()) as { monitors: MonitorRow[] }).monitors;
}

async function groupsOf(api: APIRequestContext, id: number): Promise<Group[]> {
  const res = await api.get(`/api/monitors/${id}`);
  expect(res.status(), await res.text()).toBe(200);
  return ((await res.json()) as { groups: Group[] }).groups;
}

async function addTag(page: Page, tag: string): Promise<void> {
  const tags = page.getByRole('textbox', { name: 'Monitor tags', exact: true });
  await tags.fill(tag);
  await tags.press('Enter');
}

async function planOnce(api: APIRequestContext, body: Record<string, unknown>): Promise<{ id: string; schedule: { end: number } }> {
  const res = await api.post('/api/maintenance/windows', { data: body });
  expect(res.status(), await res.text()).toBe(201);
  return (await res.json()) as { id: string; schedule: { end: number } };
}

test('a weekly Saturday 02:00-04:00 window for team:payments shows on the calendar on Saturdays only', async ({ page }) => {
  await signIn(page, 'responder');
  await page.goto('/maintenance/plan');
  const form = page.getByRole('form', { name: 'Plan a maintenance window' });
  await addTag(page, 'team:payments');
  await form.getByRole('group', { name: 'Kind' }).getByRole('radio', { name: 'Recurring' }).check();
  await form.getByRole('group', { name: 'Repeats' }).getByRole('radio', { name: 'Weekly' }).check();
  const days = form.getByRole('group', { name: 'On' });
  for (const d of ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sun']) await days.getByRole('checkbox', { name: d }).uncheck();
  await days.getByRole('checkbox', { name: 'Sat' }).check();
  await form.getByLabel('First day').fill('2026-11-25');
  await form.getByLabel(/^Start time/).fill('02:00');
  await form.getByRole('textbox', { name: 'Duration', exact: true }).fill('2h');
  await expect(form.getByLabel('Timezone')).toHaveValue('Europe/Berlin');
  await expect(form.getByText('every week on Saturday', { exact: false }).first()).toBeVisible();
  const next = form.getByRole('list', { name: 'Next occurrences' }).getByRole('listitem');
  await expect(next.first()).toContainText('Sat');
  await form.getByRole('textbox', { name: /^Reason/ }).fill('Payments DB patching, CHG-7001');
  await form.getByRole('button', { name: 'Save window' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Payments DB patching, CHG-7001' })).toBeVisible();
  const windowUrl = new URL(page.url()).pathname;

  // The month of December 2026: Saturdays are the 5th, 12th, 19th and 26th.
  await page.goto('/maintenance/calendar?view=month&date=2026-12-01');
  const entry = (day: string) =>
    page.getByRole('region', { name: new RegExp(`^${day}`) }).getByRole('link', { name: /Payments DB patching/ });
  for (const sat of ['Saturday 5 December 2026', 'Saturday 12 December 2026', 'Saturday 19 December 2026', 'Saturday 26 December 2026']) {
    await expect(entry(sat)).toHaveCount(1);
    await expect(entry(sat)).toHaveAccessibleName(/02:00.04:00/);
  }
  for (const other of ['Friday 4 December 2026', 'Sunday 6 December 2026', 'Wednesday 9 December 2026', 'Sunday 13 December 2026']) {
    await expect(entry(other)).toHaveCount(0);
  }

  // The week view too, and a click opens the window.
  await page.goto('/maintenance/calendar?view=week&date=2026-11-30');
  await expect(entry('Saturday 5 December 2026')).toHaveCount(1);
  await expect(entry('Friday 4 December 2026')).toHaveCount(0);
  await entry('Saturday 5 December 2026').click();
  await expect(page).toHaveURL(new RegExp(`${windowUrl}$`));
});

test('the preview lists exactly the monitor × groups the window will mute', async ({ page, admin }) => {
  // What it should list: every group with env:prod of every monitor carrying team:payments.
  const payments = (await monitors(admin)).filter((m) => m.tags.includes('team:payments'));
  expect(payments.length).toBeGreaterThan(1);
  const expected: string[] = [];
  for (const m of payments) {
    for (const g of await groupsOf(admin, m.id)) if (g.tags.includes('env:prod')) expected.push(`${m.name} ${g.name}`);
  }
  expect(expected.length).toBeGreaterThan(0);

  await signIn(page, 'responder');
  await page.goto('/maintenance/plan');
  await addTag(page, 'team:payments');
  await page.getByRole('textbox', { name: /^Scope/ }).fill('env:prod');
  const table = page.getByRole('table', { name: 'Groups this window would mute' });
  await expect(table.locator('tbody tr')).toHaveCount(expected.length);
  const shown = await table.locator('tbody tr').evaluateAll((rows) =>
    rows.map((r) => {
      const cells = r.querySelectorAll('td');
      return `${cells[1]?.textContent?.trim()} ${cells[2]?.textContent?.trim()}`;
    }),
  );
  expect(shown.sort()).toEqual([...expected].sort());
  await expect(table.locator('tbody tr').first()).toContainText('team:payments');
});

test('an active window over a group in Alert forecasts it, and +30 m moves the end by 30 minutes', async ({ page, admin }) => {
  // A monitor with a group in Alert now.
  const alerting = (await monitors(admin)).find((m) => (m.groupCounts.Alert ?? 0) > 0 && m.tags.includes('team:payments'));
  expect(alerting, 'a payments monitor with a group in Alert').toBeTruthy();
  const alertGroup = (await groupsOf(admin, alerting!.id)).find((g) => g.status === 'Alert')!;
  const planned = await planOnce(admin, {
    targets: { monitorIds: [alerting!.id], monitorTags: [] },
    scope: '*',
    schedule: { kind: 'once', start: null, end: Date.now() + 60 * 60_000 },
    reason: 'Payments API deploy, CHG-7002',
  });
  const before = planned.schedule.end;

  await signIn(page, 'responder');
  await page.goto(`/maintenance/windows/${planned.id}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Payments API deploy, CHG-7002' })).toBeVisible();
  const forecast = page.getByRole('region', { name: 'When it ends' });
  const notify = forecast.getByRole('list', { name: 'Groups that would notify' });
  await expect(notify).toContainText(alertGroup.name);
  await expect(notify).toContainText(alerting!.name);

  await forecast.getByRole('group', { name: 'Avoid these notifications' }).getByRole('button', { name: /^\+30 m/ }).click();
  await expect.poll(async () => {
    const res = await admin.get(`/api/maintenance/windows/${planned.id}`);
    return ((await res.json()) as { window: { schedule: { end: number } } }).window.schedule.end;
  }).toBe(before + 30 * 60_000);
  await expect(page.getByText(/Extended: it now ends/)).toBeVisible();
});

test('the hygiene report finds a window that matches nothing, and cleanup removes it after a preview', async ({ page, admin }) => {
  const orphan = await planOnce(admin, {
    targets: { monitorIds: [], monitorTags: ['team:decommissioned-e2e'] },
    scope: '*',
    schedule: { kind: 'once', start: null, end: Date.now() + 2 * 60 * 60_000 },
    reason: 'Old cluster teardown, CHG-7003',
  });

  await signIn(page, 'admin');
  await page.goto('/maintenance/hygiene');
  const table = page.getByRole('table', { name: 'Hygiene findings' });
  const row = table.getByRole('row').filter({ hasText: 'Old cluster teardown, CHG-7003' });
  await expect(row).toContainText('Matches nothing');
  await row.getByRole('checkbox', { name: /Select Old cluster teardown/ }).check();
  await page.getByRole('button', { name: 'Clean up 1 window…' }).click();

  // The preview names the window before anything is cancelled.
  const preview = page.getByRole('dialog', { name: 'Clean up 1 window?' });
  await expect(preview.getByRole('list', { name: 'Windows to cancel' })).toContainText('Old cluster teardown, CHG-7003');
  let state = await (await admin.get(`/api/maintenance/windows/${orphan.id}`)).json();
  expect(state.window.status).toBe('active');
  await preview.getByRole('button', { name: /^Cancel 1 window/ }).click();

  const results = page.getByRole('dialog', { name: 'Cleanup results' });
  await expect(results.getByRole('list', { name: 'Results per window' })).toContainText(/cancel/i);
  state = await (await admin.get(`/api/maintenance/windows/${orphan.id}`)).json();
  expect(state.window.status).toBe('canceled');
});
