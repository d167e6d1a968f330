import { describe, expect, it } from 'vitest';
import type { ChainId } from '../chains/registry';
import { noFeedReading } from '../prices/reading';
import { FEE_ACTIONS } from './catalog';
import { cheapestByAction, walletMaxFee } from './quote';
import type { ActionQuote, ChainFeeResult, FeeActionId } from './types';

function action(
  id: FeeActionId,
  totalWei: bigint | null,
  gasSource: ActionQuote['gasSource'] = { kind: 'estimated' },
): ActionQuote {
  const part = {
    wei: totalWei,
    status: totalWei === null ? ('unavailable' as const) : ('ok' as const),
    note: null,
  };
  return {
    action: id,
    tx: null,
    variant: null,
    gas: null,
    gasSource,
    execution: part,
    l1Data: part,
    l1Detail: null,
    operator: null,
    totalWei,
    totalUsdE18: null,
    error: null,
  };
}

function chain(chainId: ChainId, totals: Partial<Record<FeeActionId, bigint | null>>): ChainFeeResult {
  return {
    chainId,
    ok: true,
    quote: {
      chainId,
      feeModel: 'op-stack',
      blockNumber: 1n,
      blockTimestamp: 1n,
      gasPrice: { baseFee: 1n, priorityFee: 0n, effective: 1n, note: null },
      ethUsd: noFeedReading('ETH/USD'),
      model: { type: 'zksync', gasPerPubdata: null, gasPerPubdataNote: null },
      actions: FEE_ACTIONS.map((a) => action(a, totals[a] ?? null)),
      warnings: [],
    },
  };
}

describe('cheapestByAction', () => {
  it('marks the lowest known total per action, all of them on a tie, none when nothing is known', () => {
    const results: ChainFeeResult[] = [
      chain(10, { 'eth-transfer': 300n, 'usdc-transfer': 50n, 'uniswap-v3-swap': null }),
      chain(42161, { 'eth-transfer': 200n, 'usdc-transfer': 50n }),
      { chainId: 324, ok: false, error: 'down' },
    ];
    expect(cheapestByAction(results)).toEqual({
      'eth-transfer': [42161],
      'usdc-transfer': [10, 42161],
      'uniswap-v3-swap': [],
      'aave-supply': [],
    });
  });
});

describe('cheapestByAction with assumed figures', () => {
  it('never marks a total that rests on typical gas or an L1 upper bound', () => {
    const typical = chain(10, { 'eth-transfer': 100n });
    const upper = chain(324, { 'eth-transfer': 150n });
    const exact = chain(42161, { 'eth-transfer': 200n });
    if (!typical.ok || !upper.ok) throw new Error('fixture');
    typical.quote.actions[0] = action('eth-transfer', 100n, { kind: 'typical', reason: 'no estimate' });
    const bounded = action('eth-transfer', 150n);
    upper.quote.actions[0] = { ...bounded, l1Data: { wei: 75n, status: 'upper-bound', note: null } };
    expect(cheapestByAction([typical, upper, exact])['eth-transfer']).toEqual([42161]);
  });
});

describe('walletMaxFee', () => {
  it('is twice the base fee plus the tip', () => {
    expect(walletMaxFee(7n, 3n)).toBe(17n);
  });
});
