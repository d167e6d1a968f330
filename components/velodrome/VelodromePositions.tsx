import { formatAmount, formatPercent } from '@/lib/format/index';
import type { Position } from '@/lib/portfolio/types';
import { gaugeLine } from '@/lib/protocols/velodrome/format';
import { isSlipstreamPosition, isVelodromeLock, isVelodromePool } from '@/lib/protocols/velodrome/types';
import { AssetAmountText, chainTime, PositionValueAndYield, PriceFlag } from '../positions/figures';
import type { ProtocolViewProps } from '../positions/types';

function Amounts({ p }: { p: Position }) {
  return (
    <ul className="text-zinc-600 dark:text-zinc-300">
      {p.assets.map((a) => (
        <li key={`asset-${a.token}`} className="flex items-center gap-1.5">
          <AssetAmountText asset={a} /> <PriceFlag price={a.price} />
        </li>
      ))}
      {p.rewards
        .filter((a) => a.amount > 0n)
        .map((a) => (
          <li key={`reward-${a.token}`} className="flex items-center gap-1.5">
            <span className="text-xs text-zinc-600 dark:text-zinc-300">claimable</span>{' '}
            <AssetAmountText asset={a} /> <PriceFlag price={a.price} />
          </li>
        ))}
    </ul>
  );
}

function Detail({ p }: { p: Position }) {
  const d = p.details;
  if (isVelodromePool(d)) {
    return (
      <div className="text-xs text-zinc-600 dark:text-zinc-300">
        <p>
          {d.stable ? 'Stable' : 'Volatile'} pool · {d.staked ? 'staked in its gauge' : 'unstaked'}
          {d.gauge ? ` · ${gaugeLine(d.gauge)}` : ' · no gauge'}
        </p>
        <p data-testid="velodrome-yield-note">
          {d.yieldNote}
          {d.unreliableApr !== null ? ` (computed ${formatPercent(d.unreliableApr)}, unreliable)` : ''}
        </p>
      </div>
    );
  }
  if (isSlipstreamPosition(d)) {
    const range =
      d.rangeStatus === null ? 'range unknown' : d.closed ? 'closed' : d.rangeStatus.replace('-', ' ');
    return (
      <div className="text-xs text-zinc-600 dark:text-zinc-300" data-testid="slipstream-details">
        <p>
          Slipstream #{d.tokenId.toString()} · tick spacing {d.tickSpacing} ·{' '}
          {d.staked ? 'staked in its gauge' : 'unstaked'} ·{' '}
          <span data-testid="slipstream-range">{range}</span>
        </p>
        <p>
          {d.token0.symbol} {d.prices.token0.lower}–{d.prices.token0.upper} {d.token1.symbol}
          {d.prices.token0.current !== null ? ` (now ${d.prices.token0.current})` : ''}
        </p>
        {d.gauge ? <p>{gaugeLine(d.gauge).replace(' staked', ' staked in range')}</p> : null}
        {d.gaugeFees ? (
          <p>
            Pool's fees for the gauge (to voters): {formatAmount(d.gaugeFees.amount0, d.token0.decimals)}{' '}
            {d.token0.symbol}, {formatAmount(d.gaugeFees.amount1, d.token1.decimals)} {d.token1.symbol}
          </p>
        ) : null}
        <p data-testid="velodrome-yield-note">
          {d.yieldNote}
          {d.unreliableApr !== null ? ` (computed ${formatPercent(d.unreliableApr)}, unreliable)` : ''}
        </p>
      </div>
    );
  }
  if (isVelodromeLock(d)) {
    return (
      <div className="text-xs text-zinc-600 dark:text-zinc-300">
        <p>
          {d.permanent
            ? 'Permanent lock'
            : d.expired
              ? `Expired ${chainTime(d.end)}`
              : `Unlocks ${chainTime(d.end)}`}{' '}
          · voting power {d.votingPower === null ? 'unknown' : formatAmount(d.votingPower, 18)}
        </p>
        <p>
          {d.votes.length > 0
            ? `Votes for ${d.votes.map((v) => `${v.label} (${formatAmount(v.weight, 18)})`).join(', ')}`
            : 'No votes cast'}
        </p>
        <p data-testid="velodrome-yield-note">{d.yieldNote}</p>
      </div>
    );
  }
  return null;
}

/**
 * Velodrome on one chain: V2 LP and Slipstream positions, unstaked and staked in gauges, and veVELO locks,
 * each saying what it earns.
 */
export function VelodromePositions({ positions }: ProtocolViewProps) {
  return (
    <ul className="divide-y divide-zinc-100 text-sm dark:divide-zinc-800" data-testid="velodrome-positions">
      {positions.map((p) => {
        return (
          <li
            key={p.id}
            className="flex flex-wrap items-start justify-between gap-2 py-2"
            data-testid="position"
            data-position-id={p.id}
            data-kind={p.kind}
          >
            <div className="min-w-0 space-y-0.5">
              <p className="font-medium">
                {p.label}{' '}
                <span className="text-xs font-normal text-zinc-600 dark:text-zinc-300">{p.kind}</span>
              </p>
              <Amounts p={p} />
              <Detail p={p} />
              {p.warning ? <p className="text-xs text-amber-700 dark:text-amber-400">{p.warning}</p> : null}
            </div>
            <PositionValueAndYield position={p} />
          </li>
        );
      })}
    </ul>
  );
}
