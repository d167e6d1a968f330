import { type RangeView, sideText } from '@/lib/protocols/uniswap-v3/format';

/** The bar spans the range plus this much on each side (in range widths), so an outside price still shows. */
const PAD = 0.6;
/** A price further out than this (in range widths) is pinned to the bar's end. */
const REACH = 0.5;

const toPercent = (x: number) => `${(((x + PAD) / (1 + 2 * PAD)) * 100).toFixed(2)}%`;

/**
 * A position's price range as a bar, on a tick (log-price) scale, with the current price marked. Out-of-range
 * prices sit beside the range (pinned to the end when far away); a full-range position fills the bar.
 */
export function RangeBar({ view }: { view: RangeView }) {
  const unit = `${view.quote.symbol} per ${view.base.symbol}${view.inBaseUnits ? ' (base units)' : ''}`;
  const label = view.fullRange
    ? `Full range; current price ${view.current ?? 'unknown'} ${unit}; ${sideText(view.side)}`
    : `Range ${view.lower} to ${view.upper} ${unit}; current price ${view.current ?? 'unknown'}; ${sideText(view.side)}`;
  const position = view.position;
  const pinned = position !== null && (position < -REACH || position > 1 + REACH);
  const marker = position === null ? null : Math.min(1 + REACH, Math.max(-REACH, position));
  const inRange = view.side === 'in-range';
  const segment = view.fullRange
    ? { left: '0%', width: '100%' }
    : { left: toPercent(0), width: `${(100 / (1 + 2 * PAD)).toFixed(2)}%` };
  return (
    <div className="w-full" role="img" aria-label={label} data-testid="range-bar" data-side={view.side}>
      <div className="relative h-3 w-full rounded-full bg-zinc-100 dark:bg-zinc-800">
        <div
          className={`absolute top-0 h-3 rounded-full ${
            inRange ? 'bg-emerald-400/70 dark:bg-emerald-500/60' : 'bg-zinc-300 dark:bg-zinc-600'
          }`}
          style={segment}
        />
        {marker !== null ? (
          <div
            className={`absolute -top-1 h-5 w-0.5 -translate-x-1/2 ${
              inRange ? 'bg-emerald-700 dark:bg-emerald-300' : 'bg-amber-600 dark:bg-amber-400'
            }`}
            style={{
              left: view.fullRange
                ? `${(Math.min(1, Math.max(0, marker)) * 100).toFixed(2)}%`
                : toPercent(marker),
            }}
            title={pinned ? 'the current price is far outside the range' : undefined}
          />
        ) : null}
      </div>
      {view.fullRange ? null : (
        <div
          className="relative mt-1 h-4 text-[11px] tabular-nums text-zinc-600 dark:text-zinc-300"
          aria-hidden="true"
        >
          <span className="absolute -translate-x-1/2 whitespace-nowrap" style={{ left: toPercent(0) }}>
            {view.lower}
          </span>
          <span className="absolute -translate-x-1/2 whitespace-nowrap" style={{ left: toPercent(1) }}>
            {view.upper}
          </span>
        </div>
      )}
    </div>
  );
}
