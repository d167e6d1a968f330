import Link from 'next/link';
import type { SummaryEntry } from '@/lib/fees/view';

/** The header's compact fee summary: what an ETH transfer costs on each chain, linking to /fees. */
export function FeeSummary({ entries }: { entries: readonly SummaryEntry[] }) {
  return (
    <Link
      href="/fees"
      className="flex items-center gap-2 rounded-lg px-2 py-1 text-xs text-zinc-700 hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-sky-500 dark:text-zinc-300 dark:hover:bg-zinc-800"
      data-testid="fee-summary"
    >
      <span className="font-medium">Fees</span>
      <span className="sr-only">: cost of an ETH transfer on each chain, see all fees</span>
      {entries.map((e) => (
        <span
          key={e.chainId}
          className="hidden items-center gap-1 md:inline-flex"
          title={`${e.name}: ${e.detail}`}
        >
          <span
            aria-hidden="true"
            className="inline-block h-2 w-2 rounded-full"
            style={{ backgroundColor: e.color }}
          />
          <span className="sr-only">{e.name}</span>
          <span
            className={`tabular-nums ${e.cheapest ? 'font-semibold text-emerald-700 dark:text-emerald-400' : ''}`}
          >
            {e.text}
          </span>
          {e.cheapest ? <span className="sr-only">(cheapest)</span> : null}
        </span>
      ))}
    </Link>
  );
}
