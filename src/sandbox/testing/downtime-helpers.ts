import { isoMicro, msToUs } from '../lib/time';
import type { Json, TempSandbox } from './temp-sandbox';

/** For tests of downtimes: request bodies, and shortcuts that fail loudly when the sandbox refuses. */

export const MIN = 60_000;
export const HOUR = 60 * MIN;
export const DAY = 24 * HOUR;

/** A timestamp as the downtime API prints it: "2025-03-11T02:00:00.000000+00:00". */
export function ddTime(ms: number): string {
  return isoMicro(msToUs(ms));
}

export function downtimeBody(attributes: Record<string, unknown>, id?: string): Json {
  return { data: { type: 'downtime', attributes, ...(id ? { id } : {}) } };
}

/** POSTs a downtime and answers its `data`. */
export async function postDowntime(t: TempSandbox, attributes: Record<string, unknown>): Promise<Json> {
  const r = await t.call('POST', '/api/v2/downtime', downtimeBody(attributes));
  if (r.status !== 200) throw new Error(`POST /api/v2/downtime answered ${r.status}: ${r.text}`);
  return r.body.data;
}

export async function patchDowntime(t: TempSandbox, id: string, attributes: Record<string, unknown>): Promise<Json> {
  const r = await t.call('PATCH', `/api/v2/downtime/${id}`, downtimeBody(attributes));
  if (r.status !== 200) throw new Error(`PATCH /api/v2/downtime/${id} answered ${r.status}: ${r.text}`);
  return r.body.data;
}

export async function getDowntime(t: TempSandbox, id: string): Promise<Json> {
  const r = await t.call('GET', `/api/v2/downtime/${id}`);
  if (r.status !== 200) throw new Error(`GET /api/v2/downtime/${id} answered ${r.status}: ${r.text}`);
  return r.body.data;
}

/** A recurring schedule body. */
export function recurring(rrule: string, duration: string, start: string | undefined, timezone?: string): Json {
  return { recurrences: [{ rrule, duration, ...(start === undefined ? {} : { start }) }], ...(timezone ? { timezone } : {}) };
}

/** The ids of the downtimes the list answers (all of them, or only the active ones). */
export async function listedIds(t: TempSandbox, currentOnly = false): Promise<string[]> {
  const r = await t.call('GET', `/api/v2/downtime?page%5Blimit%5D=1000${currentOnly ? '&current_only=true' : ''}`);
  return r.body.data.map((d: Json) => d.id);
}
