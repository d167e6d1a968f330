import { baseSeed, finalizeSeed } from './base';
import { feesSeed } from './fees';
import type { SeedModule } from './types';
import { uniswapSeed } from './uniswap';

/**
 * The devnet's seed modules, in order. Protocol modules go between `base` (tokens, feeds, Multicall3)
 * and `finalize` (exact native balances).
 */
export const SEED_MODULES: readonly SeedModule[] = [baseSeed, uniswapSeed, feesSeed, finalizeSeed];
