import { buildEntry } from '../../../testing/incident-fixtures';
import { groupCheck, KIND_GROUPS, matchesKinds, NO_KINDS, OTHER_GROUP, safeEntryLink, sortEntries, toggleGroup } from './timeline-kinds';

const group = (id: string) => [...KIND_GROUPS, OTHER_GROUP].find((g) => g.id === id)!;

describe('timeline kinds', () => {
  it('shows everything without tokens; a group id or a single kind narrows it; unknown kinds are "other"', () => {
    const note = buildEntry(1, 'note', 1);
    const severity = buildEntry(2, 'severity', 2);
    const odd = buildEntry(3, 'postmortem_linked', 3);
    expect([note, severity, odd].every((e) => matchesKinds(e, []))).toBe(true);
    expect([note, severity, odd].filter((e) => matchesKinds(e, ['note'])).map((e) => e.id)).toEqual(['e-1']);
    expect([note, severity, odd].filter((e) => matchesKinds(e, ['change'])).map((e) => e.id)).toEqual(['e-2']);
    expect([note, severity, odd].filter((e) => matchesKinds(e, ['severity', 'other'])).map((e) => e.id)).toEqual(['e-2', 'e-3']);
    expect([note, severity, odd].filter((e) => matchesKinds(e, [NO_KINDS]))).toEqual([]);
  });

  it('unticking a group from "all" keeps the others; ticking them all back clears the URL', () => {
    const noNotes = toggleGroup(group('note'), []);
    expect(noNotes).toEqual(['milestone', 'change', 'todo', 'mute', 'other']);
    expect(groupCheck(group('note'), noNotes)).toBe('off');
    expect(groupCheck(group('change'), noNotes)).toBe('on');
    expect(toggleGroup(group('note'), noNotes)).toEqual([]);
  });

  it('a single kind in the URL makes its group mixed; ticking it shows the whole group', () => {
    expect(groupCheck(group('change'), ['severity'])).toBe('mixed');
    expect(toggleGroup(group('change'), ['severity'])).toEqual(['change']);
    expect(toggleGroup(group('note'), ['note'])).toEqual([NO_KINDS]);
    expect(toggleGroup(group('todo'), [NO_KINDS])).toEqual(['todo']);
  });

  it('sorts oldest first and keeps the order of entries at the same time', () => {
    const sorted = sortEntries([buildEntry(3, 'note', 30), buildEntry(1, 'declared', 10), buildEntry(2, 'severity', 30)]);
    expect(sorted.map((e) => e.id)).toEqual(['e-1', 'e-3', 'e-2']);
  });

  it('follows only links inside watchdeck', () => {
    expect(safeEntryLink('/monitors/3')).toBe('/monitors/3');
    expect(safeEntryLink('//evil.example/x')).toBeNull();
    expect(safeEntryLink('https://evil.example')).toBeNull();
    expect(safeEntryLink('/\\evil')).toBeNull();
    expect(safeEntryLink(null)).toBeNull();
  });
});
