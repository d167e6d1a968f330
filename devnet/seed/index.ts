import { aaveSeed } from './aave-v3';
import { baseSeed, finalizeSeed } from './base';
import { feesSeed } from './fees';
import { slipstreamSeed } from './slipstream';
import type { SeedModule } from './types';
import { uniswapSeed } from './uniswap-v3';
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
  slipstreamSeed,
  finalizeSeed,
];
