import { describe, expect, it } from 'vitest';
import { noFeedReading } from '../prices/reading';
import type { PriceReading } from '../prices/types';
import { infoOf, PROTOCOL_MODULES, protocolInfo } from '../protocols/registry';
import {
  blendedYield,
  bundleTotals,
  chainIncome,
  claimable,
  income,
  incomeProjection,
  isClosedPosition,
  isDust,
  lockedVsLiquid,
  lowestHealthFactor,
  overview,
  visiblePositions,
} from './select';
import type { AssetAmount, ChainPortfolio, Position, YieldEstimate } from './types';

const READ_PROTOCOLS = [protocolInfo('wallet'), ...PROTOCOL_MODULES.map(infoOf)];

const E18 = 10n ** 18n;
const price = (usd: bigint, status: PriceReading['status'] = 'ok'): PriceReading => ({
  label: 'X/USD',
  usdE18: usd * E18,
  status,
  updatedAt: 1n,
  reason: status === 'ok' ? null : 'why',
  note: null,
});

/** An asset worth exactly `usd` dollars plus `cents` hundredths (18-decimal token at $1). */
const dollars = (usd: number, symbol = 'USDC'): AssetAmount => ({
  token: 'native',
  symbol,
  decimals: 18,
  amount: BigInt(Math.round(usd * 100)) * 10n ** 16n,
  price: price(1n),
  usdE18: BigInt(Math.round(usd * 100)) * 10n ** 16n,
});
const unpricedAsset: AssetAmount = {
  token: 'native',
  symbol: 'ZZZ',
  decimals: 18,
  amount: 5n,
  price: noFeedReading('ZZZ'),
  usdE18: null,
};

const y = (baseApr: number, rewardApr: number, compounds = false): YieldEstimate => ({
  baseApr,
  rewardApr,
  apy: null,
  compounds,
  window: '7d',
  source: 'test',
});

let n = 0;
const pos = (
  kind: Position['kind'],
  assets: AssetAmount[],
  yieldEstimate: YieldEstimate | null,
  extra: Partial<Position> = {},
): Position => ({
  protocol: 'p',
  kind,
  id: `10:p:${n++}`,
  label: kind,
  assets,
  rewards: [],
  yield: yieldEstimate,
  warning: null,
  ...extra,
});

// The raw inputs, written out once: the expected figures below are recomputed from these numbers.
const RAW = [
  { kind: 'supply', usd: 10_000, base: 0.031, reward: 0.012 },
  { kind: 'borrow', usd: 4_000, base: -0.052, reward: 0.004 },
  { kind: 'liquidity', usd: 2_500.5, base: 0.18, reward: 0 },
  { kind: 'staking', usd: 1_200, base: 0, reward: 0.45 },
  { kind: 'balance', usd: 333.33, base: 0, reward: 0 },
] as const;

const positions = (): Position[] => [
  ...RAW.map((r) => pos(r.kind, [dollars(r.usd)], y(r.base, r.reward))),
  pos('vault', [dollars(777)], null), // unknown yield
  pos('balance', [unpricedAsset], y(0.1, 0)), // unpriced
  pos('balance', [dollars(10_000)], y(0.5, 0), { countedIn: '10:p:0' }), // a receipt: never counted
];

const close = (actual: number, expected: number) =>
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(expected)));

