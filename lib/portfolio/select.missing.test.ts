import { describe, expect, it } from 'vitest';
import { WrongChainError } from '../chains/client';
import type { ChainId } from '../chains/registry';
import { CHAINS } from '../chains/registry';
import type { PriceReading } from '../prices/types';
import { failedChain } from './failed';
import { portfolioJson } from './json';
import { chainMissing, formatAge, portfolioTotals, positionUsdE18 } from './select';
import type { ChainPortfolio, Position } from './types';
import { assetAmount } from './value';

const ok: PriceReading = {
  label: 'X/USD',
  usdE18: 2n * 10n ** 18n,
  status: 'ok',
  updatedAt: 1n,
  reason: null,
  note: null,
};

const wallet = (chainId: ChainId, amount: bigint, price: PriceReading | null = ok): Position => ({
  protocol: 'wallet',
  kind: 'balance',
  id: `${chainId}:wallet:x`,
  label: 'X',
  assets: [assetAmount('native', 'X', 18, amount, price ?? undefined)],
  rewards: [],
  yield: null,
  warning: null,
});

const chain = (chainId: ChainId, positions: Position[], headAgeSeconds = 1): ChainPortfolio => ({
  chainId,
  blockNumber: 5n,
  blockTimestamp: 100n,
  error: null,
  errorKind: null,
  headAgeSeconds,
  positions,
  protocolErrors: [],
  summaries: [],
});

const ONE = 10n ** 18n;

describe('totals say what they lack', () => {
  it('sums only chains that are current, naming the failed, wrong-chain and lagging ones', () => {
    const lagAge = CHAINS[324].maxHeadAgeSeconds + 1;
    const chains = [
      chain(10, [wallet(10, 3n * ONE)]),
      failedChain(42161, new WrongChainError('http://x', 42161, 10)),
      chain(324, [wallet(324, 7n * ONE)], lagAge),
    ];
    const totals = portfolioTotals(chains.map((c) => ({ chainId: c.chainId, chain: c })));
    expect(totals.total.usdE18).toBe(6n * ONE);
    expect(totals.missingChains).toEqual([
      { chainId: 42161, reason: 'wrong-chain' },
      { chainId: 324, reason: 'lagging', ageSeconds: lagAge },
    ]);
    const json = portfolioJson({
      address: '0x0000000000000000000000000000000000000001',
      network: 'devnet',
      chains,
    });
    expect(json.totalUsd).toBe(6);
    expect(json.missingChains).toEqual(totals.missingChains);
    expect(json.chains.map((c) => c.totalUsd)).toEqual([6, null, null]);
    // The lagging chain keeps its figures, flagged.
    expect(json.chains[2]).toMatchObject({ lagging: true, headAgeSeconds: lagAge });
    expect(json.chains[2]?.positions[0]?.usd).toBe(14);
  });

  it('a head just at the threshold is not lagging; a generic failure is an error', () => {
    expect(chainMissing(10, { data: chain(10, [], CHAINS[10].maxHeadAgeSeconds), error: null })).toBeNull();
    expect(chainMissing(10, { data: undefined, error: new Error('boom') })).toEqual({
      chainId: 10,
      reason: 'error',
    });
    expect(chainMissing(10, { data: undefined, error: null })).toBeNull();
  });

  it('names protocols that failed on a summed chain', () => {
    const c = { ...chain(10, [wallet(10, ONE)]), protocolErrors: [{ protocol: 'aave-v3', error: 'x' }] };
    const totals = portfolioTotals([{ chainId: 10, chain: c }]);
    expect(totals.missingProtocols).toEqual([{ chainId: 10, protocol: 'aave-v3' }]);
    expect(totals.total.usdE18).toBe(2n * ONE);
  });

  it('a position with any unpriced non-zero amount has no USD value (null, never 0)', () => {
    expect(positionUsdE18(wallet(10, ONE, null))).toBeNull();
    expect(positionUsdE18(wallet(10, 0n, null))).toBe(0n);
    const mixed = {
      ...wallet(10, ONE),
      assets: [...wallet(10, ONE).assets, ...wallet(10, ONE, null).assets],
    };
    expect(positionUsdE18(mixed)).toBeNull();
    const json = portfolioJson({
      address: '0x0000000000000000000000000000000000000001',
      network: 'devnet',
      chains: [chain(10, [wallet(10, ONE, null)])],
    });
    expect(json.chains[0]?.positions[0]?.usd).toBeNull();
  });

  it('formats ages', () => {
    expect(formatAge(45)).toBe('45 s');
    expect(formatAge(3600)).toBe('60 min');
    expect(formatAge(3 * 3600 + 300)).toBe('3 h 5 min');
  });
});
