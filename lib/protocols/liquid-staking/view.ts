import { formatAmount, formatPercent } from '../../format/index';
import type { LiquidStakingRate, LiquidStakingSummary } from './types';

/** `1 wstETH = 1.2034 stETH` from a rate round, or null when there is none. */
export function rateText(r: LiquidStakingRate): string | null {
  if (!r.now || r.decimals === null) return null;
  return `1 ${r.symbol} = ${formatAmount(r.now.answer, r.decimals, 6)} ${r.underlying}`;
}

/** The staking rate in words: the figure with its window, or why there is none. */
export function stakingText(r: LiquidStakingRate): string {
  if (r.apr === null) return 'staking yield unknown';
  return `staking ${formatPercent(r.apr)} a year (${r.window}, compounds in the rate)`;
}

export function liquidStakingSummaryLines(s: LiquidStakingSummary): string[] {
  const lines = s.rates.map((r) => {
    const rate = rateText(r);
    const parts = [`${r.symbol}:`, rate ?? `${r.pair} rate unavailable`, `· ${stakingText(r)}`];
    if (r.status === 'stale') parts.push('[rate stale]');
    const note = r.note ? `\n      ! ${r.note}` : '';
    const source = r.apr !== null ? `\n      ${r.source}` : '';
    return `liquid staking ${parts.join(' ')}${source}${note}`;
  });
  for (const u of s.unavailable) lines.push(`liquid staking ${u.symbol}: no rate feed here — ${u.reason}`);
  return lines;
}