describe('income', () => {
  it('follows the issue’s definitions, recomputed from the raw usd and rates', () => {
    const inc = income(positions());
    const base = RAW.reduce((a, r) => a + r.usd * r.base, 0);
    const reward = RAW.reduce((a, r) => a + r.usd * r.reward, 0);
    const compounded = RAW.reduce((a, r) => {
      const rate = r.base + r.reward;
      return a + r.usd * Math.sign(rate) * ((1 + Math.abs(rate) / 12) ** 12 - 1);
    }, 0);
    close(inc.perYear.baseUsd, base);
    close(inc.perYear.rewardUsd, reward);
    close(inc.perDayUsd, (base + reward) / 365);
    close(inc.sustainableShare ?? Number.NaN, base / (base + reward));
    close(inc.unknownYieldUsd, 777);
    expect(inc.unpricedPositions).toBe(1);
    expect(inc.projection.months).toBe(12);
    close(inc.projection.simpleUsd, base + reward);
    close(inc.projection.compoundedUsd, compounded);
  });

  it('says null, not 0 % or ∞, for the sustainable share when nothing is earned', () => {
    expect(income([pos('borrow', [dollars(100)], y(-0.05, 0))]).sustainableShare).toBeNull();
    expect(income([]).sustainableShare).toBeNull();
    expect(income([pos('balance', [dollars(100)], y(0, 0))]).perDayUsd).toBe(0);
  });

  it('is null for a chain that failed', () => {
    const failed: ChainPortfolio = {
      chainId: 10,
      blockNumber: null,
      blockTimestamp: null,
      error: 'down',
      positions: [],
      protocolErrors: [],
      summaries: [],
    };
    expect(chainIncome(failed)).toBeNull();
    expect(chainIncome({ ...failed, error: null, blockNumber: 1n })).not.toBeNull();
  });

  it('projects month by month, ending on the yearly figures', () => {
    const ps = positions();
    const points = incomeProjection(ps);
    const inc = income(ps);
    expect(points).toHaveLength(13);
    expect(points[0]).toEqual({ month: 0, simpleUsd: 0, compoundedUsd: 0 });
    close(points[12]?.simpleUsd ?? Number.NaN, inc.projection.simpleUsd);
    close(points[12]?.compoundedUsd ?? Number.NaN, inc.projection.compoundedUsd);
    const six = RAW.reduce((a, r) => {
      const rate = r.base + r.reward;
      return a + r.usd * Math.sign(rate) * ((1 + Math.abs(rate) / 12) ** 6 - 1);
    }, 0);
    close(points[6]?.compoundedUsd ?? Number.NaN, six);
  });
});

