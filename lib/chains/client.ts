import {
  BaseError,
  type Chain,
  type Client,
  createClient,
  createTransport,
  type EIP1193RequestFn,
  fallback,
  HttpRequestError,
  type PublicActions,
  RpcRequestError,
  TimeoutError,
  type Transport,
} from 'viem';
import {
  call,
  estimateGas,
  getBalance,
  getBlock,
  getBlockNumber,
  getCode,
  getFeeHistory,
  getTransactionCount,
  readContract,
} from 'viem/actions';
import { getHttpRpcClient } from 'viem/utils';
import { CHAINS, type ChainId, readChain, rpcBatchLimit } from './registry';

/** The actions the app's reads use: nothing that signs, verifies signatures, watches or resolves ENS. */
type ReadActionName =
  | 'call'
  | 'estimateGas'
  | 'getBalance'
  | 'getBlock'
  | 'getBlockNumber'
  | 'getCode'
  | 'getFeeHistory'
  | 'getTransactionCount'
  | 'readContract';

/**
 * What every reader takes: a client with only the read actions above. Any viem `PublicClient` is one
 * (tests pass anvil's); the app's own is built from `createClient` and these actions alone, because
 * `createPublicClient` decorates every public action and so ships signature verification (secp256k1,
 * the ERC-6492 validator bytecode), ENS, filters and watchers to the browser, none of which a read needs.
 */
export type ReadClient = Client<Transport, Chain | undefined, undefined> &
  Pick<PublicActions<Transport, Chain | undefined, undefined>, ReadActionName>;

/** viem's own `publicActions`, restricted to the reads (same shape, so the same types). */
function readActions(
  client: Client<Transport, Chain | undefined>,
): Pick<PublicActions<Transport, Chain | undefined, undefined>, ReadActionName> {
  return {
    call: (args) => call(client, args),
    estimateGas: (args) => estimateGas(client, args),
    getBalance: (args) => getBalance(client, args),
    getBlock: (args) => getBlock(client, args),
    getBlockNumber: (args) => getBlockNumber(client, args),
    getCode: (args) => getCode(client, args),
    getFeeHistory: (args) => getFeeHistory(client, args),
    getTransactionCount: (args) => getTransactionCount(client, args),
    readContract: (args) => readContract(client, args),
  };
}

/**
 * How long one HTTP request to an RPC may take before it is an error (not retried): a node that never
 * answers becomes an error within 10 s. A second URL that hangs too adds its own timeout; after that the
 * hanging URLs are skipped for `RPC_COOLDOWN_MS` while another URL of the chain answers.
 */
export const RPC_TIMEOUT_MS = 6_000;
/** One retry of a request that failed for a reason a retry can fix (HTTP 429/5xx, a dropped connection); none for a timeout. */
export const RPC_RETRY_COUNT = 1;
/** Pause before that retry (or the server's Retry-After, capped at this × 4). */
export const RPC_RETRY_DELAY_MS = 250;
/** After a failure a URL is skipped (when the chain has another URL that is not failing) for this long. */
export const RPC_COOLDOWN_MS = 30_000;

export interface ReadClientOptions {
  /** Called once per HTTP request sent to the RPC (request counting for tests and benchmarks). */
  onRequest?: (chainId: ChainId) => void;
  timeoutMs?: number;
  /** Retries of a retryable failure, per URL (default `RPC_RETRY_COUNT`). */
  retryCount?: number;
  /** Most JSON-RPC items per HTTP request (default: the endpoint's known limit, `rpcBatchLimit`). */
  batchItems?: number;
}

/** The RPC answers for another chain: its figures are refused. */
export class WrongChainError extends BaseError {
  override name = 'WrongChainError';
  readonly expected: number;
  readonly actual: number;
  constructor(url: string, expected: number, actual: number) {
    const name = CHAINS[expected as ChainId]?.name ?? `chain ${expected}`;
    super(`wrong chain: the RPC at ${url} answers for chain ${actual}, not ${expected} (${name})`);
    this.expected = expected;
    this.actual = actual;
  }
}

/** A URL skipped because it failed a moment ago and the chain has another one. */
class SkippedRpcError extends BaseError {
  override name = 'SkippedRpcError';
}

/** An RPC URL that failed as a transport (no answer, an HTTP error, not JSON-RPC), said in words. */
export class RpcFailureError extends BaseError {
  override name = 'RpcFailureError';
}

function seconds(ms: number): string {
  return `${Math.round(ms / 100) / 10} s`;
}

