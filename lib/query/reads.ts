import type { Address } from 'viem';
import type { Network } from '../chains/network';
import type { ChainId } from '../chains/registry';
import { readFeeHistory } from '../fees/history';
import { quoteChainFees } from '../fees/quote';
import { readChainPortfolio } from '../portfolio/read';
import { readClient } from './clients';

/**
 * The reads the page runs off its main thread (see `./off-thread.ts`): each takes plain, structured-
 * cloneable arguments and returns plain data (bigints included), so it can run in a worker or in-thread
 * alike. The clients live where the read runs, so each RPC URL proves its chain id once there.
 */
export const READS = {
  portfolio: (a: {
    network: Network;
    chainId: ChainId;
    owner: Address;
    extraTokens: readonly Address[];
    userEntries: Readonly<Record<string, readonly Address[]>>;
  }) =>
    readChainPortfolio({
      network: a.network,
      chainId: a.chainId,
      client: readClient(a.chainId, a.network.chains[a.chainId]),
      owner: a.owner,
      extraTokens: a.extraTokens,
      userEntries: a.userEntries,
    }),
  feeQuote: (a: { network: Network; chainId: ChainId }) =>
    quoteChainFees({
      network: a.network,
      chainId: a.chainId,
      client: readClient(a.chainId, a.network.chains[a.chainId]),
    }),
  feeHistory: (a: { network: Network; chainId: ChainId }) =>
    readFeeHistory(readClient(a.chainId, a.network.chains[a.chainId]), a.chainId),
};

export type Reads = typeof READS;
export type ReadKind = keyof Reads;
export type ReadArgs<K extends ReadKind> = Parameters<Reads[K]>[0];
export type ReadResult<K extends ReadKind> = Awaited<ReturnType<Reads[K]>>;
