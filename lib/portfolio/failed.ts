import { errorMessage, isWrongChainError } from '../chains/errors';
import type { ChainId } from '../chains/registry';
import type { ChainPortfolio } from './types';

/** A chain that could not be read: it says why, and carries no figures. */
export function failedChain(chainId: ChainId, error: unknown): ChainPortfolio {
  return {
    chainId,
    blockNumber: null,
    blockTimestamp: null,
    error: errorMessage(error),
    errorKind: isWrongChainError(error) ? 'wrong-chain' : 'error',
    headAgeSeconds: null,
    positions: [],
    protocolErrors: [],
    summaries: [],
  };
}
