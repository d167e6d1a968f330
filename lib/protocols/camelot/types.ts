import type { Address } from 'viem';
import type { Position, PositionDetails } from '../../portfolio/types';

export const CAMELOT_ID = 'camelot';

export interface CamelotSpNft {
  nftPool: Address;
  tokenId: bigint;
  amount: bigint;
  amountWithMultiplier: bigint;
  /** amountWithMultiplier ÷ amount. */
  multiplier: number;
  lockDuration: bigint;
  /** startLockTime + lockDuration; null when not locked. */
  lockEnd: bigint | null;
  pending: bigint;
  pendingGrail: bigint;
  pendingXGrail: bigint;
  /** The pool's `xGrailRewardsShare()`, read as basis points of 10 000. */
  xGrailShareBps: bigint;
}

export interface CamelotDetails extends PositionDetails {
  type: typeof CAMELOT_ID;
  pair: Address;
  pairLabel: string;
  /** LP tokens held (wallet) or staked (spNFT). */
  lp: bigint;
  totalSupply: bigint;
  /** Fraction of the pool, for display. */
  share: number;
  spNft: CamelotSpNft | null;
  /** Why a yield (or part of it) is unknown, in words. */
  yieldNotes: string[];
  /** Prices used that come from a pool, not a feed. */
  poolImplied: string[];
}

export function isCamelotDetails(d: Position['details']): d is CamelotDetails {
  return d?.type === CAMELOT_ID;
}
