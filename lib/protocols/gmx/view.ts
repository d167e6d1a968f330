import { formatAmount, formatPercent } from '../../format/index';
import type { Position } from '../../portfolio/types';
import { type GmxTrackerReading, isGmxDetails } from './types';

/** One tracker in words: what it pays, at what rate for this account, or why that is unknown. */
export function trackerLine(t: GmxTrackerReading): string {
  const claimable = `${formatAmount(t.claimable, t.rewardDecimals)} ${t.rewardSymbol} claimable`;
  if (t.side === 'points') return `${t.name}: ${claimable} (multiplier points)`;
  const rate = t.apr === null ? (t.note ?? 'APR unknown') : `${formatPercent(t.apr)} a year`;
  return `${t.name}: ${claimable}, ${t.side === 'base' ? 'fees' : 'emissions'} ${rate}`;
}

/** CLI lines under a GMX position. */
export function gmxPositionLines(p: Position): string[] {
  const d = p.details;
  if (!isGmxDetails(d)) return [];
  if (d.position === 'vesting') {
    return [
      `vesting ${formatAmount(d.deposited, 18)} esGMX: ${formatAmount(d.vested, 18)} vested, ${formatAmount(d.claimable, 18)} GMX claimable, ${formatAmount(d.remaining, 18)} to go (${Number(d.vestingDuration / 86_400n)}-day vesting)`,
      `reserved while vesting: ${formatAmount(d.reservedPair, 18)} staked tokens`,
    ];
  }
  const lines = d.trackers.map(trackerLine);
  if (d.position === 'staking') {
    lines.unshift(
      `multiplier points staked ${d.multiplierPoints === null ? 'unreadable' : formatAmount(d.multiplierPoints, 18)}`,
    );
  } else lines.unshift('GLP is legacy: GMX V1, wound down after the July 2025 exploit');
  return lines;
}
