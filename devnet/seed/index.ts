import { aaveSeed } from './aave-v3';
import { baseSeed, finalizeSeed } from './base';
import { feesSeed } from './fees';
import { gmxSeed } from './gmx';
import { governanceSeed } from './governance';
import type { SeedModule } from './types';
import { uniswapSeed } from './uniswap-v3';

/**
 * The devnet's seed steps, one line each. Their order is declared by each step (`after`, `history`,
 * `final`; see `./order`), not by this list.
 */
export const SEED_MODULES: readonly SeedModule[] = [
  baseSeed,
  feesSeed,
  aaveSeed,
  uniswapSeed,
  gmxSeed,
  governanceSeed,
  finalizeSeed,
];
