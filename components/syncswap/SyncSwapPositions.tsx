import { formatUsd } from '@/lib/format/index';
import { positionValue } from '@/lib/portfolio/value';
import { isSyncSwapDetails } from '@/lib/protocols/syncswap/types';
import { AssetAmountText, PriceFlag, YieldText } from '../positions/figures';
import type { ProtocolViewProps } from '../positions/types';
import { Badge } from '../ui/primitives';

/** SyncSwap LP in classic and stable pools: amounts, share of the pool, fee yield from the pool's invariant. */
export function SyncSwapPositions({ positions }: ProtocolViewProps) {
  return (
    <ul className="divide-y divide-zinc-100 text-sm dark:divide-zinc-800">
      {positions.map((p) => {
        const d = isSyncSwapDetails(p.details) ? p.details : null;
        const value = positionValue(p);
        return (
          <li
            key={p.id}
            className="flex flex-wrap items-start justify-between gap-2 py-2"
            data-testid="syncswap-position"
            data-kind={d?.poolKind ?? 'unknown'}
          >
            <div className="min-w-0 space-y-0.5">
              <p className="font-medium">
                {p.label} {d ? <Badge tone="neutral">{d.poolKind}</Badge> : null}
                {d && d.totalSupply > 0n ? (
                  <span className="text-xs font-normal text-zinc-600 dark:text-zinc-300">
                    {' '}
                    {(d.share * 100).toPrecision(3)}% of the pool
                  </span>
                ) : null}
              </p>
              <ul className="text-zinc-600 dark:text-zinc-300">
                {p.assets.map((a) => (
                  <li key={`a-${a.token}`} className="flex items-center gap-1.5">
                    <AssetAmountText asset={a} /> <PriceFlag price={a.price} />
                  </li>
                ))}
              </ul>
              {d?.poolImplied.map((n) => (
                <p key={n} className="text-xs text-zinc-600 dark:text-zinc-300">
                  {n}
                </p>
              ))}
              {d?.yieldNotes.map((n) => (
                <p key={n} className="text-xs text-zinc-600 dark:text-zinc-300" data-testid="syncswap-note">
                  {n}
                </p>
              ))}
              {p.warning ? (
                <p className="text-xs text-amber-700 dark:text-amber-400" data-testid="syncswap-warning">
                  {p.warning}
                </p>
              ) : null}
            </div>
            <div className="text-right">
              <p className="tabular-nums">
                {p.assets.length === 0 || (value.unpriced > 0 && value.usdE18 === 0n)
                  ? '—'
                  : formatUsd(value.usdE18)}
              </p>
              <p className="text-xs" data-testid="syncswap-yield">
                <YieldText value={p.yield} />
              </p>
            </div>
          </li>
        );
      })}
    </ul>
  );
}