describe('overview selectors', () => {
  it('blends the yield by income over the value whose yield is known; the unknown stays apart', () => {
    const b = blendedYield(positions());
    const known = RAW.reduce((a, r) => a + r.usd, 0);
    const base = RAW.reduce((a, r) => a + r.usd * r.base, 0);
    const reward = RAW.reduce((a, r) => a + r.usd * r.reward, 0);
    close(b.knownUsd, known);
    close(b.rate ?? Number.NaN, (base + reward) / known);
    close(b.baseRate ?? Number.NaN, base / known);
    close(b.rewardRate ?? Number.NaN, reward / known);
    close(b.unknownYieldUsd, 777);
    expect(blendedYield([pos('vault', [dollars(5)], null)]).rate).toBeNull();
  });

  it('sums what is claimable now, locked apart from liquid', () => {
    const ps = [
      pos('liquidity', [dollars(100)], null, { rewards: [dollars(3.5), dollars(1.25)] }),
      pos('borrow', [dollars(50)], null, { rewards: [dollars(2)] }),
      pos('lock', [dollars(400)], null),
      pos('vesting', [dollars(60)], null, { rewards: [unpricedAsset] }),
      pos('balance', [dollars(9)], null, { countedIn: 'x', rewards: [dollars(1000)] }),
    ];
    const c = claimable(ps);
    expect(c.usdE18).toBe(675n * 10n ** 16n);
    expect(c.unpriced).toBe(1);
    const { locked, liquid } = lockedVsLiquid(ps);
    expect(locked.usdE18).toBe(460n * E18);
    // liquidity 100 + 4.75 claimable, minus the debt (50 + 2 of its rewards counted against it).
    expect(liquid.usdE18).toBe(10475n * 10n ** 16n - 52n * E18);
  });

  it('finds the lowest health factor across chains, ignoring accounts without debt', () => {
    const chain = (chainId: 10 | 42161 | 324, health: unknown): ChainPortfolio => ({
      chainId,
      blockNumber: 1n,
      blockTimestamp: 1n,
      error: null,
      positions: [],
      protocolErrors: [],
      summaries: [{ type: 'aave-v3', health } as { type: string }],
    });
    expect(
      lowestHealthFactor([
        chain(10, { state: 'active', factorWad: 2n * E18, band: 'safe' }),
        chain(42161, { state: 'active', factorWad: 13n * 10n ** 17n, band: 'safe' }),
        chain(324, { state: 'no-debt' }),
      ]),
    ).toEqual({ chainId: 42161, protocol: 'aave-v3', factorWad: 13n * 10n ** 17n });
    expect(lowestHealthFactor([chain(324, { state: 'no-debt' })])).toBeNull();
  });

  it('breaks the value down by chain, protocol and display group, each slice with its section', () => {
    const a: ChainPortfolio = {
      chainId: 10,
      blockNumber: 1n,
      blockTimestamp: 1n,
      error: null,
      positions: [
        pos('supply', [dollars(300)], null, { protocol: 'aave-v3' }),
        pos('balance', [dollars(50)], null),
      ],
      // What the reader attaches: every registered module's name and order, the wallet first.
      protocols: READ_PROTOCOLS,
      protocolErrors: [],
      summaries: [],
    };
    const b: ChainPortfolio = {
      ...a,
      chainId: 324,
      positions: [pos('liquidity', [dollars(1000)], null, { protocol: 'some-new-dex' })],
    };
    const o = overview([a, b], (id) => `chain ${id}`);
    expect(o.total.usdE18).toBe(1350n * E18);
    expect(o.byChain.map((s) => [s.key, s.usd, s.anchor])).toEqual([
      ['324', 1000, 'chain-324'],
      ['10', 350, 'chain-10'],
    ]);
    expect(o.byProtocol.map((s) => [s.label, s.anchor])).toEqual([
      ['some-new-dex', 'chain-324-protocol-some-new-dex'],
      ['Aave V3', 'chain-10-protocol-aave-v3'],
      ['p', 'chain-10-protocol-p'],
    ]);
    expect(o.byGroup.map((s) => [s.key, s.anchor])).toEqual([
      ['liquidity', 'chain-324-group-liquidity'],
      ['lending', 'chain-10-group-lending'],
      ['wallet', 'chain-10-group-wallet'],
    ]);
  });

  it('hides dust and closed positions only when asked; an unpriced position is never dust', () => {
    const closed = pos('liquidity', [{ ...dollars(0), amount: 0n, usdE18: 0n }], null);
    const dust = pos('balance', [dollars(0.5)], null);
    const unpriced = pos('balance', [unpricedAsset], null);
    const big = pos('balance', [dollars(5)], null);
    expect(isClosedPosition(closed)).toBe(true);
    expect(isDust(dust)).toBe(true);
    expect(isDust(unpriced)).toBe(false);
    const all = [closed, dust, unpriced, big];
    expect(visiblePositions(all, { hideDust: false, hideClosed: false })).toEqual(all);
    expect(visiblePositions(all, { hideDust: true, hideClosed: false })).toEqual([closed, unpriced, big]);
    expect(visiblePositions(all, { hideDust: true, hideClosed: true })).toEqual([unpriced, big]);
  });

  it('sums a bundle from its members', () => {
    const chain = (ps: Position[]): ChainPortfolio => ({
      chainId: 10,
      blockNumber: 1n,
      blockTimestamp: 1n,
      error: null,
      positions: ps,
      protocolErrors: [],
      summaries: [],
    });
    const b = bundleTotals([
      { address: '0xa', chains: [chain([pos('supply', [dollars(100)], y(0.1, 0))])] },
      { address: '0xb', chains: [chain([pos('supply', [dollars(300)], y(0, 0.2))])] },
    ]);
    expect(b.total.usdE18).toBe(400n * E18);
    close(b.income.perYear.baseUsd, 10);
    close(b.income.perYear.rewardUsd, 60);
    expect(b.perAddress.map((a) => a.total.usdE18)).toEqual([100n * E18, 300n * E18]);
  });
});
