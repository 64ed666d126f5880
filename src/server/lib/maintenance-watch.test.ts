import type { ServerDeps } from './deps';
import { silentLogger } from './logger';
import { startMaintenanceWatcher, WATCH_INTERVAL_MS } from './maintenance-watch';

/** The timer itself (the passes are tested through the routes, in routes/maintenance/until-recovered.test.ts). */
describe('startMaintenanceWatcher', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('runs a pass every minute, without keeping the process alive, until stopped', async () => {
    vi.useFakeTimers();
    const list = vi.fn(() => []);
    const deps = { store: { maintenanceWatches: { list } }, logger: silentLogger } as unknown as ServerDeps;
    const unref = vi.spyOn(globalThis, 'setInterval');
    const stop = startMaintenanceWatcher(deps);
    expect(unref.mock.calls[0]?.[1]).toBe(WATCH_INTERVAL_MS);
    const timer = unref.mock.results[0]?.value as { hasRef?: () => boolean };
    expect(timer.hasRef?.()).toBe(false);
    await vi.advanceTimersByTimeAsync(WATCH_INTERVAL_MS - 1);
    expect(list).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(list).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(2 * WATCH_INTERVAL_MS);
    expect(list).toHaveBeenCalledTimes(3);
    stop();
    await vi.advanceTimersByTimeAsync(5 * WATCH_INTERVAL_MS);
    expect(list).toHaveBeenCalledTimes(3);
  });

  it('logs a pass that fails and keeps going', async () => {
    vi.useFakeTimers();
    const warn = vi.fn();
    const list = vi.fn(() => {
      throw new Error('store closed');
    });
    const deps = { store: { maintenanceWatches: { list } }, logger: { ...silentLogger, warn } } as unknown as ServerDeps;
    const stop = startMaintenanceWatcher(deps, 1000);
    await vi.advanceTimersByTimeAsync(2000);
    expect(list).toHaveBeenCalledTimes(2);
    expect(warn).toHaveBeenCalledWith('maintenance watcher could not read Datadog', expect.objectContaining({ error: expect.any(Error) }));
    stop();
  });
});
