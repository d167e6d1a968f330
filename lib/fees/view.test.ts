import { parseGwei } from 'viem';
import { describe, expect, it } from 'vitest';
import { noFeedReading } from '../prices/chainlink';
import type { PriceReading } from '../prices/types';
import { FEE_ACTIONS } from './catalog';
import type { ActionQuote, ChainFeeQuote, FeeActionId } from './types';
import { chartDomain, chartSeries, type FeeColumn, feePartText, headerSummary, ReadingLog } from './view';

const ok = (wei: bigint) => ({ wei, status: 'ok' as const, note: null });

function action(id: FeeActionId, total: bigint | null): ActionQuote {
  return {
    action: id,
    tx: null,
    variant: null,
    gas: 21_000n,
    gasSource: { kind: 'estimated' },
    execution: total === null ? { wei: null, status: 'unavailable', note: 'x' } : ok(total),
    l1Data: { wei: null, status: 'included', note: null },
    l1Detail: null,
    operator: null,
    totalWei: total,
    totalUsdE18: total === null ? null : total * 3000n,
    error: null,
  };
}

const ETH_USD: PriceReading = {
  label: 'ETH/USD',
  usdE18: 3000n * 10n ** 18n,
  status: 'ok',
  updatedAt: 1n,
  reason: null,
  note: null,
};

function quote(chainId: 10 | 42161 | 324, ethTransfer: bigint | null, price = ETH_USD): ChainFeeQuote {
  return {
    chainId,
    feeModel: 'zksync',
    blockNumber: 100n,
    blockTimestamp: 1_000n,
    gasPrice: { baseFee: 1n, priorityFee: 0n, effective: 1n, note: null },
    ethUsd: price,
    model: { type: 'zksync', gasPerPubdata: null, gasPerPubdataNote: null },
    actions: FEE_ACTIONS.map((a) => {
      const q = action(a, a === 'eth-transfer' ? ethTransfer : null);
      return price.usdE18 === null ? { ...q, totalUsdE18: null } : q;
    }),
    warnings: [],
  };
}

describe('fee view model', () => {
  it('says what a part is instead of showing zero', () => {
    expect(feePartText({ wei: null, status: 'unavailable', note: 'reverted' })).toBe('unavailable');
    expect(feePartText({ wei: null, status: 'included', note: null })).toBe('in execution gas');
    expect(feePartText({ wei: 10n ** 15n, status: 'upper-bound', note: null })).toBe('≤ 0.001 ETH');
    expect(feePartText(ok(0n))).toBe('0 ETH');
  });

  it('summarises an ETH transfer per chain for the header, marking the cheapest and the failures', () => {
    const columns: FeeColumn[] = [
      { chainId: 10, status: 'ready', quote: quote(10, 10n ** 13n), refreshing: false },
      { chainId: 42161, status: 'error', error: 'HTTP request failed' },
      {
        chainId: 324,
        status: 'ready',
        quote: quote(324, 4n * 10n ** 12n, noFeedReading('ETH/USD')),
        refreshing: true,
      },
    ];
    const [op, arb, zk] = headerSummary(columns);
    // 1e13 wei × $3000 = $0.03
    expect(op).toMatchObject({ text: '$0.03', cheapest: false });
    expect(arb).toMatchObject({ text: 'unavailable', detail: 'HTTP request failed', cheapest: false });
    // No usable price: shown in ETH, and still the cheapest.
    expect(zk).toMatchObject({ text: '0.000004 ETH', cheapest: true });
  });

  it('keeps one reading per chain and block, capped, and plots only readings newer than the history', () => {
    const log = new ReadingLog(2);
    let notified = 0;
    log.subscribe(() => {
      notified += 1;
    });
    const r = (block: bigint) => ({
      chainId: 10 as const,
      blockNumber: block,
      timestamp: Number(block),
      baseFee: parseGwei('0.5'),
    });
    log.add(r(5n));
    log.add(r(5n));
    log.add(r(6n));
    log.add(r(7n));
    expect(log.snapshot().map((x) => x.blockNumber)).toEqual([6n, 7n]);
    expect(notified).toBe(3);
    const series = chartSeries(
      10,
      {
        chainId: 10,
        newestBlock: 6n,
        points: [{ blockNumber: 6n, baseFee: parseGwei('1.25'), timestamp: 6 }],
      },
      null,
      log.snapshot(),
    );
    expect(series.history).toEqual([{ t: 6, gwei: 1.25, block: '6' }]);
    expect(series.session).toEqual([{ t: 7, gwei: 0.5, block: '7' }]);
    // The log axis spans every point with a margin; nothing to plot gives no axis.
    expect(chartDomain([series])).toEqual([0.5 / 1.5, 1.25 * 1.5]);
    expect(chartDomain([{ ...series, history: [], session: [] }])).toBeNull();
  });
});
