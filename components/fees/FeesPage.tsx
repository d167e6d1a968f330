'use client';

import dynamic from 'next/dynamic';
import { CHAIN_IDS } from '@/lib/chains/registry';
import { chartSeries, cheapestColumns } from '@/lib/fees/view';
import { FEE_PAGE_REFRESH_MS } from '@/lib/query/fees';
import { useFeeColumns, useFeeHistories, useSessionReadings } from '../hooks/useFees';
import { useSettings } from '../settings/SettingsProvider';
import { buttonClass, Card, Skeleton } from '../ui/primitives';

// recharts is the largest dependency of the page: the table renders first, the chart streams in after.
const BaseFeeChart = dynamic(() => import('./BaseFeeChart').then((m) => m.BaseFeeChart), {
  ssr: false,
  loading: () => <Skeleton className="h-64 w-full" />,
});

import { FeeModelNotes } from './FeeModelNotes';
import { FeeTable } from './FeeTable';

/** /fees: the chains side by side, refreshed while the tab is visible, with the base-fee chart. */
export function FeesPage() {
  const { networkName } = useSettings();
  const { columns, refetch } = useFeeColumns();
  const histories = useFeeHistories();
  const readings = useSessionReadings(columns);
  const cheapest = cheapestColumns(columns);
  const series = CHAIN_IDS.map((chainId, i) =>
    chartSeries(chainId, histories[i]?.history ?? null, histories[i]?.error ?? null, readings),
  );
  const refreshing = columns.some((c) => c.status === 'ready' && c.refreshing);

  return (
    <div className="space-y-4">
      <Card className="p-4">
        <div className="flex flex-wrap items-start justify-between gap-3">
          <div>
            <h1 className="text-lg font-semibold">Chain fees</h1>
            <p className="text-sm text-zinc-600 dark:text-zinc-300">
              What a transaction costs right now, from each chain’s own fee mechanism, L1 data fee included.
              Gas units are estimated against the real contracts; ETH/USD comes from each chain’s on-chain
              feed.
            </p>
            <p className="mt-1 text-xs text-zinc-600 dark:text-zinc-300">
              {networkName ?? '…'} · re-quoted every {FEE_PAGE_REFRESH_MS / 1000} s while this tab is visible,
              paused when it is hidden
            </p>
          </div>
          <button type="button" className={buttonClass} onClick={refetch} disabled={refreshing}>
            {refreshing ? 'Refreshing…' : 'Refresh'}
          </button>
        </div>
      </Card>
      <Card className="p-2" aria-label="Fees per action and chain">
        <FeeTable columns={columns} cheapest={cheapest} />
      </Card>
      <Card className="p-4" aria-labelledby="base-fee-title">
        <h2 id="base-fee-title" className="mb-2 font-semibold">
          Base fee
        </h2>
        <BaseFeeChart series={series} />
      </Card>
      <Card className="p-4" aria-labelledby="fee-models-title">
        <h2 id="fee-models-title" className="mb-2 font-semibold">
          How each chain is quoted
        </h2>
        <FeeModelNotes columns={columns} />
      </Card>
    </div>
  );
}
