import { type Address, createPublicClient, http } from 'viem';
import { describe, expect, it } from 'vitest';
import { mainnetNetwork } from '../../chains/network';
import type { ChainReadContext } from '../../portfolio/types';
import { priceKey } from '../../prices/book';
import type { PriceReading } from '../../prices/types';
import type { TokenMetadata } from '../../tokens/types';
import { getSqrtRatioAtTick, positionAmounts } from '../uniswap-v3/math';
import type { PoolSnapshot } from '../uniswap-v3/pool-state';
import { clRewardApr, clStakedValueUsdE18 } from './math';
import { buildSlipstreamPosition, type ClGaugeRaw, type SlipstreamBuildInput } from './slipstream';
import { isSlipstreamPosition, type SlipstreamPositionDetails } from './types';

const T0 = '0x0000000000000000000000000000000000000010' as Address;
const T1 = '0x0000000000000000000000000000000000000011' as Address;
const VELO = '0x0000000000000000000000000000000000000012' as Address;
const POOL = '0x0000000000000000000000000000000000000020' as Address;
const GAUGE = '0x0000000000000000000000000000000000000030' as Address;
const E18 = 10n ** 18n;
const NOW = 1_000_000n;

const usd = (label: string, usdE18: bigint): PriceReading => ({
  label,
  usdE18,
  status: 'ok',
  updatedAt: NOW,
  reason: null,
  note: null,
});
const ctx: ChainReadContext = {
  chainId: 10,
  client: createPublicClient({ transport: http('http://127.0.0.1:1') }),
  deployment: mainnetNetwork().chains[10],
  owner: '0x0000000000000000000000000000000000000001',
  blockNumber: 100n,
  blockTimestamp: NOW,
  prices: new Map([
    [priceKey(T0), usd('AAA/USD', 2n * E18)],
    [priceKey(T1), usd('BBB/USD', E18)],
    [priceKey(VELO), usd('VELO/USD', E18 / 10n)],
  ]),
};
const meta = (t: Address): TokenMetadata => ({
  address: t,
  symbol: t === T0 ? 'AAA' : t === T1 ? 'BBB' : 'VELO',
  name: 'x',
  decimals: 18,
  warning: null,
});
const ok = <T>(value: T) => ({ ok: true as const, value });

/** A pool at tick 0 (price 1), a position on [-600, 600]. */
const now: PoolSnapshot = {
  pools: new Map([
    [
      POOL,
      ok({
        sqrtPriceX96: getSqrtRatioAtTick(0),
        tick: 0,
        feeGrowthGlobal0X128: 0n,
        feeGrowthGlobal1X128: 0n,
      }),
    ],
  ]),
  ticks: new Map(),
};
const LIQUIDITY = 10n ** 22n;

function gauge(over: Partial<ClGaugeRaw> = {}): ClGaugeRaw {
  return {
    address: GAUGE,
    rewardRate: ok(E18),
    periodFinish: ok(NOW + 86_400n),
    rewardToken: ok(VELO),
    alive: ok(true),
    stakedLiquidity: ok(LIQUIDITY * 4n),
    earned: ok(5n * E18),
    ...over,
  };
}

function input(g: ClGaugeRaw, tick = 0): SlipstreamBuildInput {
  return {
    ctx,
    d: { positionManager: '0x0000000000000000000000000000000000000040', factory: POOL },
    raw: {
      tokenId: 7n,
      token0: T0,
      token1: T1,
      tickSpacing: 100,
      tickLower: tick - 600,
      tickUpper: tick + 600,
      liquidity: LIQUIDITY,
      feeGrowthInside0LastX128: 0n,
      feeGrowthInside1LastX128: 0n,
      tokensOwed0: 0n,
      tokensOwed1: 0n,
      pool: POOL,
    },
    meta,
    now,
    past: { ok: false, note: 'no past state in a unit test' },
    windowSeconds: 604_800,
    staked: { gauge: g, gaugeFees: [1n, 2n] },
  };
}

function details(d: unknown): SlipstreamPositionDetails {
  if (!isSlipstreamPosition(d as never)) throw new Error('no slipstream details');
  return d as SlipstreamPositionDetails;
}

