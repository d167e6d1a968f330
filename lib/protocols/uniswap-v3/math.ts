/**
 * Uniswap V3 math in bigint, ported from v3-core (TickMath, SqrtPriceMath, Tick.getFeeGrowthInside) and
 * v3-periphery (NonfungiblePositionManager.collect). Every function is exact: amounts and fee growth are
 * integers as the contracts compute them; prices are exact fractions, turned into text only at the end.
 */

export const MIN_TICK = -887272;
export const MAX_TICK = 887272;
export const MIN_SQRT_RATIO = 4295128739n;
export const MAX_SQRT_RATIO = 1461446703485210103287273052203988822378723970342n;

export const Q96 = 1n << 96n;
export const Q128 = 1n << 128n;
export const Q192 = 1n << 192n;
export const Q256 = 1n << 256n;
export const MAX_UINT128 = Q128 - 1n;
const MAX_UINT256 = Q256 - 1n;

/** `ratio * 2^-128` factors of TickMath.getSqrtRatioAtTick, for bits 0x2 … 0x80000 of |tick|. */
const TICK_FACTORS: readonly bigint[] = [
  0xfff97272373d413259a46990580e213an,
  0xfff2e50f5f656932ef12357cf3c7fdccn,
  0xffe5caca7e10e4e61c3624eaa0941cd0n,
  0xffcb9843d60f6159c9db58835c926644n,
  0xff973b41fa98c081472e6896dfb254c0n,
  0xff2ea16466c96a3843ec78b326b52861n,
  0xfe5dee046a99a2a811c461f1969c3053n,
  0xfcbe86c7900a88aedcffc83b479aa3a4n,
  0xf987a7253ac413176f2b074cf7815e54n,
  0xf3392b0822b70005940c7a398e4b70f3n,
  0xe7159475a2c29b7443b29c7fa6e889d9n,
  0xd097f3bdfd2022b8845ad8f792aa5825n,
  0xa9f746462d870fdf8a65dc1f90e061e5n,
  0x70d869a156d2a1b890bb3df62baf32f7n,
  0x31be135f97d08fd981231505542fcfa6n,
  0x9aa508b5b7a84e1c677de54f3e99bc9n,
  0x5d6af8dedb81196699c329225ee604n,
  0x2216e584f5fa1ea926041bedfe98n,
  0x48a170391f7dc42444e8fa2n,
];

export function isValidTick(tick: number): boolean {
  return Number.isInteger(tick) && tick >= MIN_TICK && tick <= MAX_TICK;
}

/** sqrt(1.0001^tick) · 2^96, rounded up as TickMath does. */
export function getSqrtRatioAtTick(tick: number): bigint {
  if (!isValidTick(tick)) throw new RangeError(`tick ${tick} outside [${MIN_TICK}, ${MAX_TICK}]`);
  const absTick = Math.abs(tick);
  let ratio = (absTick & 0x1) !== 0 ? 0xfffcb933bd6fad37aa2d162d1a594001n : Q128;
  TICK_FACTORS.forEach((factor, i) => {
    if ((absTick & (2 << i)) !== 0) ratio = (ratio * factor) >> 128n;
  });
  if (tick > 0) ratio = MAX_UINT256 / ratio;
  return (ratio >> 32n) + (ratio % (1n << 32n) === 0n ? 0n : 1n);
}

