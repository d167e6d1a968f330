'use client';

import { IntentLink } from '../ui/IntentLink';

/**
 * The dashboard's way to what transacting costs now: a link to /fees, with no fee quote of its own. The
 * dashboard's requests are the portfolio's two rounds and nothing else (issue 9: no request the view does
 * not need); /fees quotes every chain when it is opened.
 */
export function DashboardFeeSummary() {
  return (
    <IntentLink
      href="/fees"
      className="flex items-center gap-2 rounded-lg px-2 py-1 text-xs text-zinc-700 hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-sky-500 dark:text-zinc-300 dark:hover:bg-zinc-800"
      data-testid="fee-summary"
    >
      <span className="font-medium">Fees now</span>
      <span aria-hidden="true">→</span>
      <span className="sr-only">: what a transfer, a swap and a supply cost on each chain</span>
    </IntentLink>
  );
}