describe('staked Slipstream positions: emissions only, said in words', () => {
  const { amount0, amount1 } = positionAmounts({
    sqrtPriceX96: getSqrtRatioAtTick(0),
    tickCurrent: 0,
    tickLower: -600,
    tickUpper: 600,
    liquidity: LIQUIDITY,
  });
  const value = (amount0 * 2n * E18 + amount1 * E18) / E18;

  it('an emitting gauge: rewardRate × year × price ÷ value of the staked liquidity in range', () => {
    const p = buildSlipstreamPosition(input(gauge()));
    // Recomputed by hand: 1 VELO/s × 31,536,000 × $0.1 over 4 × this position's value.
    const expected = (31_536_000 * 0.1) / ((4 * Number(value)) / 1e18);
    expect(p.kind).toBe('farming');
    expect(p.yield?.baseApr).toBe(0);
    expect(p.yield?.rewardApr).toBeCloseTo(expected, 6);
    expect(p.yield?.rewards?.[0]?.symbol).toBe('VELO');
    expect(p.rewards.map((r) => r.amount)).toEqual([5n * E18]);
    expect(details(p.details).gauge?.stakedUsdE18).toBe(4n * value);
    expect(details(p.details).gaugeFees).toEqual({ amount0: 1n, amount1: 2n });
  });

  it('a tiny stake (< $1,000 in range): the APR shown as unreliable, the yield unknown', () => {
    const small = input(gauge({ stakedLiquidity: ok(LIQUIDITY) }));
    small.raw.liquidity = LIQUIDITY / 10_000n;
    small.staked = { gauge: gauge({ stakedLiquidity: ok(LIQUIDITY / 5_000n) }), gaugeFees: null };
    const p = buildSlipstreamPosition(small);
    expect(p.yield).toBeNull();
    expect(details(p.details).unreliableApr).toBeGreaterThan(0);
    expect(details(p.details).yieldNote).toMatch(/unreliable: tiny stake .* under \$1,000/);
  });

  it.each([
    ['killed', gauge({ alive: ok(false) }), /gauge killed by the Voter/],
    ['without emissions', gauge({ rewardRate: ok(0n) }), /no emissions \(reward rate 0\)/],
    ['with its period ended', gauge({ periodFinish: ok(NOW - 10n) }), /reward period ended on/],
  ])('a gauge %s: a known zero, said in words', (_, g, words) => {
    const p = buildSlipstreamPosition(input(g));
    expect(p.yield).toMatchObject({ baseApr: 0, rewardApr: 0 });
    expect(p.yield?.source).toMatch(words);
    expect(details(p.details).yieldNote).toMatch(words);
  });

  it('a gauge that reverts: yield unknown, a clear per-item warning, the amounts still shown', () => {
    const p = buildSlipstreamPosition(
      input(gauge({ rewardRate: { ok: false, error: 'execution reverted' } })),
    );
    expect(p.yield).toBeNull();
    expect(p.warning).toMatch(/CL gauge 0x0+30 unreadable/);
    expect(p.assets.map((a) => a.amount)).toEqual([amount0, amount1]);
  });

  it('out of range: no emissions, a known zero', () => {
    const p = buildSlipstreamPosition(input(gauge(), 6_000));
    expect(p.yield).toMatchObject({ baseApr: 0, rewardApr: 0 });
    expect(details(p.details).yieldNote).toMatch(/out of range/);
  });

  it('staked liquidity below the position’s own: unknown, never ∞', () => {
    const p = buildSlipstreamPosition(input(gauge({ stakedLiquidity: ok(0n) })));
    expect(p.yield).toBeNull();
    expect(p.warning).toMatch(/less staked liquidity in range/);
  });
});

describe('Slipstream reward math', () => {
  it('is null, never ∞, when nothing is staked or the position is worth nothing', () => {
    const base = { rewardRate: E18, rewardPriceUsdE18: E18, rewardDecimals: 18, liquidity: 1n };
    expect(clRewardApr({ ...base, stakedLiquidity: 0n, positionValueUsdE18: E18 })).toBeNull();
    expect(clRewardApr({ ...base, stakedLiquidity: 1n, positionValueUsdE18: 0n })).toBeNull();
    expect(clStakedValueUsdE18({ stakedLiquidity: 5n, liquidity: 0n, positionValueUsdE18: E18 })).toBeNull();
    expect(clStakedValueUsdE18({ stakedLiquidity: 5n, liquidity: 2n, positionValueUsdE18: 4n })).toBe(10n);
  });
});
