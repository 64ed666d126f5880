import type { DemoIncidentSpec } from './catalog-incident-types';
import { CLOSED_INCIDENTS } from './catalog-incidents-closed';
import { OPEN_INCIDENTS } from './catalog-incidents-open';

/** Every curated demo incident, oldest first: IR-1 is the oldest, so public ids follow this order. */
export const DEMO_INCIDENTS: readonly DemoIncidentSpec[] = [...OPEN_INCIDENTS, ...CLOSED_INCIDENTS].sort((a, b) => b.ago - a.ago);

export function finalState(s: DemoIncidentSpec): string {
  return s.steps.reduce<string>((st, step) => step.state ?? st, 'active');
}

export function finalSeverity(s: DemoIncidentSpec): string {
  return s.steps.reduce<string>((sev, step) => step.severity ?? sev, s.severity);
}

/** The public id (IR-n) a curated incident gets when the demo org is seeded. */
export function demoIncidentPublicId(id: string): number {
  const n = DEMO_INCIDENTS.findIndex((s) => s.id === id);
  if (n === -1) throw new Error(`No demo incident ${id}`);
  return n + 1;
}

export function demoIncidentSpec(id: string): DemoIncidentSpec {
  const s = DEMO_INCIDENTS.find((x) => x.id === id);
  if (!s) throw new Error(`No demo incident ${id}`);
  return s;
}

function countBy(key: (s: DemoIncidentSpec) => string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const s of DEMO_INCIDENTS) out[key(s)] = (out[key(s)] ?? 0) + 1;
  return out;
}

export const DEMO_INCIDENT_COUNTS = {
  byState: countBy(finalState),
  bySeverity: countBy(finalSeverity),
};
