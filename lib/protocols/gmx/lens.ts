import { Batch, call } from '../../chains/multicall';
import type { RoundOneJob } from '../../chains/round-one';
import type { LensContext } from '../../portfolio/types';
import { FollowUpProgram } from '../follow-up/program';
import { rewardTrackerAbi } from './abi';
import type { GmxDeployment } from './addresses';
import { addGmxFirstLevel } from './read';

/**
 * Round 1 of the module: the reader's first level (its own calls), then the metadata of every tracker's
 * `rewardToken()` (the reader reads it only for tokens the deployment does not name; the rest is a few
 * unused answers).
 */
export function gmxLens(ctx: LensContext, d: GmxDeployment): RoundOneJob[] {
  const first = new Batch();
  const { gmxRaw, glp } = addGmxFirstLevel(first, d, ctx.owner);
  const program = new FollowUpProgram().calls(first.pending);
  for (const raw of [...gmxRaw, ...(glp?.trackers ?? [])])
    program.metadataOn(program.ref(call(raw.spec.address, rewardTrackerAbi, 'rewardToken')));
  return [program.job('gmx')];
}
