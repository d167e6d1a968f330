import { aaveSeed } from '../../lib/protocols/aave-v3/seed';
import { uniswapSeed } from '../../lib/protocols/uniswap-v3/seed';
import { baseSeed, finalizeSeed } from './base';
import { feesSeed } from './fees';
import type { SeedModule } from './types';

/**
 * The devnet's seed steps, one line each. Their order is declared by each step (`after`, `history`,
 * `final`; see `./order`), not by this list.
 */
export const SEED_MODULES: readonly SeedModule[] = [baseSeed, feesSeed, aaveSeed, uniswapSeed, finalizeSeed];
