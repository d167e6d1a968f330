import { describe, expect, it } from 'vitest';
import { noFeedReading } from '../../prices/reading';
import { USD_UNIT } from '../../prices/types';
import {
  currentCumulatives,
  invariant,
  invariantPerShareGrowth,
  isqrt,
  lpAmounts,
  Q112,
  syncSwapStableD,
  twap,
} from './math';
import { impliedReading, impliedUsdE18 } from './pricing';

describe('two-token pool math', () => {
  it('isqrt is the floor of the square root', () => {
    for (const n of [0n, 1n, 2n, 3n, 4n, 15n, 16n, 10n ** 36n + 7n]) {
      const r = isqrt(n);
      expect(r * r <= n && (r + 1n) * (r + 1n) > n).toBe(true);
    }
  });

  it('a pool with zero supply has no shares to give (null, not zero)', () => {
    expect(lpAmounts(10n, 20n, 5n, 0n)).toBeNull();
    expect(lpAmounts(1000n, 3000n, 1n, 10n)).toEqual({ amount0: 100n, amount1: 300n });
  });

  it('√k per share grows by the fees added at constant supply', () => {
    const curve = { kind: 'constant-product' } as const;
    const g = invariantPerShareGrowth(
      curve,
      { reserve0: 10n ** 24n, reserve1: 10n ** 24n, totalSupply: 10n ** 24n, timestamp: 0n },
      {
        reserve0: (10n ** 24n * 101n) / 100n,
        reserve1: (10n ** 24n * 101n) / 100n,
        totalSupply: 10n ** 24n,
        timestamp: 1n,
      },
    );
    expect(g).toBeCloseTo(1.01, 12);
    expect(
      invariantPerShareGrowth(
        curve,
        { reserve0: 1n, reserve1: 1n, totalSupply: 0n, timestamp: 0n },
        { reserve0: 1n, reserve1: 1n, totalSupply: 1n, timestamp: 1n },
      ),
    ).toBeNull();
  });

  it('the StableSwap D of a balanced pool is the sum of its balances, and grows less than linearly when unbalanced', () => {
    const x = 10n ** 24n;
    const d = syncSwapStableD(x, x);
    expect(d - 2n * x <= 1n && 2n * x - d <= 1n).toBe(true);
    expect(syncSwapStableD(2n * x, x)).toBeLessThan(3n * x);
    expect(
      invariant(
        { kind: 'syncswap-stable', multiplier0: 10n ** 12n, multiplier1: 1n },
        10n ** 12n,
        10n ** 24n,
      ),
    ).toBe(syncSwapStableD(10n ** 24n, 10n ** 24n));
  });

  it('TWAP = accumulator difference ÷ time, with the stored accumulators extrapolated to each block', () => {
    const p = {
      reserve0: 1n,
      reserve1: 2n,
      blockTimestampLast: 100n,
      price0CumulativeLast: 0n,
      price1CumulativeLast: 0n,
    };
    expect(currentCumulatives({ ...p, timestamp: 110n }).c0).toBe(2n * Q112 * 10n);
    const avg = twap({ ...p, timestamp: 100n }, { ...p, timestamp: 200n });
    expect(avg?.price0X112).toBe(2n * Q112);
    expect(twap({ ...p, timestamp: 100n }, { ...p, timestamp: 100n })).toBeNull();
  });

  it('a pool-implied price is used only when the priced side holds ≥ $50,000 and ≥ 20× the amount', () => {
    const usdE18 = impliedUsdE18(Q112 / 2n, 18, 18, 3000n * USD_UNIT); // half a WETH per token
    expect(usdE18).toBe(1500n * USD_UNIT);
    const implied = {
      token: '0x0000000000000000000000000000000000000001' as const,
      pool: '0x0000000000000000000000000000000000000002' as const,
      usdE18,
      pricedSideUsdE18: 100_000n * USD_UNIT,
      label: 'pool-implied: test',
    };
    const fallback = noFeedReading('X');
    expect(impliedReading(implied, 'X', 3n * 10n ** 18n, 18, fallback).status).toBe('ok'); // $4,500 × 20 = $90,000 ≤ $100,000
    expect(impliedReading(implied, 'X', 4n * 10n ** 18n, 18, fallback).usdE18).toBeNull(); // $6,000 × 20 > $100,000
    expect(
      impliedReading({ ...implied, pricedSideUsdE18: 49_999n * USD_UNIT }, 'X', 1n, 18, fallback).reason,
    ).toMatch(/too shallow/);
  });
});
