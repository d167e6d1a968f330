import { formatAmount, formatPercent, formatUsd, shortAddress } from '../../format/index';
import type { Position } from '../../portfolio/types';
import { type GaugeInfo, isSlipstreamPosition, isVelodromeLock, isVelodromePool } from './types';

function dateOf(seconds: bigint): string {
  return new Date(Number(seconds) * 1000).toISOString().slice(0, 10);
}

export function gaugeLine(g: GaugeInfo): string {
  const state = {
    emitting: 'emitting',
    'no-emissions': 'no emissions',
    'period-ended': `reward period ended ${g.periodFinish !== null ? dateOf(g.periodFinish) : ''}`.trim(),
    killed: 'killed',
    unreadable: 'unreadable',
  }[g.state];
  const staked = g.stakedUsdE18 !== null ? `, ${formatUsd(g.stakedUsdE18)} staked` : '';
  return `gauge ${shortAddress(g.address)}: ${state}${staked}`;
}

/** CLI lines under a Velodrome position: side, gauge, what the yield is (or why there is none). */
export function velodromeLines(p: Position): string[] {
  const d = p.details;
  if (isVelodromePool(d)) {
    const lines = [
      `${d.stable ? 'stable' : 'volatile'} pool ${shortAddress(d.pool)}, ${d.staked ? 'staked in gauge' : 'unstaked'}, ${formatAmount(d.lpBalance, 18)} LP of ${formatAmount(d.totalSupply, 18)}`,
    ];
    if (d.gauge) lines.push(gaugeLine(d.gauge));
    lines.push(
      d.unreliableApr !== null ? `${d.yieldNote} (computed ${formatPercent(d.unreliableApr)})` : d.yieldNote,
    );
    return lines;
  }
  if (isSlipstreamPosition(d)) {
    const range =
      d.rangeStatus === null ? 'range unknown' : d.closed ? 'closed' : d.rangeStatus.replace('-', ' ');
    const lines = [
      `Slipstream #${d.tokenId}, tick spacing ${d.tickSpacing}, ${d.staked ? 'staked in gauge' : 'unstaked'}, ticks [${d.tickLower}, ${d.tickUpper}] (${range}), ${d.token1.symbol} per ${d.token0.symbol} ${d.prices.token0.lower}–${d.prices.token0.upper}`,
    ];
    if (d.gauge) lines.push(gaugeLine(d.gauge).replace(' staked', ' staked in range'));
    if (d.gaugeFees)
      lines.push(
        `pool's fees for the gauge (to voters): ${formatAmount(d.gaugeFees.amount0, d.token0.decimals)} ${d.token0.symbol}, ${formatAmount(d.gaugeFees.amount1, d.token1.decimals)} ${d.token1.symbol}`,
      );
    lines.push(
      d.unreliableApr !== null ? `${d.yieldNote} (computed ${formatPercent(d.unreliableApr)})` : d.yieldNote,
    );
    return lines;
  }
  if (isVelodromeLock(d)) {
    const lines = [
      `locked ${formatAmount(d.amount, 18)} VELO, ${d.permanent ? 'permanent' : d.expired ? `expired ${dateOf(d.end)}` : `unlocks ${dateOf(d.end)}`}, voting power ${d.votingPower === null ? 'unknown' : formatAmount(d.votingPower, 18)}`,
    ];
    if (d.votes.length > 0)
      lines.push(`votes: ${d.votes.map((v) => `${v.label} ${formatAmount(v.weight, 18)}`).join(', ')}`);
    else lines.push('no votes cast');
    lines.push(d.yieldNote);
    return lines;
  }
  return [];
}
