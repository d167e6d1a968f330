import type { ReadArgs, ReadKind, ReadResult } from './reads';

/** A request to the read worker, and its answer (an error travels as its name and message). */
export interface ReadRequest {
  id: number;
  kind: ReadKind;
  args: unknown;
}
export type ReadReply =
  | { id: number; ok: true; value: unknown }
  | { id: number; ok: false; error: { name: string; message: string } };

let worker: Worker | null = null;
let nextId = 0;
const waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();

function readWorker(): Worker {
  if (worker) return worker;
  // A classic worker: the bundler emits it as its own entry, with the readers, lenses and viem in it.
  const w = new Worker(new URL('./reads.worker.ts', import.meta.url));
  w.onmessage = (event: MessageEvent<ReadReply>) => {
    const reply = event.data;
    const pending = waiting.get(reply.id);
    if (!pending) return;
    waiting.delete(reply.id);
    if (reply.ok) pending.resolve(reply.value);
    else pending.reject(Object.assign(new Error(reply.error.message), { name: reply.error.name }));
  };
  w.onerror = (event) => {
    // The worker itself failed (its script did not load): every read waiting on it fails, and the next
    // read starts a new one.
    event.preventDefault();
    const error = new Error(`the read worker failed: ${event.message || 'its script did not load'}`);
    for (const p of waiting.values()) p.reject(error);
    waiting.clear();
    worker = null;
  };
  worker = w;
  return w;
}

/**
 * Runs one of `READS` off the main thread, in one shared worker, so decoding a big account never blocks
 * the page; where there is no `Worker` (Node: the CLI, tests) it runs in-thread, the same code.
 */
export async function runRead<K extends ReadKind>(kind: K, args: ReadArgs<K>): Promise<ReadResult<K>> {
  if (typeof Worker === 'undefined') {
    const { READS } = await import('./reads');
    // The table's entries differ in argument type; `kind` and `args` are tied by the signature above.
    const read = READS[kind] as (a: ReadArgs<K>) => Promise<ReadResult<K>>;
    return read(args);
  }
  const w = readWorker();
  const id = nextId++;
  return new Promise<ReadResult<K>>((resolve, reject) => {
    // The worker answers with what READS[kind] returned: `ReadResult<K>` by the same tie.
    waiting.set(id, { resolve: (v) => resolve(v as ReadResult<K>), reject });
    const request: ReadRequest = { id, kind, args };
    w.postMessage(request);
  });
}

/**
 * Starts the read worker (its script and chunks load while the page hydrates, not after the first
 * query asks). A no-op where there is no `Worker`.
 */
export function warmReadWorker(): void {
  if (typeof Worker !== 'undefined') readWorker();
}
