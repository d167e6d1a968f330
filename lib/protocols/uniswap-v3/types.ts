import type { Address } from 'viem';
import type { Position } from '../../portfolio/types';

/** The V3-style deployments' protocol ids (the positions' `protocol`). */
export const UNISWAP_V3_ID = 'uniswap-v3';
export const SUSHISWAP_V3_ID = 'sushiswap-v3';

export interface PoolToken {
  address: Address;
  /** Sanitised on-chain symbol (untrusted text: render as text only). */
  symbol: string;
  /** Null when `decimals()` is unusable: amounts and prices are then in base units. */
  decimals: number | null;
}

/** Prices of one token of the pair in the other, as text (exact fractions rounded to 6 digits). */
export interface PriceTriple {
  /** At the range's lower and upper bound, in this token's own direction (lower ≤ upper). */
  lower: string;
  upper: string;
  /** At the pool's current price; null when the pool could not be read. */
  current: string | null;
}

export type V3RangeStatus = 'in-range' | 'below-range' | 'above-range';

/** How the fee APR of a position was measured, or why it could not be. */
export interface FeeAprInfo {
  /** Past and pinned blocks of the measurement (null when no past block could be read). */
  fromBlock: bigint | null;
  toBlock: bigint;
  /** Seconds between the two blocks' own timestamps. */
  seconds: bigint | null;
  /** The window asked for, in seconds (7 days by default). */
  requestedSeconds: number;
  /** Fees the position's current liquidity would have earned over the window, base units. */
  earned0: bigint | null;
  earned1: bigint | null;
  /** Why no figure, or what limited it (a narrower window than asked for). */
  note: string | null;
}

/**
 * A Uniswap V3-style liquidity position (Uniswap V3, SushiSwap V3): range, prices both ways and the
 * ids an explorer needs. Amounts are in `Position.assets`, uncollected fees in `Position.rewards`.
 */
export interface UniswapV3PositionDetails {
  type: 'uniswap-v3';
  /** Which deployment: the protocol id ('uniswap-v3', 'sushiswap-v3'). */
  dex: string;
  tokenId: bigint;
  positionManager: Address;
  pool: Address;
  /** Hundredths of a basis point (500 = 0.05 %). */
  fee: number;
  feeLabel: string;
  token0: PoolToken;
  token1: PoolToken;
  tickLower: number;
  tickUpper: number;
  /** Null when the pool could not be read. */
  tickCurrent: number | null;
  sqrtPriceX96: bigint | null;
  liquidity: bigint;
  /** Where the current price is relative to the range (null when the pool could not be read). */
  rangeStatus: V3RangeStatus | null;
  inRange: boolean;
  /** Liquidity 0: the position holds nothing but may still have fees or tokens owed. */
  closed: boolean;
  /** token0 priced in token1, and token1 priced in token0. */
  prices: { token0: PriceTriple; token1: PriceTriple; inBaseUnits: boolean };
  feeApr: FeeAprInfo;
  /** The position NFT on the chain's explorer (mainnet only; null on the devnet). */
  explorerUrl: string | null;
}

export function isV3Details(d: Position['details']): d is UniswapV3PositionDetails {
  return d?.type === 'uniswap-v3';
}
