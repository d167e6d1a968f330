import { describe, expect, it } from 'vitest';
import type { PriceReading } from '../prices/types';
import { infoOf, PROTOCOL_MODULES, protocolInfo } from '../protocols/registry';
import {
  breakdown,
  chainFailure,
  countedPositions,
  currentChain,
  groupChain,
  income,
  portfolioTotals,
  shares,
} from './select';
import type { ChainPortfolio, Position, YieldEstimate } from './types';
import { assetAmount } from './value';

const ok = (usd: number): PriceReading => ({
  label: 'X/USD',
  usdE18: BigInt(usd) * 10n ** 18n,
  status: 'ok',
  updatedAt: 1n,
  reason: null,
  note: null,
});

const rate = (baseApr: number, rewardApr = 0): YieldEstimate => ({
  baseApr,
  rewardApr,
  apy: null,
  compounds: false,
  window: '7d',
  source: 'test',
});

let n = 0;
function position(
  protocol: string,
  kind: Position['kind'],
  usd: number | null,
  y: YieldEstimate | null,
  extra: Partial<Position> = {},
): Position {
  n += 1;
  return {
    protocol,
    kind,
    id: `10:${protocol}:${n}`,
    label: `${protocol} ${n}`,
    // One whole token at `usd` dollars, or a token without a price.
    assets: [
      assetAmount(
        '0x0000000000000000000000000000000000000001',
        'T',
        0,
        1n,
        usd === null ? undefined : ok(usd),
      ),
    ],
    rewards: [],
    yield: y,
    warning: null,
    ...extra,
  };
}

function chain(
  chainId: ChainPortfolio['chainId'],
  positions: Position[],
  extra: Partial<ChainPortfolio> = {},
): ChainPortfolio {
  return {
    chainId,
    blockNumber: 100n,
    // Fresh: a head older than the registry's threshold would be lagging.
    blockTimestamp: BigInt(Math.floor(Date.now() / 1000)),
    error: null,
    // What the reader attaches: every registered module's name and order, the wallet first.
    protocols: [protocolInfo('wallet'), ...PROTOCOL_MODULES.map(infoOf)],
    positions,
    protocolErrors: [],
    summaries: [],
    ...extra,
  };
}

describe('freshness', () => {
  it('a failed refresh never passes for figures, and says why', () => {
    const data = chain(10, []);
    expect(currentChain({ data, error: null })).toBe(data);
    expect(currentChain({ data, error: new Error('timeout') })).toBeNull();
    expect(chainFailure({ data, error: new Error('timeout') })).toBe('timeout');
    const failed = { ...data, error: 'down' };
    expect(currentChain({ data: failed, error: null })).toBeNull();
    expect(chainFailure({ data: failed, error: null })).toBe('down');
    expect(currentChain({ data: undefined, error: null })).toBeNull();
  });
});

describe('totals', () => {
  it('sum only current chains, name the missing ones, never count a receipt twice, subtract debts', () => {
    const wallet = position('wallet', 'balance', 100, rate(0));
    const receipt = position('wallet', 'balance', 50, rate(0), { countedIn: '10:aave-v3:x' });
    const supply = position('aave-v3', 'supply', 50, rate(0.03));
    const debt = position('aave-v3', 'borrow', 20, rate(-0.05));
    const t = portfolioTotals([
      {
        chainId: 10,
        chain: chain(10, [wallet, receipt, supply, debt], {
          protocolErrors: [{ protocol: 'x', error: 'e' }],
        }),
      },
      { chainId: 42161, chain: null, error: new Error('down') },
      { chainId: 324, chain: null },
    ]);
    expect(t.total.usdE18).toBe((100n + 50n - 20n) * 10n ** 18n);
    expect(t.missingChains.map((m) => [m.chainId, m.reason])).toEqual([[42161, 'error']]);
    // Not yet loaded is not missing.
    expect(t.loadingChains).toEqual([324]);
    expect(t.incompleteChains).toEqual([{ chainId: 10, protocols: ['x'] }]);
    expect(countedPositions([wallet, receipt])).toEqual([wallet]);
  });

  it('breaks value down by any key and gives display shares of the positive total', () => {
    const a = position('p', 'balance', 30, null);
    const b = position('q', 'balance', 10, null);
    const rows = breakdown([chain(10, [a, b])], (p) => p.protocol);
    expect(rows.map((r) => [r.key, r.value.usdE18])).toEqual([
      ['p', 30n * 10n ** 18n],
      ['q', 10n * 10n ** 18n],
    ]);
    expect(shares(rows).map((s) => [s.key, s.share])).toEqual([
      ['p', 0.75],
      ['q', 0.25],
    ]);
  });
});

