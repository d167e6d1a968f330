/**
 * Pool math for two-token pools that keep reserves in storage: an account's share of the reserves, the
 * pool's invariant (√k for constant product, the stable curves' own invariants), its growth per LP
 * share, and the time-weighted price from Uniswap V2's accumulators. All exact in bigint.
 */

/** floor(√n), Newton's method from a power of two above the root, so it only descends. */
export function isqrt(n: bigint): bigint {
  if (n < 0n) throw new Error('isqrt of a negative number');
  if (n < 2n) return n;
  let x = 1n << BigInt(Math.ceil(n.toString(2).length / 2));
  for (;;) {
    const y = (x + n / x) >> 1n;
    if (y >= x) return x;
    x = y;
  }
}

/** The account's amounts of the two reserves: reserve × balance ÷ totalSupply (null on zero supply). */
export function lpAmounts(
  reserve0: bigint,
  reserve1: bigint,
  balance: bigint,
  totalSupply: bigint,
): { amount0: bigint; amount1: bigint } | null {
  if (totalSupply === 0n) return null;
  return { amount0: (reserve0 * balance) / totalSupply, amount1: (reserve1 * balance) / totalSupply };
}

/** How a pool's invariant is computed from its reserves. */
export type Curve =
  | { kind: 'constant-product' }
  /** Camelot's stable pairs: k = x³y + y³x on reserves scaled to 18 decimals; the invariant is k^¼. */
  | { kind: 'camelot-stable'; decimals0: number; decimals1: number }
  /** SyncSwap's stable pools: the StableSwap D (A fixed by the pool's constant) on precision-scaled reserves. */
  | { kind: 'syncswap-stable'; multiplier0: bigint; multiplier1: bigint };

export function curveLabel(curve: Curve): string {
  return curve.kind === 'constant-product'
    ? '√k (x·y)'
    : curve.kind === 'camelot-stable'
      ? 'k^¼ (x³y+y³x)'
      : 'D (StableSwap)';
}

/**
 * SyncSwap's stable invariant D from precision-adjusted balances, the same iteration as its
 * `StableMath.computeDFromAdjustedBalances` (`syncswap/core-contracts@5285a3a` `contracts/libraries/StableMath.sol`;
 * 800000 was the constant of its first commit 38113e0, replaced by 2000 in e2635d8 before the mainnet deploy):
 * d ← (2000·s + 2·dP)·d ÷ (1999·d + 3·dP), dP = d³ ÷ (4·x·y), until it moves by at most 1.
 */
export function syncSwapStableD(xp0: bigint, xp1: bigint): bigint {
  const s = xp0 + xp1;
  if (s === 0n || xp0 === 0n || xp1 === 0n) return 0n;
  let d = s;
  for (let i = 0; i < 256; i++) {
    const dP = (((d * d) / xp0) * d) / xp1 / 4n;
    const prev = d;
    d = ((2000n * s + 2n * dP) * d) / (1999n * d + 3n * dP);
    if (d - prev <= 1n && prev - d <= 1n) break;
  }
  return d;
}

/** The pool's invariant, in units comparable across blocks of the same pool (not across pools). */
export function invariant(curve: Curve, reserve0: bigint, reserve1: bigint): bigint {
  switch (curve.kind) {
    case 'constant-product':
      return isqrt(reserve0 * reserve1);
    case 'camelot-stable': {
      const x = (reserve0 * 10n ** 18n) / 10n ** BigInt(curve.decimals0);
      const y = (reserve1 * 10n ** 18n) / 10n ** BigInt(curve.decimals1);
      const k = x * y * (x * x + y * y);
      return isqrt(isqrt(k));
    }
    case 'syncswap-stable':
      return syncSwapStableD(reserve0 * curve.multiplier0, reserve1 * curve.multiplier1);
  }
}

/** A pool's state at one block, for the invariant-per-share measurement. */
export interface PoolPoint {
  reserve0: bigint;
  reserve1: bigint;
  totalSupply: bigint;
  timestamp: bigint;
}

/**
 * Growth of the invariant per LP share between two blocks, as a ratio (end ÷ start): what an LP share
 * gained from fees kept in the pool. Null when either supply or invariant is zero.
 */
export function invariantPerShareGrowth(curve: Curve, past: PoolPoint, now: PoolPoint): number | null {
  if (past.totalSupply === 0n || now.totalSupply === 0n) return null;
  const i0 = invariant(curve, past.reserve0, past.reserve1);
  const i1 = invariant(curve, now.reserve0, now.reserve1);
  if (i0 === 0n || i1 === 0n) return null;
  // (i1 / s1) / (i0 / s0), kept exact to 1e-18 before the one conversion to a float.
  const SCALE = 10n ** 18n;
  const ratio = (i1 * past.totalSupply * SCALE) / (now.totalSupply * i0);
  return Number(ratio) / 1e18;
}

export const Q112 = 2n ** 112n;
const MOD256 = 2n ** 256n;
const MOD32 = 2n ** 32n;

/** Uniswap V2's accumulator state at one block. */
export interface AccumulatorPoint {
  reserve0: bigint;
  reserve1: bigint;
  blockTimestampLast: bigint;
  price0CumulativeLast: bigint;
  price1CumulativeLast: bigint;
  /** The block's own timestamp. */
  timestamp: bigint;
}

/**
 * The accumulators as of the block's timestamp: the stored ones plus the current price times the time
 * since the last update (what Uniswap's `UniswapV2OracleLibrary.currentCumulativePrices` does), mod 2²⁵⁶.
 */
export function currentCumulatives(p: AccumulatorPoint): { c0: bigint; c1: bigint } {
  if (p.reserve0 === 0n || p.reserve1 === 0n)
    return { c0: p.price0CumulativeLast, c1: p.price1CumulativeLast };
  const elapsed = ((((p.timestamp % MOD32) - p.blockTimestampLast) % MOD32) + MOD32) % MOD32;
  const c0 = (p.price0CumulativeLast + ((p.reserve1 * Q112) / p.reserve0) * elapsed) % MOD256;
  const c1 = (p.price1CumulativeLast + ((p.reserve0 * Q112) / p.reserve1) * elapsed) % MOD256;
  return { c0, c1 };
}

/**
 * Time-weighted average prices between two blocks, as UQ112.112 (token1 base units per token0 base unit
 * for `price0`, and the reverse for `price1`): the accumulators' difference ÷ the time between the blocks.
 * Null on an empty window.
 */
export function twap(
  past: AccumulatorPoint,
  now: AccumulatorPoint,
): { price0X112: bigint; price1X112: bigint } | null {
  const seconds = now.timestamp - past.timestamp;
  if (seconds <= 0n) return null;
  const a = currentCumulatives(past);
  const b = currentCumulatives(now);
  const d0 = (((b.c0 - a.c0) % MOD256) + MOD256) % MOD256;
  const d1 = (((b.c1 - a.c1) % MOD256) + MOD256) % MOD256;
  return { price0X112: d0 / seconds, price1X112: d1 / seconds };
}
