import { Batch } from '../../chains/multicall';
import type { RoundOneJob } from '../../chains/round-one';
import type { LensContext } from '../../portfolio/types';
import type { GovernanceDeployment } from './addresses';
import { addGovernanceReads } from './read';

/** Round 1 of the module: its one level is known before any block, so plain calls (the reader's own). */
export function governanceLens(ctx: LensContext, d: GovernanceDeployment): RoundOneJob[] {
  const batch = new Batch();
  addGovernanceReads(batch, d, ctx.owner);
  return [{ label: 'governance', calls: batch.pending }];
}
