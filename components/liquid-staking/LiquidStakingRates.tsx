import { formatPercent } from '@/lib/format/index';
import { isLiquidStakingSummary } from '@/lib/protocols/liquid-staking/types';
import { rateText } from '@/lib/protocols/liquid-staking/view';
import type { ProtocolViewProps } from '../positions/types';
import { Badge } from '../ui/primitives';

/**
 * Liquid staking tokens on this chain: each one's exchange rate (the feed that values it wherever it is
 * held) and the staking rate its growth stands for, which is added to every position holding it.
 */
export function LiquidStakingRates({ summary }: ProtocolViewProps) {
  if (!isLiquidStakingSummary(summary)) return null;
  return (
    <div className="space-y-1 text-sm">
      <ul className="divide-y divide-zinc-100 dark:divide-zinc-800">
        {summary.rates.map((r) => (
          <li
            key={r.token}
            className="flex flex-wrap items-start justify-between gap-2 py-2"
            data-testid="lst-rate"
            data-symbol={r.symbol}
          >
            <div className="min-w-0">
              <p className="font-medium">
                {r.symbol}{' '}
                {r.status !== 'ok' ? (
                  <Badge tone={r.status === 'stale' ? 'warn' : 'bad'}>
                    {r.status === 'stale' ? 'stale rate' : 'rate unavailable'}
                  </Badge>
                ) : null}
              </p>
              <p className="text-xs text-zinc-600 dark:text-zinc-300">
                {rateText(r) ?? `${r.pair} rate unavailable`} · {r.pair} exchange-rate feed
              </p>
              {r.note ? (
                <p className="text-xs text-amber-700 dark:text-amber-400" role="note">
                  {r.note}
                </p>
              ) : null}
            </div>
            <div className="text-right text-xs">
              {r.apr === null ? (
                <span className="text-zinc-600 dark:text-zinc-300">staking yield unknown</span>
              ) : (
                <span title={r.source} data-testid="lst-apr">
                  <span className="text-sm font-medium tabular-nums">{formatPercent(r.apr)}</span> a year
                  staking · {r.window} · compounds in the rate
                </span>
              )}
            </div>
          </li>
        ))}
      </ul>
      {summary.unavailable.length > 0 ? (
        <ul className="text-xs text-zinc-600 dark:text-zinc-300">
          {summary.unavailable.map((u) => (
            <li key={u.symbol}>
              {u.symbol}: no rate feed here — {u.reason}
            </li>
          ))}
        </ul>
      ) : null}
      <p className="text-xs text-zinc-600 dark:text-zinc-300">
        Counted in the positions that hold these tokens (wallet, Aave, pools), never on its own.
      </p>
    </div>
  );
}
