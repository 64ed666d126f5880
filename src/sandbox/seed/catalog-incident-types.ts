import type { IncidentState, Severity } from '../../contract/incidents';
import type { Team } from './catalog-types';

/** Minutes, for readable specs. */
export const H = 60;
export const D = 24 * H;

/** A change after declaration. */
export interface DemoIncidentStep {
  /** Minutes after declaration. */
  at: number;
  state?: IncidentState;
  severity?: Severity;
}

export interface DemoTodoSpec {
  content: string;
  assignees: string[];
  /** Minutes after declaration. */
  dueAfter?: number;
  doneAfter?: number;
}

/** One curated demo incident; its final state and severity follow from `severity` and `steps`. */
export interface DemoIncidentSpec {
  id: string;
  title: string;
  /** Minutes before seeding that it was declared. */
  ago: number;
  /** Severity at declaration. */
  severity: Severity;
  steps: DemoIncidentStep[];
  teams: Team[];
  services: string[];
  /** First names (DEMO_USERS); null: no commander yet. */
  commander: string | null;
  declaredBy: string;
  detection: 'monitor' | 'customer' | 'employee' | 'other' | 'unknown';
  /** Minutes before declaration that it was detected. */
  detectedBefore: number;
  /** Customer impact: starts `startBefore` minutes before detection; ends `endAfter` minutes after declaration (or at resolution; open if neither). */
  impact?: { scope: string; startBefore: number; endAfter?: number };
  summary?: string;
  rootCause?: string;
  /** Slack or PagerDuty handles notified. */
  handles?: string[];
  todos?: DemoTodoSpec[];
}

/** Demo incident ids: fixed, so tests and links can name them. */
export function demoIncidentId(n: number): string {
  return `7c4e2a90-3b1d-4f6e-8a5c-0d9e8f7a6b${String(n).padStart(2, '0')}`;
}
