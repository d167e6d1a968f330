import type { RoundOneJob } from '../../chains/round-one';
import type { LensContext } from '../../portfolio/types';
import { v3LensJobs } from '../uniswap-v3/lens';
import type { VelodromeDeployment } from './addresses';
import { MAX_CL_POSITIONS } from './slipstream';

/**
 * Round 1 of Slipstream (`readSlipstream`): the wallet's CL positions through the V3 lens, their pools asked
 * from the CL factory by tick spacing (`getPool(token0, token1, tickSpacing)`, as the reader asks), each
 * pool's slot0, fee growth and an open range's ticks, and the tokens' metadata. Not yet in round 1: the
 * staked side (the factory's pools, the Voter's gauges, `stakedValues` and what follows): those levels still
 * go out after round 1.
 */
export function slipstreamLens(ctx: LensContext, deployment: VelodromeDeployment): RoundOneJob[] {
  const s = deployment.slipstream;
  if (!s) return [];
  return v3LensJobs(ctx.chainId, {
    label: 'velodrome slipstream',
    positionManager: s.positionManager,
    factory: s.factory,
    pools: { kind: 'factory-get-pool' },
    owner: ctx.owner,
    maxPositions: MAX_CL_POSITIONS,
    poolBalances: false,
  });
}
