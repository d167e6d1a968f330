import type { Address } from 'viem';
import type { PriceReading } from '../../prices/types';
import { USD_UNIT } from '../../prices/types';
import { Q112 } from './math';

/** The priced side of a pool must hold at least this much for the other side to be priced through it. */
export const MIN_PRICED_SIDE_USD_E18 = 50_000n * USD_UNIT;
/** …and at least this many times the amount being valued. */
export const DEPTH_MULTIPLE = 20n;

/** A price for an unpriced token from a pool's time-weighted price against a priced token. */
export interface PoolImpliedPrice {
  token: Address;
  pool: Address;
  /** USD per whole token, 18 decimals. */
  usdE18: bigint;
  /** USD value of the priced side's reserve, 18 decimals. */
  pricedSideUsdE18: bigint;
  /** e.g. "pool-implied: TWAP in GRAIL/WETH 0x…, blocks A–B (7d), × WETH ETH/USD". */
  label: string;
}

/**
 * USD per whole `token` from a TWAP in UQ112.112 (quote base units per token base unit) and the quote
 * token's USD price: twap × 10^decToken ÷ 2¹¹² quote base units, × quote USD ÷ 10^decQuote.
 */
export function impliedUsdE18(
  twapX112: bigint,
  tokenDecimals: number,
  quoteDecimals: number,
  quoteUsdE18: bigint,
): bigint {
  return (twapX112 * 10n ** BigInt(tokenDecimals) * quoteUsdE18) / (Q112 * 10n ** BigInt(quoteDecimals));
}

/**
 * The price reading to value `amount` of a token at a pool-implied price: usable only when the priced
 * side holds at least $50,000 and 20× the value of the amount; otherwise no price, with the reason.
 */
export function impliedReading(
  implied: PoolImpliedPrice | undefined,
  symbol: string,
  amount: bigint,
  decimals: number | null,
  fallback: PriceReading,
): PriceReading {
  if (!implied || decimals === null) return fallback;
  const valued = (amount * implied.usdE18) / 10n ** BigInt(decimals);
  const deepEnough =
    implied.pricedSideUsdE18 >= MIN_PRICED_SIDE_USD_E18 &&
    implied.pricedSideUsdE18 >= valued * DEPTH_MULTIPLE;
  if (!deepEnough) {
    return {
      ...fallback,
      reason: `${symbol}: no price feed, and its deepest pool (${implied.pool}) is too shallow to price this amount (its priced side must hold ≥ $50,000 and ≥ 20× the amount)`,
    };
  }
  return {
    label: implied.label,
    usdE18: implied.usdE18,
    status: 'ok',
    updatedAt: null,
    reason: null,
    note: 'pool-implied price (time-weighted, not a price feed)',
  };
}
