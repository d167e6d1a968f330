import { defineModule } from '../module';
import { LIQUID_STAKING_DEPLOYMENT } from './addresses';
import { checkLiquidStaking } from './check';
import { liquidStakingLens } from './lens';
import { readLiquidStaking } from './read';
import { isLiquidStakingSummary, LIQUID_STAKING_ID } from './types';
import { liquidStakingSummaryLines } from './view';

export const liquidStakingModule = defineModule({
  id: LIQUID_STAKING_ID,
  name: 'Liquid staking',
  order: 50,
  kinds: ['staking'],
  deployment: LIQUID_STAKING_DEPLOYMENT,
  lens: liquidStakingLens,
  read: (ctx, d) => readLiquidStaking(ctx, d),
  summaryLines: (s) => (isLiquidStakingSummary(s) ? liquidStakingSummaryLines(s) : []),
  check: checkLiquidStaking,
});
