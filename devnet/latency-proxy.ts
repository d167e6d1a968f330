import { createServer } from 'node:http';
import {
  answerPreflight,
  closeServer,
  forwardBatch,
  inAskedOrder,
  listenLocal,
  type RpcItem,
  readBody,
} from './fault-proxy';

/**
 * A proxy in front of one devnet chain that stands for a remote RPC: every HTTP request waits
 * `latencyMs` (default 150) before it is forwarded, and everything is counted (HTTP requests, JSON-RPC
 * items, bytes each way, sequential round trips). It can also refuse what some endpoints refuse, each with
 * the error a real node gives, so every fallback path of the read can be run on the devnet:
 * - `refuseStateOverride`: an `eth_call` with a third parameter (a state override), as geth answers a
 *   method given more parameters than it takes: `-32602 too many arguments, want at most 2`;
 * - `refuseDeployless`: an `eth_call` without `to`, as zkSync Era before its EVM emulator:
 *   `3 Failed to serialize transaction: toAddressIsNull` (shared/reference/rpc-facts.md §1b);
 * - `maxBatchItems`: a batch longer than that, as geth's `--rpc.batch-request-limit`: one `-32600 batch too
 *   large` answer carrying the first call's id (op-geth rpc/handler.go `respondWithBatchTooLarge`).
 */
export interface LatencyProxyOptions {
  /** The RPC URL of the chain the proxy stands in front of. */
  target: string;
  /** Added to every HTTP request (default `DEFAULT_LATENCY_MS`). */
  latencyMs?: number;
  refuseStateOverride?: boolean;
  refuseDeployless?: boolean;
  maxBatchItems?: number | null;
  port?: number;
}

export const DEFAULT_LATENCY_MS = 150;

export const STATE_OVERRIDE_REFUSAL = { code: -32602, message: 'too many arguments, want at most 2' };
export const DEPLOYLESS_REFUSAL = { code: 3, message: 'Failed to serialize transaction: toAddressIsNull' };
export const BATCH_TOO_LARGE = { code: -32600, message: 'batch too large' };

/** One HTTP request the proxy answered: when it arrived and was answered (ms, `performance.now()`). */
export interface ProxiedRequest {
  start: number;
  end: number;
  /** JSON-RPC items in it (1 for a single request). */
  items: number;
  batch: boolean;
  methods: string[];
  /** Request body bytes (what the client sent) and answer body bytes (what it received). */
  bytesSent: number;
  bytesReceived: number;
}

export interface LatencyStats {
  httpRequests: number;
  rpcItems: number;
  bytesSent: number;
  bytesReceived: number;
  /** The longest chain of HTTP requests each sent after the previous one was answered (`roundTrips`). */
  roundTrips: number;
  /** JSON-RPC items by method. */
  methods: Record<string, number>;
  refused: { stateOverride: number; deployless: number; batchTooLarge: number };
}

export interface LatencyProxy {
  url: string;
  /** Changes the latency or the refusals from the next request on. */
  configure: (options: Partial<Omit<LatencyProxyOptions, 'target' | 'port'>>) => void;
  /** The requests answered since the last reset (still in flight: not listed). */
  readonly requests: readonly ProxiedRequest[];
  stats: () => LatencyStats;
  reset: () => void;
  stop: () => Promise<void>;
}

/**
 * Sequential round trips in a set of timed requests: the longest chain of requests each sent after the
 * previous one's answer arrived (requests in flight together count once). Sorted sweep, O(n log n): a
 * request answered before another starts also started before it, so its depth is known by then.
 */
export function roundTrips(requests: readonly { start: number; end: number }[]): number {
  const byStart = [...requests].sort((a, b) => a.start - b.start);
  const depth = new Map<{ start: number; end: number }, number>();
  const byEnd = [...requests].sort((a, b) => a.end - b.end);
  let done = 0;
  let deepestDone = 0;
  let deepest = 0;
  for (const r of byStart) {
    for (let q = byEnd[done]; q && q.end <= r.start && q.start < r.start; q = byEnd[++done])
      deepestDone = Math.max(deepestDone, depth.get(q) ?? 0);
    const d = deepestDone + 1;
    depth.set(r, d);
    deepest = Math.max(deepest, d);
  }
  return deepest;
}

const isCall = (item: RpcItem) => item.method === 'eth_call';
/** An `eth_call` carrying a third parameter (state override): what a node without overrides refuses. */
export function hasStateOverride(item: RpcItem): boolean {
  return isCall(item) && Array.isArray(item.params) && item.params.length > 2 && item.params[2] != null;
}
/** An `eth_call` without `to` (a deployless call: creation code run in place). */
export function isDeployless(item: RpcItem): boolean {
  if (!isCall(item) || !Array.isArray(item.params)) return false;
  const tx = item.params[0] as { to?: unknown } | undefined;
  return typeof tx === 'object' && tx !== null && (tx.to === undefined || tx.to === null);
}

