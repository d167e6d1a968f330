import { type Price, Token } from '@uniswap/sdk-core';
import { FeeAmount, Pool, Position, TickMath, tickToPrice } from '@uniswap/v3-sdk';
import JSBI from 'jsbi';
import { describe, expect, it } from 'vitest';
import {
  annualise,
  type Fraction,
  feeGrowthInside,
  feeTierLabel,
  formatFraction,
  formatWindow,
  getSqrtRatioAtTick,
  getTickAtSqrtRatio,
  invert,
  MAX_SQRT_RATIO,
  MAX_TICK,
  MAX_UINT128,
  MIN_SQRT_RATIO,
  MIN_TICK,
  positionAmounts,
  priceOfToken0,
  Q128,
  Q256,
  rangeStatus,
  subWrap256,
  tickToPrice0,
  uncollectedFees,
} from './math';

/** Deterministic pseudo-random numbers (mulberry32), so a failure reproduces. */
function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)),
    big: (bits: number) => {
      let x = 0n;
      for (let i = 0; i < bits; i += 32) x = (x << 32n) | BigInt(Math.floor(next() * 2 ** 32));
      return x & ((1n << BigInt(bits)) - 1n);
    },
  };
}

const big = (x: { toString(): string }) => BigInt(x.toString());

// Two tokens per decimals case, ordered by address (token0 first), as the SDK sorts them.
const LOW = '0x1000000000000000000000000000000000000001';
const HIGH = '0x2000000000000000000000000000000000000002';
const pairs = [
  { name: '6/18', d0: 6, d1: 18 },
  { name: '18/6', d0: 18, d1: 6 },
  { name: '18/18', d0: 18, d1: 18 },
  { name: '6/6', d0: 6, d1: 6 },
];
const tokens = (d0: number, d1: number) =>
  [new Token(10, LOW, d0, 'A'), new Token(10, HIGH, d1, 'B')] as const;

/** An SDK price as an exact fraction, adjusted for decimals (what one whole base token costs in quote). */
function sdkFraction(price: Price<Token, Token>): Fraction {
  // Price is quote/base in base units; its public `scalar` converts to whole tokens (as toSignificant does).
  return {
    num: big(price.numerator) * big(price.scalar.numerator),
    den: big(price.denominator) * big(price.scalar.denominator),
  };
}
const sameRatio = (a: Fraction, b: Fraction) => a.num * b.den === b.num * a.den;

const TICK_SAMPLE = (() => {
  const r = rng(7);
  const ticks = [MIN_TICK, MIN_TICK + 1, -200_000, -76_012, -1, 0, 1, 60, 195_000, MAX_TICK - 1, MAX_TICK];
  for (let i = 0; i < 300; i++) ticks.push(r.int(MIN_TICK, MAX_TICK));
  return ticks;
})();

describe('tick math against the Uniswap V3 SDK', () => {
  it('getSqrtRatioAtTick equals TickMath at the bounds, around zero and across the range', () => {
    expect(getSqrtRatioAtTick(MIN_TICK)).toBe(MIN_SQRT_RATIO);
    expect(getSqrtRatioAtTick(MAX_TICK)).toBe(MAX_SQRT_RATIO);
    for (const tick of TICK_SAMPLE) {
      expect(getSqrtRatioAtTick(tick), `tick ${tick}`).toBe(big(TickMath.getSqrtRatioAtTick(tick)));
    }
    expect(() => getSqrtRatioAtTick(MAX_TICK + 1)).toThrow(RangeError);
    expect(() => getSqrtRatioAtTick(MIN_TICK - 1)).toThrow(RangeError);
  });

  it('getTickAtSqrtRatio equals TickMath for bound, exact and in-between ratios', () => {
    const r = rng(11);
    const ratios = [MIN_SQRT_RATIO, MIN_SQRT_RATIO + 1n, MAX_SQRT_RATIO - 1n, 2n ** 96n];
    for (const tick of TICK_SAMPLE.slice(0, 60).filter((t) => t < MAX_TICK)) {
      const ratio = getSqrtRatioAtTick(tick);
      ratios.push(ratio);
      ratios.push(ratio + (r.big(64) % (getSqrtRatioAtTick(tick + 1) - ratio)));
      if (ratio > MIN_SQRT_RATIO) ratios.push(ratio - 1n);
    }
    for (const ratio of ratios) {
      expect(getTickAtSqrtRatio(ratio), `ratio ${ratio}`).toBe(
        TickMath.getTickAtSqrtRatio(JSBI.BigInt(ratio.toString())),
      );
    }
    expect(() => getTickAtSqrtRatio(MAX_SQRT_RATIO)).toThrow(RangeError);
  });

  for (const { name, d0, d1 } of pairs) {
    it(`tick → price both ways equals tickToPrice for ${name} decimals, MIN_TICK to MAX_TICK`, () => {
      const [t0, t1] = tokens(d0, d1);
      for (const tick of [MIN_TICK, -887_000, -276_325, -200_000, -1, 0, 1, 201_000, 276_324, MAX_TICK]) {
        const ours = tickToPrice0(tick, d0, d1);
        expect(sameRatio(ours, sdkFraction(tickToPrice(t0, t1, tick))), `tick ${tick}`).toBe(true);
        expect(sameRatio(invert(ours), sdkFraction(tickToPrice(t1, t0, tick))), `tick ${tick} inverted`).toBe(
          true,
        );
      }
    });

    it(`sqrt price → price equals Pool.token0Price / token1Price for ${name} decimals`, () => {
      const [t0, t1] = tokens(d0, d1);
      const r = rng(d0 * 100 + d1);
      for (let i = 0; i < 40; i++) {
        const tick = r.int(MIN_TICK, MAX_TICK - 1);
        const lo = getSqrtRatioAtTick(tick);
        const sqrt = lo + (r.big(96) % (getSqrtRatioAtTick(tick + 1) - lo));
        const pool = new Pool(t0, t1, FeeAmount.LOW, sqrt.toString(), '0', tick);
        const ours = priceOfToken0(sqrt, d0, d1);
        expect(sameRatio(ours, sdkFraction(pool.token0Price))).toBe(true);
        expect(sameRatio(invert(ours), sdkFraction(pool.token1Price))).toBe(true);
        // The text agrees with the SDK's own rounding to 6 significant digits (to within its double rounding).
        const text = Number(formatFraction(ours));
        const sdkText = Number(pool.token0Price.toSignificant(6));
        expect(Math.abs(text - sdkText) / sdkText).toBeLessThan(2e-6);
      }
    });
  }
});

