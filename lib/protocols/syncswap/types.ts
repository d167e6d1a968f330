import type { Address } from 'viem';
import type { Position, PositionDetails } from '../../portfolio/types';

export const SYNCSWAP_ID = 'syncswap';

/** What a SyncSwap pool says it is: `poolType()` 1 classic (x·y), 2 stable; other types are not valued for yield. */
export type SyncSwapPoolKind = 'classic' | 'stable' | 'unknown';

export interface SyncSwapDetails extends PositionDetails {
  type: typeof SYNCSWAP_ID;
  pool: Address;
  poolLabel: string;
  poolKind: SyncSwapPoolKind;
  /** The pool's `poolType()`; null where the pool has no such read (the devnet's classic pools). */
  poolType: number | null;
  /** LP tokens held. */
  lp: bigint;
  totalSupply: bigint;
  /** Fraction of the pool, for display (0 when the pool has no supply). */
  share: number;
  /** Why a yield (or part of it) is unknown, in words. */
  yieldNotes: string[];
  /** Prices used that come from a pool, not a feed. */
  poolImplied: string[];
}

export function isSyncSwapDetails(d: Position['details']): d is SyncSwapDetails {
  return d?.type === SYNCSWAP_ID;
}