describe('grouping', () => {
  it('groups by display group in order, protocols by module order, summaries without positions kept', () => {
    const c = chain(10, [
      position('aave-v3', 'supply', 1, null),
      position('wallet', 'balance', 1, null),
      position('uniswap-v3', 'liquidity', 1, null),
      position('sushiswap-v3', 'liquidity', 1, null),
    ]);
    c.summaries.push({ type: 'aave-v3' });
    const groups = groupChain(c);
    expect(groups.map((g) => [g.group, g.protocols.map((p) => p.protocol)])).toEqual([
      ['wallet', ['wallet']],
      ['liquidity', ['uniswap-v3', 'sushiswap-v3']],
      ['lending', ['aave-v3']],
    ]);
    expect(groups[2]?.protocols[0]?.summary).toEqual({ type: 'aave-v3' });
    const onlySummary = chain(10, []);
    onlySummary.summaries.push({ type: 'aave-v3' });
    expect(groupChain(onlySummary).map((g) => g.group)).toEqual(['lending']);
  });
});

describe('income (the yield convention)', () => {
  it('follows the definitions: |usd| × rate, sustainable share, unknown and unpriced apart', () => {
    const rows: [number | null, YieldEstimate | null, Position['kind']][] = [
      [1000, rate(0.05, 0.02), 'supply'],
      [400, rate(-0.06, 0.01), 'borrow'],
      [300, null, 'balance'],
      [null, rate(0.1), 'liquidity'],
      [200, rate(0), 'balance'],
    ];
    const positions = rows.map(([usd, y, kind]) => position('p', kind, usd, y));
    const got = income(positions);
    // Recomputed here from the same inputs (a debt's usd is negative).
    const priced = rows.filter((r) => r[0] !== null && r[1] !== null) as [
      number,
      YieldEstimate,
      Position['kind'],
    ][];
    const signed = priced.map(([usd, y, kind]) => [kind === 'borrow' ? -usd : usd, y] as const);
    const base = signed.reduce((a, [usd, y]) => a + Math.abs(usd) * y.baseApr, 0);
    const reward = signed.reduce((a, [usd, y]) => a + Math.abs(usd) * y.rewardApr, 0);
    const compounded = signed.reduce((a, [usd, y]) => {
      const r = y.baseApr + y.rewardApr;
      return a + Math.abs(usd) * Math.sign(r) * ((1 + Math.abs(r) / 12) ** 12 - 1);
    }, 0);
    const close = (a: number, b: number) =>
      expect(Math.abs(a - b) / Math.max(1, Math.abs(b))).toBeLessThan(1e-9);
    close(got.perYear.baseUsd, base);
    close(got.perYear.rewardUsd, reward);
    close(got.perDayUsd, (base + reward) / 365);
    close(got.sustainableShare ?? Number.NaN, base / (base + reward));
    close(got.projection.simpleUsd, base + reward);
    close(got.projection.compoundedUsd, compounded);
    expect(got.projection.months).toBe(12);
    expect(got.unknownYieldUsd).toBe(300);
    expect(got.unpricedPositions).toBe(1);
  });

  it('has no sustainable share when nothing is earned (never NaN or ∞)', () => {
    const got = income([position('p', 'balance', 100, rate(0))]);
    expect(got.sustainableShare).toBeNull();
    expect(got.perDayUsd).toBe(0);
  });
});
