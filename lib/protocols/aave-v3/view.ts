import { formatPercent, formatUsd } from '../../format/index';
import { HEALTH_SAFE_WAD, HEALTH_WARNING_WAD, type HealthBand, WAD } from './math';
import type { AaveV3Health, AaveV3Summary } from './types';

/**
 * Presentation of Aave V3 figures, shared by the CLI and the components (which stay free of logic).
 * Health factors are cut, never rounded, to two decimals: 1.0999 reads 1.09, not 1.10.
 */

export function formatHealthFactor(factorWad: bigint): string {
  const hundredths = factorWad / (WAD / 100n);
  if (hundredths >= 100_000n) return '>1000';
  return `${hundredths / 100n}.${(hundredths % 100n).toString().padStart(2, '0')}`;
}

export const BAND_LABELS: Record<HealthBand, string> = {
  liquidatable: 'Liquidatable',
  'at-risk': 'At risk of liquidation',
  moderate: 'Moderate',
  safe: 'Safe',
};

export interface HealthGauge {
  /** '∞' for no debt, '—' when unavailable, else the factor cut to two decimals. */
  text: string;
  label: string;
  band: HealthBand | 'no-debt' | 'unavailable';
  /** Marker position on the gauge, 0..1 (see `gaugePosition`); null if unknown. */
  position: number | null;
  /** True under 1.1: the dashboard shows a warning. */
  warn: boolean;
  /** Band edges on the same scale, for drawing: liquidation at 0, the warning line, the safe line. */
  marks: { warning: number; safe: number };
}

/**
 * Where a health factor sits on the gauge: piecewise linear so the narrow danger band stays visible.
 * 1.0 (liquidation) → 0, 1.1 → 0.15, 3.0 → 0.75, 4.0 and above → 1; below 1.0 pins to 0.
 */
const GAUGE_STOPS: readonly [number, number][] = [
  [1, 0],
  [1.1, 0.15],
  [3, 0.75],
  [4, 1],
];
export function gaugePosition(factor: number): number {
  const first = GAUGE_STOPS[0];
  if (!first || factor <= first[0]) return 0;
  for (let i = 1; i < GAUGE_STOPS.length; i++) {
    const [x0, y0] = GAUGE_STOPS[i - 1] ?? first;
    const [x1, y1] = GAUGE_STOPS[i] ?? first;
    if (factor <= x1) return y0 + ((factor - x0) / (x1 - x0)) * (y1 - y0);
  }
  return 1;
}

const wadNumber = (wad: bigint) => Number(wad) / 1e18;

export function healthGauge(health: AaveV3Health): HealthGauge {
  const marks = {
    warning: gaugePosition(wadNumber(HEALTH_WARNING_WAD)),
    safe: gaugePosition(wadNumber(HEALTH_SAFE_WAD)),
  };
  if (health.state === 'no-debt') {
    return { text: '∞', label: 'No debt', band: 'no-debt', position: 1, warn: false, marks };
  }
  if (health.state === 'unavailable') {
    return { text: '—', label: 'Unavailable', band: 'unavailable', position: null, warn: false, marks };
  }
  return {
    text: formatHealthFactor(health.factorWad),
    label: BAND_LABELS[health.band],
    band: health.band,
    position: gaugePosition(wadNumber(health.factorWad)),
    warn: health.factorWad < HEALTH_WARNING_WAD,
    marks,
  };
}

/** Lines the CLI prints under a chain's positions. */
export function aaveV3SummaryLines(s: AaveV3Summary): string[] {
  const gauge = healthGauge(s.health);
  const lines = [
    `aave-v3 health factor ${gauge.text} (${gauge.label})${gauge.warn ? '  ! under 1.1: close to liquidation' : ''}` +
      (s.health.state === 'unavailable' ? `  ! ${s.health.reason}` : ''),
  ];
  if (s.usd && s.account) {
    lines.push(
      `        collateral ${formatUsd(s.usd.collateral)}, debt ${formatUsd(s.usd.debt)}, can still borrow ${formatUsd(s.usd.availableBorrows)}; ` +
        `LTV ${formatPercent(Number(s.account.ltvBps) / 10_000)}, liquidation threshold ${formatPercent(Number(s.account.liquidationThresholdBps) / 10_000)}`,
    );
  }
  lines.push(
    `        net APY ${s.netApy === null ? '—' : formatPercent(s.netApy)}${s.netApyNote ? ` (${s.netApyNote})` : ''}`,
  );
  for (const n of s.notices) lines.push(`        ! ${n.symbol} ${n.issue}: ${n.detail}`);
  for (const w of s.warnings) lines.push(`        ! ${w}`);
  if (s.incentives.state === 'unreadable')
    lines.push(`        ! incentives unreadable: ${s.incentives.reason}`);
  return lines;
}