describe('position amounts against SDK Position', () => {
  it('equal Position.amount0/amount1 to the wei: in range, below, above, full range, uint128 liquidity', () => {
    const [t0, t1] = tokens(6, 18);
    const r = rng(2024);
    const spacing = 10; // FeeAmount.LOW
    const minUsable = Math.ceil(MIN_TICK / spacing) * spacing;
    const maxUsable = Math.floor(MAX_TICK / spacing) * spacing;
    const cases: { tickCurrent: number; lower: number; upper: number; liquidity: bigint }[] = [
      { tickCurrent: -200_000, lower: minUsable, upper: maxUsable, liquidity: MAX_UINT128 },
      { tickCurrent: 0, lower: -10, upper: 10, liquidity: MAX_UINT128 },
      { tickCurrent: -10, lower: -10, upper: 10, liquidity: 10n ** 18n }, // at the lower tick: in range
      { tickCurrent: 10, lower: -10, upper: 10, liquidity: 10n ** 18n }, // at the upper tick: above
      { tickCurrent: minUsable, lower: minUsable, upper: minUsable + spacing, liquidity: 1n },
      { tickCurrent: maxUsable - 1, lower: maxUsable - spacing, upper: maxUsable, liquidity: MAX_UINT128 },
    ];
    for (let i = 0; i < 150; i++) {
      const a = r.int(minUsable / spacing, maxUsable / spacing) * spacing;
      const b = r.int(minUsable / spacing, maxUsable / spacing) * spacing;
      if (a === b) continue;
      const [lower, upper] = a < b ? [a, b] : [b, a];
      const width = upper - lower;
      const tickCurrent = Math.max(MIN_TICK, Math.min(MAX_TICK - 1, r.int(lower - width, upper + width)));
      cases.push({ tickCurrent, lower, upper, liquidity: r.big(r.int(1, 128)) });
    }
    const statuses = new Set<string>();
    for (const c of cases) {
      const lo = getSqrtRatioAtTick(c.tickCurrent);
      const sqrt = lo + (r.big(80) % (getSqrtRatioAtTick(c.tickCurrent + 1) - lo));
      const pool = new Pool(t0, t1, FeeAmount.LOW, sqrt.toString(), '0', c.tickCurrent);
      const position = new Position({
        pool,
        liquidity: c.liquidity.toString(),
        tickLower: c.lower,
        tickUpper: c.upper,
      });
      const ours = positionAmounts({
        sqrtPriceX96: sqrt,
        tickCurrent: c.tickCurrent,
        tickLower: c.lower,
        tickUpper: c.upper,
        liquidity: c.liquidity,
      });
      const label = JSON.stringify({ ...c, liquidity: c.liquidity.toString() });
      expect(ours.amount0, label).toBe(big(position.amount0.quotient));
      expect(ours.amount1, label).toBe(big(position.amount1.quotient));
      statuses.add(rangeStatus(c.tickCurrent, c.lower, c.upper));
    }
    expect([...statuses].sort()).toEqual(['above-range', 'below-range', 'in-range']);
  });
});

