import { MAX_TICK, MIN_TICK } from './math';
import type { PoolToken, UniswapV3PositionDetails } from './types';

/** Ticks this close to the bounds price nothing real (a factor of 1.0001^1000 ≈ 1.1 at 1e±38): full range. */
const FULL_RANGE_SLACK = 1000;

export function isFullRange(d: Pick<UniswapV3PositionDetails, 'tickLower' | 'tickUpper'>): boolean {
  return d.tickLower <= MIN_TICK + FULL_RANGE_SLACK && d.tickUpper >= MAX_TICK - FULL_RANGE_SLACK;
}

export type RangeSide = 'in-range' | 'price-below' | 'price-above' | 'closed' | 'unknown';

/** A position's range as shown: one token priced in the other, and where the price sits. */
export interface RangeView {
  base: PoolToken;
  quote: PoolToken;
  /** Prices of one `base` in `quote`, text (lower ≤ upper). */
  lower: string;
  upper: string;
  current: string | null;
  inBaseUnits: boolean;
  fullRange: boolean;
  /** Where the current price is, in this direction. */
  side: RangeSide;
  /**
   * Where the current price sits along the range bar, 0 = lower bound, 1 = upper bound, measured in ticks
   * (a log-price scale); outside [0, 1] when out of range; null when the pool could not be read.
   */
  position: number | null;
}

/**
 * The range in the direction that reads best (the quote is the token of which one `base` is worth ≥ 1 at
 * the current price: USDC per WETH, not WETH per USDC), or the one asked for with `flip`.
 */
export function rangeView(d: UniswapV3PositionDetails, flip?: boolean): RangeView {
  const current0 = d.prices.token0.current;
  const flipped = flip ?? (current0 !== null && Number(current0) < 1);
  const [base, quote, p] = flipped
    ? [d.token1, d.token0, d.prices.token1]
    : [d.token0, d.token1, d.prices.token0];
  const span = d.tickUpper - d.tickLower;
  const along = d.tickCurrent === null ? null : (d.tickCurrent - d.tickLower) / span;
  let side: RangeSide;
  if (d.closed) side = 'closed';
  else if (d.rangeStatus === null) side = 'unknown';
  else if (d.rangeStatus === 'in-range') side = 'in-range';
  else {
    // A price of token0 below the range is a price of token1 above it.
    const below0 = d.rangeStatus === 'below-range';
    side = below0 !== flipped ? 'price-below' : 'price-above';
  }
  return {
    base,
    quote,
    lower: p.lower,
    upper: p.upper,
    current: p.current,
    inBaseUnits: d.prices.inBaseUnits,
    fullRange: isFullRange(d),
    side,
    position: along === null ? null : flipped ? 1 - along : along,
  };
}

const SIDE_TEXT: Record<RangeSide, string> = {
  'in-range': 'in range',
  'price-below': 'out of range (price below the range)',
  'price-above': 'out of range (price above the range)',
  closed: 'closed',
  unknown: 'pool unreadable',
};

export function sideText(side: RangeSide): string {
  return SIDE_TEXT[side];
}

/** One line for the CLI: id, status, range and current price. */
export function describeV3Position(d: UniswapV3PositionDetails): string {
  const v = rangeView(d);
  const unit = v.inBaseUnits ? ' (base units)' : '';
  const range = v.fullRange ? 'full range' : `${v.lower} – ${v.upper}`;
  const now = v.current === null ? '' : `, now ${v.current}`;
  const apr = d.feeApr.note ? ` · fee APR: ${d.feeApr.note}` : '';
  return `#${d.tokenId} ${d.feeLabel} ${sideText(v.side)} · ${range} ${v.quote.symbol} per ${v.base.symbol}${unit}${now}${apr}`;
}
