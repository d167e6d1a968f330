import { formatUsd } from '@/lib/format/index';
import { positionValue } from '@/lib/portfolio/value';
import { isCamelotDetails } from '@/lib/protocols/camelot/types';
import { AssetAmountText, chainTime, PriceFlag, YieldText } from '../positions/figures';
import type { ProtocolViewProps } from '../positions/types';
import { Badge } from '../ui/primitives';

/** Camelot V2 LP in the wallet and staked as spNFTs: amounts, share, lock, multiplier, pending GRAIL/xGRAIL. */
export function CamelotPositions({ positions }: ProtocolViewProps) {
  return (
    <ul className="divide-y divide-zinc-100 text-sm dark:divide-zinc-800">
      {positions.map((p) => {
        const d = isCamelotDetails(p.details) ? p.details : null;
        const sp = d?.spNft ?? null;
        const value = positionValue(p);
        return (
          <li
            key={p.id}
            className="flex flex-wrap items-start justify-between gap-2 py-2"
            data-testid="camelot-position"
            data-kind={sp ? 'spnft' : 'lp'}
          >
            <div className="min-w-0 space-y-0.5">
              <p className="font-medium">
                {p.label} {sp ? <Badge tone="neutral">spNFT</Badge> : null}
                {d ? (
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
              {sp ? (
                <p className="text-xs text-zinc-600 dark:text-zinc-300" data-testid="spnft-lock">
                  {sp.lockEnd === null ? 'unlocked' : `locked until ${chainTime(sp.lockEnd).slice(0, 10)}`} ·
                  multiplier ×{sp.multiplier.toFixed(2)}
                </p>
              ) : null}
              {p.rewards.length > 0 ? (
                <ul className="text-xs text-zinc-600 dark:text-zinc-300" data-testid="spnft-pending">
                  {p.rewards.map((a) => (
                    <li key={`r-${a.token}`} className="flex items-center gap-1.5">
                      <span className="text-zinc-600 dark:text-zinc-300">pending</span>{' '}
                      <AssetAmountText asset={a} /> <PriceFlag price={a.price} />
                    </li>
                  ))}
                </ul>
              ) : null}
              {d?.poolImplied.map((n) => (
                <p key={n} className="text-xs text-zinc-600 dark:text-zinc-300">
                  {n}
                </p>
              ))}
              {d?.yieldNotes.map((n) => (
                <p key={n} className="text-xs text-zinc-600 dark:text-zinc-300">
                  {n}
                </p>
              ))}
              {p.warning ? <p className="text-xs text-amber-700 dark:text-amber-400">{p.warning}</p> : null}
            </div>
            <div className="text-right">
              <p className="tabular-nums">
                {value.unpriced > 0 && value.usdE18 === 0n ? '—' : formatUsd(value.usdE18)}
              </p>
              <p className="text-xs" data-testid="camelot-yield">
                <YieldText value={p.yield} />
              </p>
            </div>
          </li>
        );
      })}
    </ul>
  );
}
