import { describe, expect, it } from 'vitest';
import { invariant, syncSwapStableD } from '../v2-pairs/math';
import { poolKind } from './read';

/*
 * Oracle: the StableSwap invariant for two coins, A·n^n·S + D = A·n^n·D + D³ ÷ (4·x·y), with
 * A·n^n = 2000 as SyncSwap's `StableMath.sol` (`syncswap/core-contracts@5285a3a`) uses it; solved here by
 * bisection (f falls as D rises), not by the Newton iteration under test.
 */
const ANN = 2000n;
function dByBisection(x: bigint, y: bigint): bigint {
  const f = (d: bigint) => ANN * (x + y) + d - ANN * d - (d * d * d) / (4n * x * y);
  let lo = 0n;
  let hi = 2n * (x + y);
  while (hi - lo > 1n) {
    const mid = (lo + hi) / 2n;
    if (f(mid) > 0n) lo = mid;
    else hi = mid;
  }
  return lo;
}

describe('SyncSwap stable invariant', () => {
  it.each([
    [10n ** 24n, 10n ** 24n],
    [1_200_000n * 10n ** 18n, 1_000_000n * 10n ** 18n],
    [5n * 10n ** 23n, 3n * 10n ** 24n],
    [123_456_789n * 10n ** 12n, 987_654n * 10n ** 18n],
  ])('D(%s, %s) solves the invariant with A·n^n = 2000', (x, y) => {
    const d = syncSwapStableD(x, y);
    const oracle = dByBisection(x, y);
    const diff = d > oracle ? d - oracle : oracle - d;
    expect(diff <= 2n).toBe(true);
  });

  it('scales 6-decimal reserves by the pool’s precision multipliers', () => {
    const usdc = 1_200_000n * 10n ** 6n;
    const usdt = 1_000_000n * 10n ** 6n;
    expect(
      invariant({ kind: 'syncswap-stable', multiplier0: 10n ** 12n, multiplier1: 10n ** 12n }, usdc, usdt),
    ).toBe(syncSwapStableD(usdc * 10n ** 12n, usdt * 10n ** 12n));
  });

  it('pool types: none or 1 is classic, 2 stable, anything else unknown', () => {
    expect([null, 1, 2, 3].map(poolKind)).toEqual(['classic', 'classic', 'stable', 'unknown']);
  });
});
