import {
  type Chain,
  type Client,
  createClient,
  type HttpTransport,
  http,
  type PublicActions,
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
import { type ChainId, readChain } from './registry';

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

export interface ReadClientOptions {
  /** Called once per HTTP request sent to the RPC (request counting for tests and benchmarks). */
  onRequest?: (chainId: ChainId) => void;
  timeoutMs?: number;
  retryCount?: number;
}

/**
 * A read-only client for one chain, over the app's own RPC URL: reads never go through a connected
 * wallet's provider, so the wallet's network does not matter.
 */
export function createReadClient(
  chainId: ChainId,
  rpcUrl: string,
  options: ReadClientOptions = {},
): ReadClient {
  const { onRequest } = options;
  return createClient<HttpTransport, Chain | undefined>({
    chain: readChain(chainId, rpcUrl),
    transport: http(rpcUrl, {
      timeout: options.timeoutMs ?? 15_000,
      retryCount: options.retryCount ?? 1,
      ...(onRequest ? { onFetchRequest: () => onRequest(chainId) } : {}),
    }),
    // Multicall batching is explicit (lib/chains/multicall.ts), so every level is one request.
    batch: { multicall: false },
    cacheTime: 0,
  }).extend(readActions);
}
