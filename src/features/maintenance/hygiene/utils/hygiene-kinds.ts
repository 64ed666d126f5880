import { HYGIENE_KINDS, type HygieneKind, type HygieneResponse } from '../../../../contract/maintenance';

export type Finding = HygieneResponse['findings'][number];

function isKnownKind(kind: string): kind is HygieneKind {
  return (HYGIENE_KINDS as readonly string[]).includes(kind);
}

/** The badge text for a finding's kind; an unknown kind (a newer BFF) is shown as readable words. */
export function kindLabel(kind: string, longActiveDays: number): string {
  if (!isKnownKind(kind)) return kind.replace(/[_-]+/g, ' ').replace(/^\w/, (c) => c.toUpperCase());
  switch (kind) {
    case 'matches_nothing':
      return 'Matches nothing';
    case 'long_active':
      return `Active over ${longActiveDays} ${longActiveDays === 1 ? 'day' : 'days'}`;
    case 'indefinite_no_reason':
      return 'No end, no reason or ticket';
    case 'disabled_creator':
      return 'Creator disabled';
  }
}

/** What each kind means, for the summary above the list. */
export function kindSummary(kind: string, count: number, longActiveDays: number): string {
  const windows = count === 1 ? '1 window' : `${count} windows`;
  const verb = count === 1 ? 'matches' : 'match';
  if (!isKnownKind(kind)) return `${windows}: ${kindLabel(kind, longActiveDays).toLowerCase()}`;
  switch (kind) {
    case 'matches_nothing':
      return `${windows} ${verb} no monitor or group`;
    case 'long_active':
      return `${windows} active longer than ${longActiveDays} ${longActiveDays === 1 ? 'day' : 'days'}`;
    case 'indefinite_no_reason':
      return `${windows} with no end and no reason or ticket`;
    case 'disabled_creator':
      return `${windows} created by a disabled user`;
  }
}

/** How many findings carry each kind, known kinds first in their usual order. */
export function countByKind(findings: readonly Finding[]): { kind: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const f of findings) for (const k of new Set(f.kinds)) counts.set(k, (counts.get(k) ?? 0) + 1);
  const known = HYGIENE_KINDS.filter((k) => counts.has(k));
  const others = [...counts.keys()].filter((k) => !isKnownKind(k)).sort();
  return [...known, ...others].map((kind) => ({ kind, count: counts.get(kind)! }));
}