export async function startLatencyProxy(options: LatencyProxyOptions): Promise<LatencyProxy> {
  let config = {
    latencyMs: options.latencyMs ?? DEFAULT_LATENCY_MS,
    refuseStateOverride: options.refuseStateOverride ?? false,
    refuseDeployless: options.refuseDeployless ?? false,
    maxBatchItems: options.maxBatchItems ?? null,
  };
  let log: ProxiedRequest[] = [];
  let refused = { stateOverride: 0, deployless: 0, batchTooLarge: 0 };
  // Requests that arrived before a reset are not counted in the figures after it.
  let generation = 0;

  const error = (item: RpcItem, e: { code: number; message: string }) => ({
    jsonrpc: '2.0',
    id: item.id ?? null,
    error: e,
  });

  const answer = async (items: RpcItem[], batch: boolean): Promise<unknown[]> => {
    if (batch && config.maxBatchItems !== null && items.length > config.maxBatchItems) {
      refused.batchTooLarge += 1;
      return [error(items.find((i) => i.id !== undefined) ?? {}, BATCH_TOO_LARGE)];
    }
    const out: unknown[] = new Array(items.length);
    const ask: { index: number; item: RpcItem }[] = [];
    items.forEach((item, index) => {
      if (config.refuseStateOverride && hasStateOverride(item)) {
        refused.stateOverride += 1;
        out[index] = error(item, STATE_OVERRIDE_REFUSAL);
      } else if (config.refuseDeployless && isDeployless(item)) {
        refused.deployless += 1;
        out[index] = error(item, DEPLOYLESS_REFUSAL);
      } else ask.push({ index, item });
    });
    if (ask.length > 0) {
      const asked = ask.map((a) => a.item);
      const answers = inAskedOrder(asked, await forwardBatch(options.target, asked));
      ask.forEach((a, i) => {
        out[a.index] = answers[i];
      });
    }
    return out;
  };

  const server = createServer((req, res) => {
    res.setHeader('access-control-allow-origin', '*');
    if (req.method === 'OPTIONS') {
      answerPreflight(res);
      return;
    }
    const start = performance.now();
    const born = generation;
    void (async () => {
      const text = await readBody(req);
      const bytesSent = Buffer.byteLength(text);
      let body: RpcItem | RpcItem[];
      try {
        body = JSON.parse(text) as RpcItem | RpcItem[];
      } catch {
        res.writeHead(400).end();
        return;
      }
      const batch = Array.isArray(body);
      const items: RpcItem[] = Array.isArray(body) ? body : [body];
      if (config.latencyMs > 0) await new Promise((r) => setTimeout(r, config.latencyMs));
      const answers = await answer(items, batch);
      const reply = JSON.stringify(batch ? answers : answers[0]);
      // Logged as the answer leaves, so a client that has its answer always finds the request counted.
      if (born === generation)
        log.push({
          start,
          end: performance.now(),
          items: items.length,
          batch,
          methods: items.map((i) => String(i.method)),
          bytesSent,
          bytesReceived: Buffer.byteLength(reply),
        });
      res.writeHead(200, { 'content-type': 'application/json' }).end(reply);
    })().catch((e: unknown) => {
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' });
      res.end(`latency proxy: ${e instanceof Error ? e.message : String(e)}`);
    });
  });
  const url = await listenLocal(server, options.port);

  return {
    url,
    configure(next) {
      config = {
        latencyMs: next.latencyMs ?? config.latencyMs,
        refuseStateOverride: next.refuseStateOverride ?? config.refuseStateOverride,
        refuseDeployless: next.refuseDeployless ?? config.refuseDeployless,
        maxBatchItems: next.maxBatchItems === undefined ? config.maxBatchItems : next.maxBatchItems,
      };
    },
    get requests() {
      return log;
    },
    stats() {
      const methods: Record<string, number> = {};
      for (const r of log) for (const m of r.methods) methods[m] = (methods[m] ?? 0) + 1;
      const sum = (f: (r: ProxiedRequest) => number) => log.reduce((a, r) => a + f(r), 0);
      return {
        httpRequests: log.length,
        rpcItems: sum((r) => r.items),
        bytesSent: sum((r) => r.bytesSent),
        bytesReceived: sum((r) => r.bytesReceived),
        roundTrips: roundTrips(log),
        methods,
        refused: { ...refused },
      };
    },
    reset() {
      generation += 1;
      log = [];
      refused = { stateOverride: 0, deployless: 0, batchTooLarge: 0 };
    },
    stop: () => closeServer(server),
  };
}
