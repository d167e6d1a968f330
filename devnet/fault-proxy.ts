import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * The faults the proxy injects in front of one devnet chain:
 * - `down`: every connection is dropped before an answer (the node is unreachable);
 * - `429` / `500`: every request gets that HTTP status;
 * - `hang`: requests are accepted and never answered (until the fault clears or the proxy stops);
 * - `malformed`: HTTP 200 with a body that is not JSON;
 * - `wrong-chain`: the requests are answered by another chain (`wrongChainTarget`), or `eth_chainId` lies;
 * - `lagging`: a node `lagSeconds` behind: its head is pinned to an old block, `latest` means that block,
 *   and newer blocks are unknown to it;
 * - `revert`: every `eth_call` reverts.
 */
export const FAULT_KINDS = [
  'down',
  '429',
  '500',
  'hang',
  'malformed',
  'wrong-chain',
  'lagging',
  'revert',
] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

export interface FaultProxyOptions {
  /** The RPC URL of the chain the proxy stands in front of. */
  target: string;
  /** Another chain's RPC URL, which answers while the `wrong-chain` fault is on. */
  wrongChainTarget?: string;
  /** How far behind the `lagging` node is (default one hour). */
  lagSeconds?: number;
  port?: number;
}

export interface FaultProxy {
  url: string;
  readonly fault: FaultKind | null;
  /** Sets (or with null clears) the fault; `lagging` first finds the block it pins. */
  setFault: (kind: FaultKind | null) => Promise<void>;
  /** HTTP requests received since the last reset (answered or not). */
  readonly requests: number;
  /** JSON-RPC methods asked since the last reset, in order (a batch counts each of its items). */
  readonly methods: readonly string[];
  /** When the first request since the last reset arrived (ms since the epoch). */
  readonly firstRequestAt: number | null;
  /** The block the `lagging` fault pins, once set. */
  readonly pinnedBlock: bigint | null;
  reset: () => void;
  stop: () => Promise<void>;
}

/** One JSON-RPC request or answer as it crosses a proxy (a batch body is an array of them). */
export interface RpcItem {
  jsonrpc?: string;
  id?: unknown;
  method?: unknown;
  params?: unknown;
}

const LATEST_TAGS = new Set(['latest', 'pending', 'safe', 'finalized']);
/** Methods whose last parameter is a block (number or tag). */
const BLOCK_PARAM = new Set([
  'eth_call',
  'eth_getBalance',
  'eth_getCode',
  'eth_getStorageAt',
  'eth_getTransactionCount',
  'eth_estimateGas',
]);

async function rpc<T>(url: string, method: string, params: unknown[]): Promise<T> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ jsonrpc: '2.0', id: 1, method, params }),
  });
  const body = (await response.json()) as { result?: T; error?: { message: string } };
  if (body.error) throw new Error(`${method}: ${body.error.message}`);
  return body.result as T;
}

/** The newest block whose timestamp is at most `timestamp` (binary search over headers). */
async function blockAtOrBefore(url: string, timestamp: bigint): Promise<bigint> {
  const headTs = async (n: bigint) =>
    BigInt(
      (await rpc<{ timestamp: string }>(url, 'eth_getBlockByNumber', [`0x${n.toString(16)}`, false]))
        .timestamp,
    );
  let hi = BigInt(await rpc<string>(url, 'eth_blockNumber', []));
  let lo = 0n;
  if ((await headTs(hi)) <= timestamp) return hi;
  while (lo < hi) {
    const mid = (lo + hi + 1n) / 2n;
    if ((await headTs(mid)) <= timestamp) lo = mid;
    else hi = mid - 1n;
  }
  return lo;
}

/** An HTTP request's whole body (shared by the devnet's proxies). */
export function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

const hex = (n: bigint) => `0x${n.toString(16)}`;

/** Sends JSON-RPC items to a node as one batch and returns its answers (shared by the devnet's proxies). */
export async function forwardBatch(target: string, items: readonly RpcItem[]): Promise<unknown[]> {
  const response = await fetch(target, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(items),
  });
  return (await response.json()) as unknown[];
}

/** Puts a node's batch answers back in the order of the items asked (a node may answer a batch in any order). */
export function inAskedOrder(items: readonly RpcItem[], answers: readonly unknown[]): unknown[] {
  return items.map((item, i) => answers.find((r) => (r as RpcItem).id === item.id) ?? answers[i]);
}

/** Answers a browser's CORS preflight as anvil does (the page calls a proxy from another origin). */
export function answerPreflight(res: ServerResponse): void {
  res
    .writeHead(204, {
      'access-control-allow-methods': 'POST',
      'access-control-allow-headers': 'content-type',
      'access-control-max-age': '600',
    })
    .end();
}

