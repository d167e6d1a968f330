import { describe, expect, it } from 'vitest';
import { describeV3Position, isFullRange, rangeView } from './format';
import {
  formatFraction,
  getSqrtRatioAtTick,
  invert,
  MAX_TICK,
  MIN_TICK,
  priceOfToken0,
  rangeStatus,
  tickToPrice0,
} from './math';
import type { UniswapV3PositionDetails } from './types';

const WETH = { address: '0x4200000000000000000000000000000000000006', symbol: 'WETH', decimals: 18 } as const;
const USDC = { address: '0x0b2C639c533813f4Aa9D7837CAf62653d097Ff85', symbol: 'USDC', decimals: 6 } as const;

/** Details as the reader builds them, from ticks and the pair's decimals (prices through the tested math). */
function details(
  token0: typeof WETH | typeof USDC,
  token1: typeof WETH | typeof USDC,
  lower: number,
  upper: number,
  tick: number,
): UniswapV3PositionDetails {
  const sqrt = getSqrtRatioAtTick(tick);
  const l = tickToPrice0(lower, token0.decimals, token1.decimals);
  const u = tickToPrice0(upper, token0.decimals, token1.decimals);
  const c = priceOfToken0(sqrt, token0.decimals, token1.decimals);
  return {
    type: 'uniswap-v3',
    dex: 'uniswap-v3',
    tokenId: 7n,
    positionManager: '0xC36442b4a4522E871399CD717aBDD847Ab11FE88',
    pool: '0x0000000000000000000000000000000000000001',
    fee: 500,
    feeLabel: '0.05%',
    token0,
    token1,
    tickLower: lower,
    tickUpper: upper,
    tickCurrent: tick,
    sqrtPriceX96: sqrt,
    liquidity: 1n,
    rangeStatus: rangeStatus(tick, lower, upper),
    inRange: rangeStatus(tick, lower, upper) === 'in-range',
    closed: false,
    prices: {
      token0: { lower: formatFraction(l), upper: formatFraction(u), current: formatFraction(c) },
      token1: {
        lower: formatFraction(invert(u)),
        upper: formatFraction(invert(l)),
        current: formatFraction(invert(c)),
      },
      inBaseUnits: false,
    },
    feeApr: {
      fromBlock: 1n,
      toBlock: 2n,
      seconds: 1n,
      requestedSeconds: 1,
      earned0: 0n,
      earned1: 0n,
      note: null,
    },
    explorerUrl: null,
  };
}

describe('range view', () => {
  it('shows USDC per WETH whichever token sorts first, with the side of the range in that direction', () => {
    // token0 = WETH: tick ~ 3000 USDC per WETH is about -196,250 (18 → 6 decimals).
    const wethFirst = details(WETH, USDC, -200_000, -190_000, -195_000);
    const a = rangeView(wethFirst);
    expect([a.base.symbol, a.quote.symbol, a.side]).toEqual(['WETH', 'USDC', 'in-range']);
    expect(Number(a.lower)).toBeLessThan(Number(a.upper));
    // token0 = USDC: the same market the other way round; the view flips to USDC per WETH.
    const usdcFirst = details(USDC, WETH, 190_000, 200_000, 195_000);
    const b = rangeView(usdcFirst);
    expect([b.base.symbol, b.quote.symbol]).toEqual(['WETH', 'USDC']);
    expect(Number(b.lower)).toBeCloseTo(Number(a.lower), 0);
    expect(b.position).toBeCloseTo(1 - 0.5, 6);
  });

  it('names the side of an out-of-range position in the direction shown', () => {
    // USDC/WETH with the USDC price (in WETH) below the range: the WETH price is above it.
    const d = details(USDC, WETH, 200_000, 210_000, 195_000);
    expect(d.rangeStatus).toBe('below-range');
    const v = rangeView(d);
    expect(v.side).toBe('price-above');
    expect(v.position).toBeGreaterThan(1);
    expect(rangeView(d, false).side).toBe('price-below');
    expect(describeV3Position(d)).toMatch(/out of range \(price above the range\)/);
  });

  it('recognises full-range positions', () => {
    expect(isFullRange({ tickLower: MIN_TICK + 52, tickUpper: MAX_TICK - 52 })).toBe(true);
    expect(isFullRange({ tickLower: -887_220, tickUpper: 0 })).toBe(false);
    const d = details(WETH, USDC, -887_220, 887_220, -195_000);
    expect(rangeView(d).fullRange).toBe(true);
    expect(describeV3Position(d)).toContain('full range');
  });
});