/** The failure in words that say what is wrong (viem's own short message is "HTTP request failed."). */
function describeFailure(url: string, error: unknown, timeoutMs: number): unknown {
  if (error instanceof TimeoutError)
    return new RpcFailureError(`the RPC at ${url} did not answer within ${seconds(timeoutMs)}`, {
      cause: error,
    });
  if (error instanceof HttpRequestError) {
    if (error.status === 429)
      return new RpcFailureError(`the RPC at ${url} is rate-limiting (HTTP 429)`, { cause: error });
    if (error.status !== undefined)
      return new RpcFailureError(`the RPC at ${url} answered HTTP ${error.status}`, { cause: error });
    const cause = error.cause;
    if (cause instanceof SyntaxError)
      return new RpcFailureError(`the RPC at ${url} answered something that is not JSON`, { cause: error });
    return new RpcFailureError(`the RPC at ${url} is unreachable (${error.details || 'connection failed'})`, {
      cause: error,
    });
  }
  return error;
}

export { isWrongChainError } from './errors';

function retryable(error: unknown): boolean {
  if (error instanceof TimeoutError) return false;
  if (error instanceof HttpRequestError) {
    const status = error.status;
    // No status: the connection failed or the body was not JSON.
    return status === undefined || status === 429 || status >= 500;
  }
  return false;
}

function retryAfterMs(error: unknown): number {
  const header = error instanceof HttpRequestError ? error.headers?.get('retry-after') : null;
  const seconds = header ? Number(header) : Number.NaN;
  return Number.isFinite(seconds) && seconds >= 0
    ? Math.min(seconds * 1000, RPC_RETRY_DELAY_MS * 4)
    : RPC_RETRY_DELAY_MS;
}

interface JsonRpcAnswer {
  id?: number;
  result?: unknown;
  error?: { code: number; message: string; data?: unknown };
}

/** Shared by a chain's URLs: which failed recently, and which proved their chain id. */
interface ChainRpcState {
  urls: readonly string[];
  failedAt: Map<string, number>;
  verified: Set<string>;
}

/**
 * One RPC URL of one chain. Requests made in the same tick go out as JSON-RPC batches of at most the
 * endpoint's limit (`rpcBatchLimit`; several batches are sent at once, never one after another). Until the
 * URL has proved its chain id, each batch carries `eth_chainId` (no round trip of its own) and a mismatch
 * refuses every answer in it; a retryable failure is retried once; a URL that failed a moment ago is
 * skipped while another URL of the chain is not failing.
 */
