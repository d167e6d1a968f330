import { createPublicClient, custom, http, type PublicClient } from 'viem';
import { type ChainId, readChain } from '../lib/chains/registry';

/** One JSON-RPC request as the recorder saw it: when it was sent and when its answer came back. */
export interface RecordedRequest {
  method: string;
  params: unknown;
  start: number;
  end: number;
}

export interface RecordingClient {
  client: PublicClient;
  requests: RecordedRequest[];
}

export interface RecorderOptions {
  /**
   * Refuses a request with the returned message (or passes it on when null): stands for an RPC that
   * lacks something, e.g. a pruned node without past state. Used by tests only.
   */
  refuse?: (method: string, params: unknown) => string | null;
  /**
   * Delay added to every request, standing for a remote RPC's round trip. With it, requests that wait on
   * each other are told apart from ones that merely happen to start later, so depth is measured reliably.
   */
  latencyMs?: number;
}

/**
 * A read client configured like `createReadClient` (no implicit multicall, no cache) whose requests are
 * recorded with their timing, so tests and benches can count requests and sequential round trips.
 */
export function recordingClient(
  chainId: ChainId,
  rpcUrl: string,
  options: RecorderOptions = {},
): RecordingClient {
  const chain = readChain(chainId, rpcUrl);
  const inner = http(rpcUrl, { retryCount: 0 })({ chain, retryCount: 0 });
  const requests: RecordedRequest[] = [];
  const client = createPublicClient({
    chain,
    transport: custom(
      {
        async request({ method, params }: { method: string; params?: unknown }) {
          const entry: RecordedRequest = { method, params, start: performance.now(), end: Number.NaN };
          requests.push(entry);
          try {
            if (options.latencyMs) await new Promise((resolve) => setTimeout(resolve, options.latencyMs));
            const refusal = options.refuse?.(method, params);
            if (refusal) throw new Error(refusal);
            return await inner.request({ method, params } as Parameters<typeof inner.request>[0]);
          } finally {
            entry.end = performance.now();
          }
        },
      },
      { retryCount: 0 },
    ),
    batch: { multicall: false },
    cacheTime: 0,
  });
  return { client, requests };
}

/**
 * Sequential round trips in a set of requests: the longest chain of requests each sent after the previous
 * one's answer arrived. Requests sent together (one level of multicalls) count once.
 */
export function sequentialDepth(requests: readonly RecordedRequest[]): number {
  const sorted = [...requests].sort((a, b) => a.start - b.start);
  const depth: number[] = [];
  sorted.forEach((r, i) => {
    let best = 0;
    for (let j = 0; j < i; j++) {
      const q = sorted[j];
      if (q && q.end <= r.start) best = Math.max(best, depth[j] ?? 0);
    }
    depth.push(best + 1);
  });
  return Math.max(0, ...depth);
}
