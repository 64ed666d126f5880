import type { TimelineEntry } from '../../../contract/incidents';

/** How each kind of entry reads: a short label (for screen readers and the icon's title) and an icon. */
const KINDS: Record<string, { label: string; icon: string }> = {
  declared: { label: 'Declared', icon: '⚑' },
  detected: { label: 'Detected', icon: '◉' },
  impact_start: { label: 'Customer impact began', icon: '▼' },
  impact_end: { label: 'Customer impact ended', icon: '▲' },
  resolved: { label: 'Resolved', icon: '✓' },
  state: { label: 'State change', icon: '⇄' },
  severity: { label: 'Severity change', icon: '‼' },
  commander: { label: 'Commander change', icon: '★' },
  teams: { label: 'Teams change', icon: '⚇' },
  title: { label: 'Title change', icon: '✎' },
  note: { label: 'Note', icon: '❝' },
  todo: { label: 'Todo added', icon: '☐' },
  todo_completed: { label: 'Todo completed', icon: '☑' },
  todo_reopened: { label: 'Todo reopened', icon: '↺' },
  mute: { label: 'Mute', icon: '◌' },
  unmute: { label: 'Unmute', icon: '◍' },
};

export function kindLabel(kind: string): string {
  return KINDS[kind]?.label ?? kind.replace(/_/g, ' ');
}

export function kindIcon(kind: string): string {
  return KINDS[kind]?.icon ?? '•';
}

/**
 * The kind filter offers groups of kinds. The URL (`kinds`) holds group ids
 * (note, todo and mute read as the kinds they are) and may also hold single
 * kinds, e.g. `?kinds=severity`, which shows only severity changes.
 */
export interface KindGroup {
  id: string;
  label: string;
  kinds: readonly string[];
}

export const KIND_GROUPS: readonly KindGroup[] = [
  { id: 'milestone', label: 'Milestones', kinds: ['declared', 'detected', 'impact_start', 'impact_end', 'resolved'] },
  { id: 'change', label: 'Changes', kinds: ['state', 'severity', 'commander', 'teams', 'title'] },
  { id: 'note', label: 'Notes', kinds: ['note'] },
  { id: 'todo', label: 'Todos', kinds: ['todo', 'todo_completed', 'todo_reopened'] },
  { id: 'mute', label: 'Mutes', kinds: ['mute', 'unmute'] },
];

/** Entries of a kind watchdeck does not know yet: shown as they are, filtered together. */
export const OTHER_GROUP: KindGroup = { id: 'other', label: 'Other', kinds: [] };

export function groupOf(kind: string): KindGroup {
  return KIND_GROUPS.find((g) => g.kinds.includes(kind)) ?? OTHER_GROUP;
}

/** Every group, "Other" (kinds watchdeck does not know) last. */
export const ALL_GROUPS: readonly KindGroup[] = [...KIND_GROUPS, OTHER_GROUP];

/** The URL token for "nothing chosen" (no token at all means everything is shown). */
export const NO_KINDS = 'none';

/** Does the entry pass the filter? No tokens: everything does. */
export function matchesKinds(entry: Pick<TimelineEntry, 'kind'>, tokens: readonly string[]): boolean {
  if (tokens.length === 0) return true;
  return tokens.includes(entry.kind) || tokens.includes(groupOf(entry.kind).id);
}

export type GroupCheck = 'on' | 'off' | 'mixed';

function shownTokens(tokens: readonly string[]): readonly string[] {
  return tokens.length === 0 ? ALL_GROUPS.map((g) => g.id) : tokens;
}

/** How a group's checkbox shows: on (its entries are shown), mixed (some of its kinds are), or off. */
export function groupCheck(group: KindGroup, tokens: readonly string[]): GroupCheck {
  const shown = shownTokens(tokens);
  if (shown.includes(group.id)) return 'on';
  return group.kinds.some((k) => shown.includes(k)) ? 'mixed' : 'off';
}

/**
 * The tokens after ticking or unticking a group: an unticked group is hidden,
 * a ticked (or mixed) one shown whole. Every group shown is written as no
 * tokens at all, a clean URL; none shown is NO_KINDS.
 */
export function toggleGroup(group: KindGroup, tokens: readonly string[]): string[] {
  const shown = shownTokens(tokens).filter((t) => t !== NO_KINDS);
  const rest = shown.filter((t) => t !== group.id && !group.kinds.includes(t));
  const next = groupCheck(group, tokens) === 'on' ? rest : [...rest, group.id];
  if (ALL_GROUPS.every((g) => next.includes(g.id))) return [];
  return next.length === 0 ? [NO_KINDS] : next;
}

/** Oldest first; entries at the same time keep the order the BFF gave them. */
export function sortEntries(entries: readonly TimelineEntry[]): TimelineEntry[] {
  return entries
    .map((entry, index) => ({ entry, index }))
    .sort((a, b) => a.entry.at - b.entry.at || a.index - b.index)
    .map((x) => x.entry);
}

/** Only links inside watchdeck are followed (a mute links to its monitor). */
export function safeEntryLink(link: string | null | undefined): string | null {
  if (!link || !link.startsWith('/') || link.startsWith('//') || /[\\\s]/.test(link)) return null;
  return link;
}
