import type { Address } from 'viem';
import type { Network } from '../chains/network';
import type { ChainId } from '../chains/registry';
import type { ChainPortfolio } from '../portfolio/types';
import { runRead } from './off-thread';

/** Hierarchical, serialisable query keys (no bigints): invalidate a whole address or one chain. */
export const portfolioKeys = {
  all: ['layerglass', 'portfolio'] as const,
  address: (network: Network['name'], owner: Address) =>
    [...portfolioKeys.all, network, owner.toLowerCase()] as const,
  chain: (
    network: Network,
    chainId: ChainId,
    owner: Address,
    extraTokens: readonly Address[],
    userEntries: Readonly<Record<string, readonly Address[]>> = {},
  ) =>
    [
      ...portfolioKeys.address(network.name, owner),
      chainId,
      network.chains[chainId].rpcUrl,
      extraTokens.map((t) => t.toLowerCase()).sort(),
      Object.fromEntries(
        Object.entries(userEntries)
          .filter(([, list]) => list.length > 0)
          .sort(([a], [b]) => (a < b ? -1 : 1))
          .map(([id, list]) => [id, list.map((t) => t.toLowerCase()).sort()]),
      ),
    ] as const,
};

/** Polling, not per-block invalidation: L2 blocks come every 0.25–2 s and most figures move slowly. */
export const PORTFOLIO_REFRESH_MS = 60_000;

/** Query options for one chain of one address's portfolio (consumed by TanStack Query's useQueries). */
export function chainPortfolioQueryOptions(
  network: Network,
  chainId: ChainId,
  owner: Address,
  extraTokens: readonly Address[] = [],
  userEntries: Readonly<Record<string, readonly Address[]>> = {},
) {
  return {
    queryKey: portfolioKeys.chain(network, chainId, owner, extraTokens, userEntries),
    // Off the main thread (a worker in the browser): decoding a big account never blocks the page.
    queryFn: (): Promise<ChainPortfolio> =>
      runRead('portfolio', { network, chainId, owner, extraTokens, userEntries }),
    staleTime: PORTFOLIO_REFRESH_MS / 2,
    refetchInterval: PORTFOLIO_REFRESH_MS,
    // The client already retries what a retry can fix (lib/chains/client.ts); a second round here would
    // double the time a hang takes to become an error, and the requests a rate-limited RPC receives.
    retry: 0,
  };
}
