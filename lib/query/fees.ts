import type { Network } from '../chains/network';
import type { ChainId } from '../chains/registry';
import type { ChainFeeHistory } from '../fees/history';
import type { ChainFeeQuote } from '../fees/types';
import { runRead } from './off-thread';

/** Serialisable query keys (no bigints): one quote and one base-fee history per chain and RPC. */
export const feeKeys = {
  all: ['layerglass', 'fees'] as const,
  quote: (network: Network, chainId: ChainId) =>
    [...feeKeys.all, 'quote', network.name, chainId, network.chains[chainId].rpcUrl] as const,
  history: (network: Network, chainId: ChainId) =>
    [...feeKeys.all, 'history', network.name, chainId, network.chains[chainId].rpcUrl] as const,
};

/**
 * How often the fee page re-quotes while it is visible. Each quote reads the newest block, so every
 * refresh is at a new block; L2 blocks come every 0.25–2 s, and one quote costs 5–9 requests, so the
 * pace is capped rather than per block (public RPCs rate-limit).
 */
export const FEE_PAGE_REFRESH_MS = 4_000;
/** The base-fee history chart re-reads `eth_feeHistory` this often; readings in between come from quotes. */
export const FEE_HISTORY_REFRESH_MS = 5 * 60_000;

/** One chain's fee quote, re-read on an interval while the tab is visible (paused when it is hidden). */
export function chainFeesQueryOptions(network: Network, chainId: ChainId, refreshMs = FEE_PAGE_REFRESH_MS) {
  return {
    queryKey: feeKeys.quote(network, chainId),
    queryFn: (): Promise<ChainFeeQuote> => runRead('feeQuote', { network, chainId }),
    staleTime: refreshMs / 2,
    refetchInterval: refreshMs,
    refetchIntervalInBackground: false,
    // The client retries what a retry can fix (lib/chains/client.ts): no second round here.
    retry: 0,
  };
}

export function feeHistoryQueryOptions(network: Network, chainId: ChainId) {
  return {
    queryKey: feeKeys.history(network, chainId),
    queryFn: (): Promise<ChainFeeHistory> => runRead('feeHistory', { network, chainId }),
    staleTime: FEE_HISTORY_REFRESH_MS / 2,
    refetchInterval: FEE_HISTORY_REFRESH_MS,
    refetchIntervalInBackground: false,
    // The client retries what a retry can fix (lib/chains/client.ts): no second round here.
    retry: 0,
  };
}
