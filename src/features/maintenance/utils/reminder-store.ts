/**
 * Which windows the user asked to be reminded about, kept in localStorage so the choice survives
 * a reload and reaches every tab. Each entry remembers the end it already reminded about: an
 * extended window (a new end) reminds again, a reload does not remind twice.
 */
const STORAGE_KEY = 'watchdeck.maintenance.reminders';
/** Opt-ins older than this are dropped when the list is next written: no window stays active that long unnoticed. */
const KEEP_MS = 31 * 86_400_000;

export interface ReminderEntry {
  optedInAt: number;
  /** The end a reminder was shown for, or null. */
  notifiedEnd: number | null;
}
export type Reminders = Record<string, ReminderEntry>;

const listeners = new Set<() => void>();

function readRaw(): string {
  try {
    return localStorage.getItem(STORAGE_KEY) ?? '';
  } catch {
    // Storage can be off (private mode, a policy): then nothing is opted in.
    return '';
  }
}

function isEntry(v: unknown): v is ReminderEntry {
  if (typeof v !== 'object' || v === null) return false;
  const e = v as Record<string, unknown>;
  return typeof e.optedInAt === 'number' && (e.notifiedEnd === null || typeof e.notifiedEnd === 'number');
}

/** The stored opt-ins; anything unreadable counts as none. */
export function parseReminders(raw: string): Reminders {
  if (!raw) return {};
  try {
    const value: unknown = JSON.parse(raw);
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
    return Object.fromEntries(Object.entries(value).filter(([, e]) => isEntry(e))) as Reminders;
  } catch {
    return {};
  }
}

function write(next: Reminders, now: number): void {
  const kept = Object.fromEntries(Object.entries(next).filter(([, e]) => now - e.optedInAt < KEEP_MS));
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(kept));
  } catch {
    // Not stored: the opt-in lasts until the page is left.
  }
  listeners.forEach((l) => l());
}

export const reminderStore = {
  /** A string snapshot (stable between changes), for useSyncExternalStore. */
  getSnapshot: readRaw,
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    const onStorage = (e: StorageEvent) => {
      if (e.key === STORAGE_KEY || e.key === null) listener();
    };
    window.addEventListener('storage', onStorage);
    return () => {
      listeners.delete(listener);
      window.removeEventListener('storage', onStorage);
    };
  },
  optIn(windowId: string, now = Date.now()): void {
    write({ ...parseReminders(readRaw()), [windowId]: { optedInAt: now, notifiedEnd: null } }, now);
  },
  optOut(windowId: string, now = Date.now()): void {
    const next = { ...parseReminders(readRaw()) };
    delete next[windowId];
    write(next, now);
  },
  markNotified(windowId: string, end: number, now = Date.now()): void {
    const all = parseReminders(readRaw());
    const entry = all[windowId];
    if (entry) write({ ...all, [windowId]: { ...entry, notifiedEnd: end } }, now);
  },
};
