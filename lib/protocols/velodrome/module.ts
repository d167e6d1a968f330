import { errorMessage } from '../../chains/multicall';
import type { Position } from '../../portfolio/types';
import { defineModule } from '../module';
import { velodromeDeploymentSpec } from './addresses';
import { checkVelodrome } from './check';
import { velodromeLines } from './format';
import { velodromeJobs } from './lens';
import { readVelodrome } from './read';
import { readSlipstream } from './slipstream';
import { slipstreamLens } from './slipstream-lens';
import { VELODROME_ID } from './types';

/** Velodrome (Optimism): V2 pools and Slipstream positions, unstaked and staked in gauges, and veVELO locks. */
export const velodromeModule = defineModule({
  id: VELODROME_ID,
  name: 'Velodrome',
  order: 30,
  kinds: ['liquidity', 'farming', 'lock'],
  deployment: velodromeDeploymentSpec,
  // Round 1: V2 pools, gauges and veVELO (VelodromeLens) beside Slipstream's positions (the V3 lens).
  lens: (ctx, d) => [...velodromeJobs(ctx, d), ...slipstreamLens(ctx, d)],
  read: async (ctx, deployment) => {
    const { slipstream } = deployment;
    // Slipstream is read beside V2 (concurrently); its failure is said on one item while V2 renders.
    const [v2, cl] = await Promise.all([
      readVelodrome(ctx, deployment),
      slipstream
        ? readSlipstream(ctx, deployment, slipstream).catch((error: unknown): Position[] => [
            {
              protocol: VELODROME_ID,
              kind: 'liquidity',
              id: `${ctx.chainId}:${VELODROME_ID}:slipstream`,
              label: 'Slipstream positions',
              assets: [],
              rewards: [],
              yield: null,
              warning: `Slipstream unreadable at block ${ctx.blockNumber}: ${errorMessage(error)}`,
            },
          ])
        : Promise.resolve([]),
    ]);
    return { positions: [...v2, ...cl] };
  },
  positionLines: velodromeLines,
  check: checkVelodrome,
});
