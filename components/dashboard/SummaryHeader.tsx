import type { ReactNode } from 'react';
import type { Address } from 'viem';
import { CopyableAddress } from './CopyableAddress';

/**
 * The top of an address's summary card: label, name and address on the left, the total and its badges on
 * the right. One layout for the dashboard and for its fallback while the dashboard's code loads, so the
 * address (the page's largest text) is painted once where it stays. Stacked on a phone whatever the
 * content's widths: a wrap decided by them flipped as content arrived (layout shift up to 0.19).
 */
export function SummaryHeader({
  live,
  label,
  name,
  address,
  total,
  badges,
}: {
  /** The dashboard itself (its heading and test ids), not the fallback drawn before it. */
  live: boolean;
  label: ReactNode;
  name?: string | undefined;
  address: Address;
  total: ReactNode;
  badges: ReactNode;
}) {
  const addressLine = <CopyableAddress address={address} />;
  return (
    <div className="flex flex-col gap-3 sm:flex-row sm:items-start sm:justify-between">
      <div className="min-w-0">
        {/* One text-xs line, whether it holds the label or a placeholder. */}
        <p className="flex h-4 items-center text-xs uppercase tracking-wide text-zinc-600 dark:text-zinc-300">
          {label}
        </p>
        {name ? (
          <p className="font-semibold" {...(live ? { 'data-testid': 'dashboard-name' } : {})}>
            {name}
          </p>
        ) : null}
        {live ? (
          <h1 className="text-sm sm:text-base" data-testid="dashboard-address">
            {addressLine}
          </h1>
        ) : (
          <p className="text-sm sm:text-base">{addressLine}</p>
        )}
      </div>
      <div className="text-right">
        <p className="text-xs text-zinc-600 dark:text-zinc-300">Total across chains</p>
        <p
          className="text-2xl font-semibold tabular-nums"
          {...(live ? { 'data-testid': 'portfolio-total' } : {})}
        >
          {total}
        </p>
        {/* Room for two lines of badges: a badge coming or going (loading, stale, unpriced) rewraps the row. */}
        <div className="mt-1 flex min-h-11 flex-wrap content-start justify-end gap-1">{badges}</div>
      </div>
    </div>
  );
}