/** The greatest tick whose sqrt ratio is at most `sqrtPriceX96` (TickMath.getTickAtSqrtRatio). */
export function getTickAtSqrtRatio(sqrtPriceX96: bigint): number {
  if (sqrtPriceX96 < MIN_SQRT_RATIO || sqrtPriceX96 >= MAX_SQRT_RATIO) {
    throw new RangeError(`sqrtPriceX96 ${sqrtPriceX96} outside [MIN_SQRT_RATIO, MAX_SQRT_RATIO)`);
  }
  let lo = MIN_TICK;
  let hi = MAX_TICK;
  while (lo < hi) {
    const mid = Math.floor((lo + hi + 1) / 2);
    if (getSqrtRatioAtTick(mid) <= sqrtPriceX96) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

function mulDivRoundingUp(a: bigint, b: bigint, d: bigint): bigint {
  const product = a * b;
  return product / d + (product % d === 0n ? 0n : 1n);
}

/** Token0 between two prices for a liquidity (SqrtPriceMath.getAmount0Delta). */
export function getAmount0Delta(sqrtA: bigint, sqrtB: bigint, liquidity: bigint, roundUp: boolean): bigint {
  const [lower, upper] = sqrtA > sqrtB ? [sqrtB, sqrtA] : [sqrtA, sqrtB];
  const numerator1 = liquidity << 96n;
  const numerator2 = upper - lower;
  if (roundUp) {
    const inner = mulDivRoundingUp(numerator1, numerator2, upper);
    return inner / lower + (inner % lower === 0n ? 0n : 1n);
  }
  return (numerator1 * numerator2) / upper / lower;
}

/** Token1 between two prices for a liquidity (SqrtPriceMath.getAmount1Delta). */
export function getAmount1Delta(sqrtA: bigint, sqrtB: bigint, liquidity: bigint, roundUp: boolean): bigint {
  const [lower, upper] = sqrtA > sqrtB ? [sqrtB, sqrtA] : [sqrtA, sqrtB];
  return roundUp ? mulDivRoundingUp(liquidity, upper - lower, Q96) : (liquidity * (upper - lower)) / Q96;
}

export type RangeStatus = 'in-range' | 'below-range' | 'above-range';

/**
 * Where the current price sits relative to a range. The pool counts a position as active when
 * `tickLower <= tick < tickUpper`; "below" means the price is below the range (the position is all token0).
 */
export function rangeStatus(tickCurrent: number, tickLower: number, tickUpper: number): RangeStatus {
  if (tickCurrent < tickLower) return 'below-range';
  if (tickCurrent >= tickUpper) return 'above-range';
  return 'in-range';
}

export interface PositionState {
  sqrtPriceX96: bigint;
  tickCurrent: number;
  tickLower: number;
  tickUpper: number;
  liquidity: bigint;
}

/** Token amounts a position's liquidity is worth at the current price, rounded down (what a burn returns). */
export function positionAmounts(s: PositionState): { amount0: bigint; amount1: bigint } {
  const sqrtLower = getSqrtRatioAtTick(s.tickLower);
  const sqrtUpper = getSqrtRatioAtTick(s.tickUpper);
  const status = rangeStatus(s.tickCurrent, s.tickLower, s.tickUpper);
  if (status === 'below-range') {
    return { amount0: getAmount0Delta(sqrtLower, sqrtUpper, s.liquidity, false), amount1: 0n };
  }
  if (status === 'above-range') {
    return { amount0: 0n, amount1: getAmount1Delta(sqrtLower, sqrtUpper, s.liquidity, false) };
  }
  return {
    amount0: getAmount0Delta(s.sqrtPriceX96, sqrtUpper, s.liquidity, false),
    amount1: getAmount1Delta(sqrtLower, s.sqrtPriceX96, s.liquidity, false),
  };
}

/** uint256 subtraction as the 0.7 contracts do it: wrapping on underflow. */
export function subWrap256(a: bigint, b: bigint): bigint {
  return (((a - b) % Q256) + Q256) % Q256;
}

export interface TickFeeGrowth {
  feeGrowthOutside0X128: bigint;
  feeGrowthOutside1X128: bigint;
}

/** Tick.getFeeGrowthInside: fee growth per unit of liquidity inside [tickLower, tickUpper), both tokens. */
export function feeGrowthInside(
  tickLower: number,
  tickUpper: number,
  tickCurrent: number,
  feeGrowthGlobal0X128: bigint,
  feeGrowthGlobal1X128: bigint,
  lower: TickFeeGrowth,
  upper: TickFeeGrowth,
): { inside0X128: bigint; inside1X128: bigint } {
  const below0 =
    tickCurrent >= tickLower
      ? lower.feeGrowthOutside0X128
      : subWrap256(feeGrowthGlobal0X128, lower.feeGrowthOutside0X128);
  const below1 =
    tickCurrent >= tickLower
      ? lower.feeGrowthOutside1X128
      : subWrap256(feeGrowthGlobal1X128, lower.feeGrowthOutside1X128);
  const above0 =
    tickCurrent < tickUpper
      ? upper.feeGrowthOutside0X128
      : subWrap256(feeGrowthGlobal0X128, upper.feeGrowthOutside0X128);
  const above1 =
    tickCurrent < tickUpper
      ? upper.feeGrowthOutside1X128
      : subWrap256(feeGrowthGlobal1X128, upper.feeGrowthOutside1X128);
  return {
    inside0X128: subWrap256(subWrap256(feeGrowthGlobal0X128, below0), above0),
    inside1X128: subWrap256(subWrap256(feeGrowthGlobal1X128, below1), above1),
  };
}

/**
 * Fees a liquidity earned while fee growth inside its range went from `lastX128` to `nowX128`:
 * FullMath.mulDiv(now − last, liquidity, 2^128), cast to uint128 as the position manager does.
 */
export function feesEarned(liquidity: bigint, nowX128: bigint, lastX128: bigint): bigint {
  return ((subWrap256(nowX128, lastX128) * liquidity) / Q128) % Q128;
}

/**
 * What `collect` would pay out now (NonfungiblePositionManager.collect): the tokens already owed plus the
 * fees accrued since the position's last checkpoint. The manager only re-reads the pool when liquidity > 0.
 */
export function uncollectedFees(p: {
  liquidity: bigint;
  tokensOwed0: bigint;
  tokensOwed1: bigint;
  feeGrowthInside0LastX128: bigint;
  feeGrowthInside1LastX128: bigint;
  inside0X128: bigint;
  inside1X128: bigint;
}): { fees0: bigint; fees1: bigint } {
  if (p.liquidity === 0n) return { fees0: p.tokensOwed0, fees1: p.tokensOwed1 };
  return {
    fees0: (p.tokensOwed0 + feesEarned(p.liquidity, p.inside0X128, p.feeGrowthInside0LastX128)) % Q128,
    fees1: (p.tokensOwed1 + feesEarned(p.liquidity, p.inside1X128, p.feeGrowthInside1LastX128)) % Q128,
  };
}

/** An exact non-negative ratio. */
export interface Fraction {
  num: bigint;
  den: bigint;
}

/**
 * Price of one whole token0 in token1 at a sqrt price: (sqrtPriceX96² / 2^192) · 10^(decimals0 − decimals1).
 * With unknown decimals (null) the ratio is taken in base units.
 */
export function priceOfToken0(
  sqrtPriceX96: bigint,
  decimals0: number | null,
  decimals1: number | null,
): Fraction {
  return {
    num: sqrtPriceX96 * sqrtPriceX96 * 10n ** BigInt(decimals0 ?? 0),
    den: Q192 * 10n ** BigInt(decimals1 ?? 0),
  };
}

/** Price of one whole token0 in token1 at a tick (as the SDK's tickToPrice: from the tick's sqrt ratio). */
export function tickToPrice0(tick: number, decimals0: number | null, decimals1: number | null): Fraction {
  return priceOfToken0(getSqrtRatioAtTick(tick), decimals0, decimals1);
}

export function invert(f: Fraction): Fraction {
  return { num: f.den, den: f.num };
}

/**
 * A fraction as text with `significant` digits, rounded half up. Plain decimal notation between 1e-9 and
 * 1e15; scientific outside it (`1.23457e+21`), so prices of junk tokens stay readable.
 */
export function formatFraction(f: Fraction, significant = 6): string {
  if (f.den === 0n) return '∞';
  if (f.num === 0n) return '0';
  // exponent e such that 10^e <= num/den < 10^(e+1)
  let e = f.num.toString().length - f.den.toString().length;
  if (f.num * (e >= 0 ? 1n : 10n ** BigInt(-e)) < f.den * (e >= 0 ? 10n ** BigInt(e) : 1n)) e -= 1;
  // digits = round(num/den · 10^(significant − 1 − e))
  const shift = significant - 1 - e;
  const scaledNum = f.num * (shift >= 0 ? 10n ** BigInt(shift) : 1n);
  const scaledDen = f.den * (shift < 0 ? 10n ** BigInt(-shift) : 1n);
  let digits = (2n * scaledNum + scaledDen) / (2n * scaledDen);
  if (digits.toString().length > significant) {
    // rounding carried into a new digit (9.999995 → 10.0000)
    digits /= 10n;
    e += 1;
  }
  const text = digits.toString();
  if (e >= 15 || e < -9) {
    const mantissa = `${text[0]}.${text.slice(1)}`.replace(/\.?0+$/, '');
    return `${mantissa}e${e >= 0 ? '+' : ''}${e}`;
  }
  let out: string;
  if (e >= significant - 1) out = text + '0'.repeat(e - significant + 1);
  else if (e >= 0) out = `${text.slice(0, e + 1)}.${text.slice(e + 1)}`;
  else out = `0.${'0'.repeat(-e - 1)}${text}`;
  return out.includes('.') ? out.replace(/\.?0+$/, '') : out;
}

/** Fee tier in hundredths of a basis point as a percentage: 500 → "0.05%". */
export function feeTierLabel(fee: number): string {
  return `${formatFraction({ num: BigInt(fee), den: 10_000n }, 4)}%`;
}

const YEAR_SECONDS = 365n * 86_400n;

/**
 * Annualised rate of `earnedUsdE18` over `seconds` on a capital of `valueUsdE18`, as a fraction
 * (0.05 = 5 %). The float appears only here, at the end, for display.
 */
export function annualise(earnedUsdE18: bigint, valueUsdE18: bigint, seconds: bigint): number | null {
  if (valueUsdE18 <= 0n || seconds <= 0n) return null;
  const ppb = (earnedUsdE18 * YEAR_SECONDS * 1_000_000_000n) / (valueUsdE18 * seconds);
  return Number(ppb) / 1e9;
}

/** A window length in words: "7d", "6.9d", "12h", "45m", "30s". */
export function formatWindow(seconds: bigint): string {
  const s = Number(seconds);
  const trim = (x: number) => x.toFixed(1).replace(/\.0$/, '');
  if (s >= 86_400) return `${trim(s / 86_400)}d`;
  if (s >= 3_600) return `${trim(s / 3_600)}h`;
  if (s >= 60) return `${trim(s / 60)}m`;
  return `${s}s`;
}
