import { useSyncExternalStore } from 'react';

/**
 * One shared timer per tick length, so a table of 300 rows showing "2h left"
 * re-renders from a single interval instead of 300.
 */
interface Clock {
  now: number;
  listeners: Set<() => void>;
  timer: ReturnType<typeof setInterval> | null;
  subscribe: (listener: () => void) => () => void;
  getSnapshot: () => number;
}

const clocks = new Map<number, Clock>();

function createClock(tickMs: number): Clock {
  const clock: Clock = {
    now: Date.now(),
    listeners: new Set(),
    timer: null,
    // Stable functions: a new subscribe per render would make React resubscribe on every render.
    subscribe(listener) {
      clock.listeners.add(listener);
      if (!clock.timer) {
        clock.timer = setInterval(() => {
          clock.now = Date.now();
          clock.listeners.forEach((l) => l());
        }, tickMs);
      }
      return () => {
        clock.listeners.delete(listener);
        if (clock.listeners.size === 0 && clock.timer) {
          clearInterval(clock.timer);
          clock.timer = null;
        }
      };
    },
    getSnapshot() {
      // While nobody listens the time is refreshed at most once per tick, so the snapshot stays stable.
      if (!clock.timer && Date.now() - clock.now >= tickMs) clock.now = Date.now();
      return clock.now;
    },
  };
  return clock;
}

function clockFor(tickMs: number): Clock {
  let clock = clocks.get(tickMs);
  if (!clock) {
    clock = createClock(tickMs);
    clocks.set(tickMs, clock);
  }
  return clock;
}

/** The current time in epoch ms, updated every `tickMs`. */
export function useNow(tickMs = 1000): number {
  const clock = clockFor(tickMs);
  return useSyncExternalStore(clock.subscribe, clock.getSnapshot);
}