/** Starts an HTTP server on 127.0.0.1 (`port` 0: a free one) and returns its URL. */
export async function listenLocal(server: Server, port = 0): Promise<string> {
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', () => resolve()));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** Stops an HTTP server, open keep-alive connections included. */
export async function closeServer(server: Server): Promise<void> {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
}

/** A Node http server in front of one devnet chain that injects one fault at a time. */
export async function startFaultProxy(options: FaultProxyOptions): Promise<FaultProxy> {
  const lagSeconds = BigInt(options.lagSeconds ?? 3600);
  let fault: FaultKind | null = null;
  let pinned: bigint | null = null;
  let requests = 0;
  let firstRequestAt: number | null = null;
  let methods: string[] = [];
  const hanging = new Set<ServerResponse>();

  /** What the lagging node answers itself, or the item rewritten to ask the real node at the pinned block. */
  const lagged = (item: RpcItem, head: bigint): { local: unknown } | { ask: RpcItem } => {
    const params = Array.isArray(item.params) ? [...item.params] : [];
    const known = (tag: unknown): { block: string } | { unknown: true } => {
      if (typeof tag !== 'string' || LATEST_TAGS.has(tag)) return { block: hex(head) };
      if (tag === 'earliest') return { block: tag };
      if (tag.startsWith('0x') && BigInt(tag) > head) return { unknown: true };
      return { block: tag };
    };
    const reply = (result: unknown) => ({ local: { jsonrpc: '2.0', id: item.id, result } });
    const refuse = () => ({
      local: { jsonrpc: '2.0', id: item.id, error: { code: -32000, message: 'header not found' } },
    });
    if (item.method === 'eth_blockNumber') return reply(hex(head));
    if (item.method === 'eth_getBlockByNumber') {
      const b = known(params[0]);
      if ('unknown' in b) return reply(null);
      params[0] = b.block;
      return { ask: { ...item, params } };
    }
    if (item.method === 'eth_feeHistory') {
      const b = known(params[1]);
      if ('unknown' in b) return refuse();
      params[1] = b.block;
      return { ask: { ...item, params } };
    }
    if (typeof item.method === 'string' && BLOCK_PARAM.has(item.method)) {
      const at = item.method === 'eth_getStorageAt' ? 2 : 1;
      const b = known(params[at]);
      if ('unknown' in b) return refuse();
      params[at] = b.block;
      return { ask: { ...item, params } };
    }
    return { ask: item };
  };

  const answer = async (items: RpcItem[]): Promise<unknown[]> => {
    const target =
      fault === 'wrong-chain' && options.wrongChainTarget ? options.wrongChainTarget : options.target;
    const out: unknown[] = new Array(items.length);
    const ask: { index: number; item: RpcItem }[] = [];
    items.forEach((item, index) => {
      if (fault === 'revert' && item.method === 'eth_call') {
        out[index] = {
          jsonrpc: '2.0',
          id: item.id,
          error: { code: 3, message: 'execution reverted', data: '0x' },
        };
      } else if (fault === 'wrong-chain' && !options.wrongChainTarget && item.method === 'eth_chainId') {
        out[index] = { jsonrpc: '2.0', id: item.id, result: '0x1' };
      } else if (fault === 'lagging' && pinned !== null) {
        const r = lagged(item, pinned);
        if ('local' in r) out[index] = r.local;
        else ask.push({ index, item: r.ask });
      } else ask.push({ index, item });
    });
    if (ask.length > 0) {
      const asked = ask.map((a) => a.item);
      const answers = inAskedOrder(asked, await forwardBatch(target, asked));
      ask.forEach((a, i) => {
        out[a.index] = answers[i];
      });
    }
    return out;
  };

  const server = createServer((req, res) => {
    // The page calls the proxy from another origin, as it does anvil: CORS as anvil sends it.
    res.setHeader('access-control-allow-origin', '*');
    if (req.method === 'OPTIONS') {
      // A browser's preflight: not counted as a request; an unreachable or hanging node does not answer it.
      if (fault === 'down') req.socket.destroy();
      else if (fault === 'hang') {
        hanging.add(res);
        res.on('close', () => hanging.delete(res));
      } else answerPreflight(res);
      return;
    }
    requests += 1;
    firstRequestAt ??= Date.now();
    void (async () => {
      const text = await readBody(req);
      let body: RpcItem | RpcItem[];
      try {
        body = JSON.parse(text) as RpcItem | RpcItem[];
      } catch {
        res.writeHead(400).end();
        return;
      }
      const items = Array.isArray(body) ? body : [body];
      for (const item of items) methods.push(String(item.method));
      switch (fault) {
        case 'down':
          req.socket.destroy();
          return;
        case '429':
          res.writeHead(429, { 'content-type': 'text/plain', 'retry-after': '0' }).end('Too Many Requests');
          return;
        case '500':
          res.writeHead(500, { 'content-type': 'text/plain' }).end('Internal Server Error');
          return;
        case 'hang':
          hanging.add(res);
          res.on('close', () => hanging.delete(res));
          return;
        case 'malformed':
          res
            .writeHead(200, { 'content-type': 'application/json' })
            .end('{"jsonrpc":"2.0","id":1,"result":"0x');
          return;
        default: {
          const answers = await answer(items);
          res
            .writeHead(200, { 'content-type': 'application/json' })
            .end(JSON.stringify(Array.isArray(body) ? answers : answers[0]));
        }
      }
    })().catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' });
      res.end(`fault proxy: ${error instanceof Error ? error.message : String(error)}`);
    });
  });
  const url = await listenLocal(server, options.port);
  const dropHanging = () => {
    for (const res of hanging) res.destroy();
    hanging.clear();
  };

  return {
    url,
    get fault() {
      return fault;
    },
    async setFault(kind) {
      // Lag is judged against the wall clock, so the pinned block is one at least `lagSeconds` before it.
      if (kind === 'lagging')
        pinned = await blockAtOrBefore(options.target, BigInt(Math.floor(Date.now() / 1000)) - lagSeconds);
      else pinned = null;
      if (kind !== 'hang') dropHanging();
      fault = kind;
    },
    get requests() {
      return requests;
    },
    get methods() {
      return methods;
    },
    get firstRequestAt() {
      return firstRequestAt;
    },
    get pinnedBlock() {
      return pinned;
    },
    reset() {
      requests = 0;
      firstRequestAt = null;
      methods = [];
    },
    async stop() {
      dropHanging();
      await closeServer(server);
    },
  };
}
