import { aaveSeed } from './aave';
import { baseSeed, finalizeSeed } from './base';
import { feesSeed } from './fees';
import type { SeedModule } from './types';
import { uniswapSeed } from './uniswap';

/**
 * The devnet's seed modules, in order. Protocol modules go between `base` (tokens, feeds, Multicall3)
 * and `finalize` (exact native balances).
 */
// Aave accrues 30 days of interest before Uniswap's 10 simulated days of swaps, so the
// fee-APR window (7 days back from the final block) still holds those swaps.
export const SEED_MODULES: readonly SeedModule[] = [baseSeed, aaveSeed, uniswapSeed, feesSeed, finalizeSeed];
