import { describe, expect, it } from 'vitest';
import { HEALTH_WARNING_WAD, WAD } from './math';
import type { AaveV3Summary } from './types';
import { aaveV3SummaryLines, formatHealthFactor, gaugePosition, healthGauge } from './view';

describe('formatHealthFactor', () => {
  it('cuts to two decimals instead of rounding up across a threshold', () => {
    expect(formatHealthFactor(1_099_999_999_999_999_999n)).toBe('1.09');
    expect(formatHealthFactor(999_999_999_999_999_999n)).toBe('0.99');
    expect(formatHealthFactor(1_793_647_914_580_293_719n)).toBe('1.79');
    expect(formatHealthFactor(WAD * 5000n)).toBe('>1000');
  });
});

describe('healthGauge', () => {
  it('shows no debt as ∞, never as a huge number', () => {
    expect(healthGauge({ state: 'no-debt' })).toMatchObject({ text: '∞', band: 'no-debt', warn: false });
  });

  it('places the marker piecewise: 1 → 0, 1.1 → 0.15, 3 → 0.75, 4+ → 1', () => {
    expect(gaugePosition(0.5)).toBe(0);
    expect(gaugePosition(1)).toBe(0);
    expect(gaugePosition(1.1)).toBeCloseTo(0.15, 12);
    expect(gaugePosition(2.05)).toBeCloseTo(0.45, 12);
    expect(gaugePosition(3)).toBeCloseTo(0.75, 12);
    expect(gaugePosition(3.5)).toBeCloseTo(0.875, 12);
    expect(gaugePosition(40)).toBe(1);
  });

  it('warns under 1.1 and puts the marker against the warning line', () => {
    const under = healthGauge({ state: 'active', factorWad: HEALTH_WARNING_WAD - 1n, band: 'at-risk' });
    expect(under.warn).toBe(true);
    expect(under.position).toBeCloseTo(under.marks.warning, 9);
    const at = healthGauge({ state: 'active', factorWad: HEALTH_WARNING_WAD, band: 'moderate' });
    expect(at.warn).toBe(false);
    expect(healthGauge({ state: 'active', factorWad: WAD / 2n, band: 'liquidatable' }).position).toBe(0);
    expect(healthGauge({ state: 'active', factorWad: WAD * 10n, band: 'safe' }).position).toBe(1);
    expect(at.marks.warning).toBeLessThan(at.marks.safe);
  });

  it('has no marker when the factor is unavailable', () => {
    expect(healthGauge({ state: 'unavailable', reason: 'x' })).toMatchObject({ text: '—', position: null });
  });
});

describe('aaveV3SummaryLines', () => {
  const summary: AaveV3Summary = {
    type: 'aave-v3',
    chainId: 10,
    blockNumber: 1n,
    market: '0x0000000000000000000000000000000000000001',
    source: 'ui-pool-data-provider',
    baseCurrency: { unit: 100_000_000n, isUsd: true },
    account: {
      totalCollateralBase: 100_000_000n,
      totalDebtBase: 0n,
      availableBorrowsBase: 80_000_000n,
      ltvBps: 8000n,
      liquidationThresholdBps: 8250n,
      healthFactorWad: null,
    },
    accountError: null,
    health: { state: 'no-debt' },
    usd: { collateral: WAD, debt: 0n, availableBorrows: (WAD * 8n) / 10n },
    suppliedBase: 100_000_000n,
    borrowedBase: 0n,
    netApy: 0.0123,
    netApyNote: null,
    eModeCategory: 0,
    incentives: { state: 'none' },
    notices: [
      { asset: '0x0000000000000000000000000000000000000002', symbol: 'USDC', issue: 'frozen', detail: 'd' },
    ],
    warnings: [],
  };
  it('prints the health factor, the account figures, the net APY and the notices', () => {
    const text = aaveV3SummaryLines(summary).join('\n');
    expect(text).toContain('health factor ∞ (No debt)');
    expect(text).toContain('collateral $1.00, debt $0.00, can still borrow $0.80');
    expect(text).toContain('LTV 80.00%, liquidation threshold 82.50%');
    expect(text).toContain('net APY 1.23%');
    expect(text).toContain('! USDC frozen: d');
  });
});