function checkedHttp(
  chainId: ChainId,
  url: string,
  state: ChainRpcState,
  options: Required<Pick<ReadClientOptions, 'timeoutMs' | 'retryCount'>> & ReadClientOptions,
): Transport {
  const rpc = getHttpRpcClient(url, {
    timeout: options.timeoutMs,
    ...(options.onRequest ? { onRequest: () => options.onRequest?.(chainId) } : {}),
  });
  const maxItems = Math.max(1, options.batchItems ?? rpcBatchLimit(url));
  let nextId = 1;
  interface Pending {
    body: { id: number; method: string; params: unknown };
    resolve: (result: unknown) => void;
    reject: (error: unknown) => void;
  }
  let queue: Pending[] = [];
  let scheduled = false;

  const send = async (items: readonly Pending[]): Promise<void> => {
    const verify = !state.verified.has(url);
    const idCheck = { id: nextId++, method: 'eth_chainId', params: [] };
    const only = items[0];
    try {
      if (!verify && items.length === 1 && only) {
        const answer = (await rpc.request({ body: only.body })) as JsonRpcAnswer;
        if (answer.error) only.reject(new RpcRequestError({ body: only.body, error: answer.error, url }));
        else only.resolve(answer.result);
        return;
      }
      const bodies = [...(verify ? [idCheck] : []), ...items.map((i) => i.body)];
      const answers = (await rpc.request({ body: bodies })) as unknown;
      if (!Array.isArray(answers))
        throw new HttpRequestError({ body: bodies, url, details: 'the RPC did not answer a JSON-RPC batch' });
      const byId = new Map<unknown, JsonRpcAnswer>();
      for (const a of answers as JsonRpcAnswer[]) if (a && typeof a === 'object') byId.set(a.id, a);
      if (verify) {
        const id = byId.get(idCheck.id);
        if (!id)
          throw new HttpRequestError({ body: bodies, url, details: 'incomplete JSON-RPC batch answer' });
        if (id.error) throw new RpcRequestError({ body: idCheck, error: id.error, url });
        const actual = Number(id.result);
        if (actual !== chainId) throw new WrongChainError(url, chainId, actual);
        state.verified.add(url);
      }
      for (const item of items) {
        const answer = byId.get(item.body.id);
        if (!answer)
          item.reject(
            new HttpRequestError({ body: item.body, url, details: 'incomplete JSON-RPC batch answer' }),
          );
        else if (answer.error)
          item.reject(new RpcRequestError({ body: item.body, error: answer.error, url }));
        else item.resolve(answer.result);
      }
    } catch (error) {
      for (const item of items) item.reject(error);
    }
  };

  /**
   * A batch, retried as one batch (once, for a failure a retry can fix): its items retrying one by one
   * after the same delay could land in separate batches, and a failing node would see more requests.
   */
  const sendRetried = async (items: readonly Pending[]): Promise<void> => {
    for (let attempt = 0; ; attempt++) {
      let failure: { error: unknown } | null = null;
      const trial = items.map((item) => ({
        ...item,
        reject: (error: unknown) => {
          // A transport failure rejects every item with the same error: retry the batch; a JSON-RPC error
          // (the node answering) is the item's own and is not retried.
          if (!(error instanceof RpcRequestError) && attempt < options.retryCount && retryable(error))
            failure = { error };
          else item.reject(error);
        },
      }));
      await send(trial);
      if (failure === null) return;
      const { error } = failure as { error: unknown };
      state.failedAt.set(url, Date.now());
      await new Promise((r) => setTimeout(r, retryAfterMs(error)));
    }
  };

  const flush = () => {
    scheduled = false;
    const items = queue;
    queue = [];
    // The chain-id check takes one item of each batch until the URL has proved itself.
    const room = state.verified.has(url) ? maxItems : Math.max(1, maxItems - 1);
    for (let i = 0; i < items.length; i += room) void sendRetried(items.slice(i, i + room));
  };

  const once = (method: string, params: unknown): Promise<unknown> =>
    new Promise((resolve, reject) => {
      queue.push({ body: { id: nextId++, method, params }, resolve, reject });
      if (!scheduled) {
        scheduled = true;
        setTimeout(flush, 0);
      }
    });
  return () =>
    createTransport({
      key: 'checked-http',
      name: `RPC ${url}`,
      type: 'http',
      retryCount: 0,
      timeout: options.timeoutMs,
      request: (async ({ method, params }: { method: string; params?: unknown }) => {
        const failed = state.failedAt.get(url);
        const cooling = (u: string) => {
          const t = state.failedAt.get(u);
          return t !== undefined && Date.now() - t < RPC_COOLDOWN_MS;
        };
        if (failed !== undefined && cooling(url) && state.urls.some((u) => u !== url && !cooling(u)))
          throw new SkippedRpcError(`skipped ${url}: it failed ${Date.now() - failed} ms ago`);
        // Retries happen per batch (`sendRetried`), so every item of a failed batch is retried together.
        try {
          const result = await once(method, params);
          state.failedAt.delete(url);
          return result;
        } catch (error) {
          // A JSON-RPC error (a revert, a missing block) is the node answering: not a failure of the URL.
          if (!(error instanceof RpcRequestError)) state.failedAt.set(url, Date.now());
          throw describeFailure(url, error, options.timeoutMs);
        }
      }) as EIP1193RequestFn,
    });
}

/**
 * A read-only client for one chain over one or several RPC URLs (viem's fallback transport: a failing URL
 * is skipped to the next). It is a public client over the app's own RPC URLs: reads never go through a
 * connected wallet's provider, so the wallet's network does not matter. Every URL proves its chain id
 * before its answers are used; a hang is an error after `RPC_TIMEOUT_MS`; retries are bounded (one per
 * URL, for retryable failures only), so a failing node sees at most two requests per request.
 */
export function createReadClient(
  chainId: ChainId,
  rpcUrls: string | readonly string[],
  options: ReadClientOptions = {},
): ReadClient {
  const urls = typeof rpcUrls === 'string' ? [rpcUrls] : [...new Set(rpcUrls)];
  const first = urls[0];
  if (!first) throw new Error(`chain ${chainId}: no RPC URL`);
  const state: ChainRpcState = { urls, failedAt: new Map(), verified: new Set() };
  const resolved = {
    ...options,
    timeoutMs: options.timeoutMs ?? RPC_TIMEOUT_MS,
    retryCount: options.retryCount ?? RPC_RETRY_COUNT,
  };
  const transports = urls.map((url) => checkedHttp(chainId, url, state, resolved));
  return createClient<Transport, Chain | undefined>({
    chain: readChain(chainId, first),
    transport:
      transports.length === 1 && transports[0]
        ? transports[0]
        : fallback(transports, { retryCount: 0, rank: false }),
    // Multicall batching is explicit (lib/chains/multicall.ts), so every level is one request.
    batch: { multicall: false },
    cacheTime: 0,
  }).extend(readActions);
}
