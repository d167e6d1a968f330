import { describe, expect, it } from 'vitest';
import type { ChainId } from '../chains/registry';
import { noFeedReading } from '../prices/chainlink';
import { cheapestByAction, walletMaxFee } from './quote';
import { type ActionQuote, type ChainFeeResult, FEE_ACTIONS, type FeeActionId } from './types';

function action(id: FeeActionId, totalWei: bigint | null): ActionQuote {
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
    gasSource: null,
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

describe('walletMaxFee', () => {
  it('is twice the base fee plus the tip', () => {
    expect(walletMaxFee(7n, 3n)).toBe(17n);
  });
});
