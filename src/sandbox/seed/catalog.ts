import { PAYMENTS_CHECKOUT } from './catalog-payments-checkout';
import { PLATFORM_DATA } from './catalog-platform-data';
import { SEARCH_MOBILE } from './catalog-search-mobile';
import { SERVICE_CHECKS } from './catalog-service-checks';
import type { DemoMonitorSpec } from './catalog-types';

/** The first monitor id of the demo org; ids then increase by one in catalog order. */
export const FIRST_MONITOR_ID = 1_000_001;

/** Every curated demo monitor, in id order (the live service check monitor of issue 6 last). */
export const DEMO_CATALOG: readonly DemoMonitorSpec[] = [...PAYMENTS_CHECKOUT, ...PLATFORM_DATA, ...SEARCH_MOBILE, ...SERVICE_CHECKS];

const ids = new Map(DEMO_CATALOG.map((s, i) => [s.key, FIRST_MONITOR_ID + i]));

/** The id a curated monitor gets when the demo org is seeded. */
export function demoMonitorId(key: string): number {
  const id = ids.get(key);
  if (id === undefined) throw new Error(`No demo monitor with key ${key}`);
  return id;
}

export function demoSpec(key: string): DemoMonitorSpec {
  const spec = DEMO_CATALOG.find((s) => s.key === key);
  if (!spec) throw new Error(`No demo monitor with key ${key}`);
  return spec;
}
