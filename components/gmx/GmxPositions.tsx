import { formatAmount, formatPercent, formatUsd } from '@/lib/format/index';
import type { Position } from '@/lib/portfolio/types';
import { positionValue } from '@/lib/portfolio/value';
import type { GmxTrackerReading } from '@/lib/protocols/gmx/types';
import { isGmxDetails } from '@/lib/protocols/gmx/types';
import { AssetAmountText, PriceFlag, YieldText } from '../positions/figures';
import type { ProtocolViewProps } from '../positions/types';
import { Badge } from '../ui/primitives';

function TrackerTable({ trackers }: { trackers: GmxTrackerReading[] }) {
  return (
    <table className="mt-1 w-full text-xs" data-testid="gmx-trackers">
      <thead className="text-left text-zinc-600 dark:text-zinc-300">
        <tr>
          <th className="font-normal">Tracker</th>
          <th className="font-normal">Pays</th>
          <th className="text-right font-normal">Claimable</th>
          <th className="text-right font-normal">Your rate</th>
        </tr>
      </thead>
      <tbody>
        {trackers.map((t) => (
          <tr key={t.address} data-testid="gmx-tracker" data-tracker={t.name}>
            <td>{t.name}</td>
            <td>
              {t.rewardSymbol}{' '}
              {t.side === 'base' ? '(fees)' : t.side === 'reward' ? '(emissions)' : '(multiplier points)'}
            </td>
            <td className="text-right font-mono tabular-nums">
              {formatAmount(t.claimable, t.rewardDecimals)}
            </td>
            <td className="text-right tabular-nums" title={t.note ?? undefined}>
              {t.side === 'points' ? '—' : t.apr === null ? 'unknown' : formatPercent(t.apr)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Figures({ p }: { p: Position }) {
  const value = positionValue(p);
  return (
    <div className="text-right">
      <p className="tabular-nums">
        {value.unpriced > 0 && value.usdE18 === 0n ? '—' : formatUsd(value.usdE18)}
      </p>
      <p className="text-xs">
        {p.yield === null ? (
          <span className="text-zinc-600 dark:text-zinc-300">yield unknown (see note)</span>
        ) : (
          <YieldText value={p.yield} />
        )}
      </p>
    </div>
  );
}

/** GMX staking (staked GMX/esGMX, multiplier points, per-tracker rewards), vesting, and legacy GLP. */
export function GmxPositions({ positions }: ProtocolViewProps) {
  return (
    <ul className="divide-y divide-zinc-100 text-sm dark:divide-zinc-800" data-testid="gmx">
      {positions.map((p) => {
        const d = p.details;
        if (!isGmxDetails(d)) return null;
        return (
          <li key={p.id} className="space-y-1 py-2" data-testid="gmx-position" data-position={d.position}>
            <div className="flex flex-wrap items-start justify-between gap-2">
              <div className="min-w-0">
                <p className="font-medium">
                  {p.label} {d.position === 'glp' ? <Badge tone="warn">legacy (GMX V1)</Badge> : null}
                </p>
                <ul className="text-zinc-600 dark:text-zinc-300">
                  {p.assets.map((a) => (
                    <li key={a.token} className="flex items-center gap-1.5">
                      <AssetAmountText asset={a} /> <PriceFlag price={a.price} />
                      {a.price.note ? (
                        <span className="text-xs text-zinc-600 dark:text-zinc-300">{a.price.note}</span>
                      ) : null}
                    </li>
                  ))}
                  {p.rewards.map((a) => (
                    <li key={`reward-${a.token}`} className="flex items-center gap-1.5">
                      <span className="text-xs text-zinc-600 dark:text-zinc-300">claimable</span>{' '}
                      <AssetAmountText asset={a} />
                    </li>
                  ))}
                </ul>
              </div>
              <Figures p={p} />
            </div>
            {d.position === 'staking' ? (
              <p className="text-xs text-zinc-600 dark:text-zinc-300" data-testid="gmx-mp">
                Multiplier points staked:{' '}
                {d.multiplierPoints === null ? 'unreadable' : formatAmount(d.multiplierPoints, 18)}
                {d.claimableMultiplierPoints !== null
                  ? ` (+${formatAmount(d.claimableMultiplierPoints, 18)} to claim)`
                  : ''}{' '}
                · they raise your fee share and have no value of their own
              </p>
            ) : null}
            {d.position === 'vesting' ? (
              <p className="text-xs text-zinc-600 dark:text-zinc-300" data-testid="gmx-vesting">
                {formatAmount(d.vested, 18)} of {formatAmount(d.deposited, 18)} esGMX vested (
                {formatAmount(d.claimable, 18)} GMX claimable), {formatAmount(d.remaining, 18)} to go over a{' '}
                {(d.vestingDuration / 86_400n).toString()}-day vesting; {formatAmount(d.reservedPair, 18)}{' '}
                staked tokens reserved meanwhile
              </p>
            ) : (
              <TrackerTable trackers={d.trackers} />
            )}
            {p.warning ? (
              <p className="text-xs text-amber-700 dark:text-amber-400" role="note">
                {p.warning}
              </p>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}
