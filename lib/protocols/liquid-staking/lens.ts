import { Batch } from '../../chains/multicall';
import type { RoundOneJob } from '../../chains/round-one';
import type { LensContext } from '../../portfolio/types';
import { addRateReads, chainLsts } from './read';

/**
 * Round 1 of the module: the rate feeds at the read block are known before any block (plain calls, the
 * reader's own). The same feeds at the window's start are past-block reads (round 2), not here.
 */
export function liquidStakingLens(ctx: LensContext): RoundOneJob[] {
  const batch = new Batch();
  addRateReads(batch, chainLsts(ctx));
  return batch.size === 0 ? [] : [{ label: 'liquid staking', calls: batch.pending }];
}
