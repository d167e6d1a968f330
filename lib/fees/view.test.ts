import { parseGwei } from 'viem';
import { describe, expect, it } from 'vitest';
import { chartDomain, chartSeries, feePartText, ReadingLog } from './view';

const ok = (wei: bigint) => ({ wei, status: 'ok' as const, note: null });

describe('fee view model', () => {
  it('says what a part is instead of showing zero', () => {
    expect(feePartText({ wei: null, status: 'unavailable', note: 'reverted' })).toBe('unavailable');
    expect(feePartText({ wei: null, status: 'included', note: null })).toBe('in execution gas');
    expect(feePartText({ wei: 10n ** 15n, status: 'upper-bound', note: null })).toBe('≤ 0.001 ETH');
    expect(feePartText(ok(0n))).toBe('0 ETH');
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