describe('fee growth', () => {
  const r = rng(99);
  const growth = () => ({ feeGrowthOutside0X128: r.big(256), feeGrowthOutside1X128: r.big(256) });

  it('is additive over adjacent ranges wherever the price is (uint256 wrapping included)', () => {
    for (let i = 0; i < 200; i++) {
      const ticks = [r.int(-1000, 1000), r.int(-1000, 1000), r.int(-1000, 1000)].sort((x, y) => x - y);
      const [a = 0, b = 0, c = 0] = ticks;
      if (a === b || b === c) continue;
      const current = r.int(-1200, 1200);
      const g0 = r.big(256);
      const g1 = r.big(256);
      const outside = { [a]: growth(), [b]: growth(), [c]: growth() };
      const inside = (lo: number, hi: number) =>
        feeGrowthInside(lo, hi, current, g0, g1, outside[lo] ?? growth(), outside[hi] ?? growth());
      const left = inside(a, b);
      const right = inside(b, c);
      const whole = inside(a, c);
      expect((left.inside0X128 + right.inside0X128) % Q256).toBe(whole.inside0X128);
      expect((left.inside1X128 + right.inside1X128) % Q256).toBe(whole.inside1X128);
    }
  });

  it('is the global growth for a range holding the price whose ticks have seen none', () => {
    const zero = { feeGrowthOutside0X128: 0n, feeGrowthOutside1X128: 0n };
    const g = feeGrowthInside(-60, 60, 0, 123n, 456n, zero, zero);
    expect(g).toEqual({ inside0X128: 123n, inside1X128: 456n });
  });

  it('wraps like uint256 and pays out like NonfungiblePositionManager.collect', () => {
    expect(subWrap256(1n, 2n)).toBe(Q256 - 1n);
    // Fee growth inside moved from 2^256 − 1 past zero to 2^128 − 1: an increase of exactly 2^128.
    const fees = uncollectedFees({
      liquidity: 5n,
      tokensOwed0: 7n,
      tokensOwed1: 0n,
      feeGrowthInside0LastX128: Q256 - 1n,
      feeGrowthInside1LastX128: 0n,
      inside0X128: Q128 - 1n,
      inside1X128: Q128 * 3n,
    });
    expect(fees).toEqual({ fees0: 7n + 5n, fees1: 15n });
    // A closed position is owed only what the manager recorded.
    const closed = uncollectedFees({
      liquidity: 0n,
      tokensOwed0: 11n,
      tokensOwed1: 12n,
      feeGrowthInside0LastX128: 0n,
      feeGrowthInside1LastX128: 0n,
      inside0X128: Q128 * 1000n,
      inside1X128: Q128 * 1000n,
    });
    expect(closed).toEqual({ fees0: 11n, fees1: 12n });
  });
});

describe('formatting', () => {
  it('rounds fractions to significant digits, half up, plain or scientific', () => {
    expect(formatFraction({ num: 1n, den: 3n })).toBe('0.333333');
    expect(formatFraction({ num: 2n, den: 3n })).toBe('0.666667');
    expect(formatFraction({ num: 3000n, den: 1n })).toBe('3000');
    expect(formatFraction({ num: 30001234567n, den: 10000000n })).toBe('3000.12');
    expect(formatFraction({ num: 9_999_995n, den: 1_000_000n })).toBe('10');
    expect(formatFraction({ num: 123_456_789n, den: 1n })).toBe('123457000');
    expect(formatFraction({ num: 1n, den: 3000n })).toBe('0.000333333');
    expect(formatFraction({ num: 10n ** 21n, den: 7n })).toBe('1.42857e+20');
    expect(formatFraction({ num: 1n, den: 7n * 10n ** 20n })).toBe('1.42857e-21');
    expect(formatFraction({ num: 0n, den: 5n })).toBe('0');
  });

  it('labels fee tiers and windows', () => {
    expect([100, 500, 3000, 10000].map(feeTierLabel)).toEqual(['0.01%', '0.05%', '0.3%', '1%']);
    expect(formatWindow(7n * 86_400n)).toBe('7d');
    expect(formatWindow(7n * 86_400n - 20n)).toBe('7d');
    expect(formatWindow(6n * 86_400n + 21_600n)).toBe('6.3d');
    expect(formatWindow(3_600n * 12n)).toBe('12h');
    expect(formatWindow(600n)).toBe('10m');
  });

  it('annualises a gain over a window', () => {
    const year = 365n * 86_400n;
    expect(annualise(5n, 100n, year)).toBe(0.05);
    expect(annualise(5n, 100n, year / 2n)).toBe(0.1);
    expect(annualise(1n, 0n, year)).toBeNull();
  });
});
