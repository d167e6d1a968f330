import { defineModule } from '../module';
import { velodromeDeploymentSpec } from './addresses';
import { checkVelodrome } from './check';
import { velodromeLines } from './format';
import { readVelodrome } from './read';
import { VELODROME_ID } from './types';

/** Velodrome V2 (Optimism): pools unstaked and staked in gauges, and veVELO locks. */
export const velodromeModule = defineModule({
  id: VELODROME_ID,
  name: 'Velodrome',
  order: 30,
  kinds: ['liquidity', 'farming', 'lock'],
  deployment: velodromeDeploymentSpec,
  read: async (ctx, deployment) => ({ positions: await readVelodrome(ctx, deployment) }),
  positionLines: velodromeLines,
  check: checkVelodrome,
});
