import { parentPort, Worker, workerData } from 'node:worker_threads';
import { rssBytes } from './procs.mjs';

/**
 * Samples VmRSS of the given processes every `intervalMs` in a worker thread,
 * so the samples keep their pace while the main thread is busy driving load.
 * The main thread names the current phase; the peak is kept per phase.
 */

if (parentPort && workerData?.role === 'rss-sampler') {
  const { pids, intervalMs } = workerData;
  let phase = 'start';
  /** peaks[phase][name] = max bytes; samples[phase][name] = count */
  const peaks = {};
  const counts = {};
  const sample = () => {
    for (const [name, pid] of Object.entries(pids)) {
      const bytes = rssBytes(pid);
      if (bytes === null) continue;
      peaks[phase] ??= {};
      counts[phase] ??= {};
      peaks[phase][name] = Math.max(peaks[phase][name] ?? 0, bytes);
      counts[phase][name] = (counts[phase][name] ?? 0) + 1;
    }
  };
  const timer = setInterval(sample, intervalMs);
  parentPort.on('message', (msg) => {
    if (msg.type === 'phase') {
      sample();
      phase = msg.phase;
      sample();
    } else if (msg.type === 'stop') {
      clearInterval(timer);
      sample();
      parentPort.postMessage({ peaks, counts });
    }
  });
}

/** Starts the sampler; returns { phase(name), stop() → { peaks, counts } }. */
export function startRssSampler(pids, intervalMs = 100) {
  const worker = new Worker(new URL(import.meta.url), { workerData: { role: 'rss-sampler', pids, intervalMs } });
  worker.unref();
  let stopped = null;
  return {
    phase(name) {
      worker.postMessage({ type: 'phase', phase: name });
    },
    stop() {
      stopped ??= new Promise((resolve, reject) => {
        worker.once('message', (result) => {
          void worker.terminate();
          resolve(result);
        });
        worker.once('error', reject);
        worker.postMessage({ type: 'stop' });
      });
      return stopped;
    },
    terminate() {
      void worker.terminate();
    },
  };
}
