import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import {
  type LatencyProxy,
  type LatencyProxyOptions,
  type LatencyStats,
  startLatencyProxy,
} from './latency-proxy';

/**
 * Latency proxies on a thread of their own, so that what they cost (parsing and writing every body,
 * thousands of HTTP requests for the naive baseline) is not charged to the read being timed on the main
 * thread. Same proxies as `startLatencyProxy`, driven by messages: every control is async.
 */
export interface RemoteLatencyProxy {
  url: string;
  configure: (options: Partial<Omit<LatencyProxyOptions, 'target' | 'port'>>) => Promise<void>;
  /** The stats, and when the last answer left (ms since the epoch, sub-millisecond; null if none). */
  stats: () => Promise<LatencyStats & { lastAnswerAt: number | null }>;
  reset: () => Promise<void>;
}

type Op =
  | { op: 'configure'; index: number; options: Partial<Omit<LatencyProxyOptions, 'target' | 'port'>> }
  | { op: 'stats'; index: number }
  | { op: 'reset'; index: number };

/** Now, in ms since the epoch, comparable across threads (each has its own `performance.timeOrigin`). */
export const epochNow = () => performance.timeOrigin + performance.now();

const WORKER_FLAG = 'layerglassLatencyProxies';

if (!isMainThread && parentPort && (workerData as Record<string, unknown> | null)?.[WORKER_FLAG]) {
  const port = parentPort;
  const list = (workerData as { [WORKER_FLAG]: LatencyProxyOptions[] })[WORKER_FLAG];
  void Promise.all(list.map((o) => startLatencyProxy(o))).then((proxies: LatencyProxy[]) => {
    port.postMessage({ ready: proxies.map((p) => p.url) });
    port.on('message', ({ id, ...msg }: Op & { id: number }) => {
      const proxy = proxies[msg.index];
      if (!proxy) return port.postMessage({ id, error: `no proxy #${msg.index}` });
      if (msg.op === 'configure') proxy.configure(msg.options);
      if (msg.op === 'reset') proxy.reset();
      if (msg.op === 'stats') {
        const ends = proxy.requests.map((r) => r.end);
        const last = ends.length > 0 ? performance.timeOrigin + Math.max(...ends) : null;
        return port.postMessage({ id, result: { ...proxy.stats(), lastAnswerAt: last } });
      }
      port.postMessage({ id, result: null });
    });
  });
}

/** Starts one latency proxy per options entry on a worker thread; `stop` ends the thread. */
export async function startLatencyProxiesInWorker(
  options: readonly LatencyProxyOptions[],
): Promise<{ proxies: RemoteLatencyProxy[]; stop: () => Promise<void> }> {
  // A worker thread does not inherit tsx's loader: the worker registers it, then loads this file.
  const boot = `import('tsx/esm/api').then((m) => m.register()).then(() => import(${JSON.stringify(import.meta.url)}))`;
  const worker = new Worker(boot, { eval: true, workerData: { [WORKER_FLAG]: options } });
  let next = 0;
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  const urls = await new Promise<string[]>((resolve, reject) => {
    worker.once('error', reject);
    worker.on('message', (msg: { ready?: string[]; id?: number; result?: unknown; error?: string }) => {
      if (msg.ready) return resolve(msg.ready);
      const p = msg.id === undefined ? undefined : pending.get(msg.id);
      if (!p || msg.id === undefined) return;
      pending.delete(msg.id);
      if (msg.error) p.reject(new Error(msg.error));
      else p.resolve(msg.result);
    });
  });
  const ask = <T>(op: Op): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const id = ++next;
      pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      worker.postMessage({ id, ...op });
    });
  const proxies = urls.map(
    (url, index): RemoteLatencyProxy => ({
      url,
      configure: (o) => ask({ op: 'configure', index, options: o }),
      stats: () => ask({ op: 'stats', index }),
      reset: () => ask({ op: 'reset', index }),
    }),
  );
  return {
    proxies,
    stop: async () => {
      await worker.terminate();
    },
  };
}
