import { aaveSeed } from './aave-v3';
import { baseSeed, finalizeSeed } from './base';
import { camelotSeed } from './camelot';
import { feesSeed } from './fees';
import { gmxSeed } from './gmx';
import { governanceSeed } from './governance';
import { liquidStakingSeed } from './liquid-staking';
import { slipstreamSeed } from './slipstream';
import { stakingRewardsSeed } from './staking-rewards';
import { syncswapSeed } from './syncswap';
import type { SeedModule } from './types';
import { uniswapSeed } from './uniswap-v3';
import { vaultsSeed } from './vaults';
import { velodromeSeed } from './velodrome';

/**
 * The devnet's seed steps, one line each. Their order is declared by each step (`after`, `history`,
 * `final`; see `./order`), not by this list.
 */
export const SEED_MODULES: readonly SeedModule[] = [
  baseSeed,
  feesSeed,
  aaveSeed,
  uniswapSeed,
  velodromeSeed,
  stakingRewardsSeed,
  camelotSeed,
  gmxSeed,
  governanceSeed,
  liquidStakingSeed,
  vaultsSeed,
  syncswapSeed,
  slipstreamSeed,
  finalizeSeed,
];
