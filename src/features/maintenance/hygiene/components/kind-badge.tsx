import { kindLabel } from '../utils/hygiene-kinds';

/** A finding's kind as a readable badge; its words carry the meaning, the colour only groups. */
export function KindBadge({ kind, longActiveDays }: { kind: string; longActiveDays: number }) {
  return <span className={`hygiene-kind hygiene-kind--${kind.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}`}>{kindLabel(kind, longActiveDays)}</span>;
}
