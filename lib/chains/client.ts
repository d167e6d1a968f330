import { createPublicClient, http, type PublicClient } from 'viem';
import { type ChainId, readChain } from './registry';

export interface ReadClientOptions {
  /** Called once per HTTP request sent to the RPC (request counting for tests and benchmarks). */
  onRequest?: (chainId: ChainId) => void;
  timeoutMs?: number;
  retryCount?: number;
}

/**
 * A read-only client for one chain. It is a public client over the app's own RPC URL: reads never go
 * through a connected wallet's provider, so the wallet's network does not matter.
 */
export function createReadClient(
  chainId: ChainId,
  rpcUrl: string,
  options: ReadClientOptions = {},
): PublicClient {
  const { onRequest } = options;
  return createPublicClient({
    chain: readChain(chainId, rpcUrl),
    transport: http(rpcUrl, {
      timeout: options.timeoutMs ?? 15_000,
      retryCount: options.retryCount ?? 1,
      ...(onRequest ? { onFetchRequest: () => onRequest(chainId) } : {}),
    }),
    // Multicall batching is explicit (lib/chains/multicall.ts), so every level is one request.
    batch: { multicall: false },
    cacheTime: 0,
  });
}
