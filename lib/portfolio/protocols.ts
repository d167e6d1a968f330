import { aaveV3Reader } from '../protocols/aave-v3/read';
import { sushiswapV3Reader, uniswapV3Reader } from '../protocols/uniswap-v3/read';
import type { ProtocolReader } from './types';

/**
 * Every protocol the portfolio reads after the wallet-and-prices batch, in display order. A protocol
 * adds itself here; the fan-out in read.ts runs them concurrently, each pinned to the same block.
 */
export const PROTOCOL_READERS: readonly ProtocolReader[] = [uniswapV3Reader, sushiswapV3Reader, aaveV3Reader];
