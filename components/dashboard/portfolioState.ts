import type { Address } from 'viem';
import type { NetworkName } from '@/lib/chains/network';
import { CHAIN_IDS } from '@/lib/chains/registry';
import { failedChain } from '@/lib/portfolio/failed';
import { currentChain } from '@/lib/portfolio/select';
import type { ChainPortfolio, Portfolio } from '@/lib/portfolio/types';

export interface ChainQuery {
  data: ChainPortfolio | null | undefined;
  error: Error | null;
  isPending: boolean;
  isFetching: boolean;
  refetch: () => unknown;
}

/** The chains with current figures (a failed refresh's old data never passes for current). */
export function currentChains(queries: readonly Pick<ChainQuery, 'data' | 'error'>[]): ChainPortfolio[] {
  return queries
    .map((q) => currentChain({ data: q.data, error: q.error }))
    .filter((c): c is ChainPortfolio => c !== null);
}

/** What the page holds as a `Portfolio` (for export): each chain as read, or why it could not be. */
export function portfolioOf(
  address: Address,
  network: NetworkName,
  queries: readonly Pick<ChainQuery, 'data' | 'error'>[],
): Portfolio {
  return {
    address,
    network,
    chains: CHAIN_IDS.map((chainId, i) => {
      const q = queries[i];
      const current = q ? currentChain({ data: q.data, error: q.error }) : null;
      return current ?? q?.data ?? failedChain(chainId, q?.error ?? new Error('not read yet'));
    }),
  };
}
