'use client';

import dynamic from 'next/dynamic';
import { memo, useDeferredValue, useMemo } from 'react';
import { CHAIN_IDS } from '@/lib/chains/registry';
import { type BaseFeeReading, chartSeries, cheapestColumns, type FeeColumn } from '@/lib/fees/view';
import { FEE_PAGE_REFRESH_MS } from '@/lib/query/fees';
import { useFeeColumns, useFeeHistories, useSessionReadings } from '../hooks/useFees';
import { useSettings } from '../settings/SettingsProvider';
import { buttonClass, Card, Skeleton } from '../ui/primitives';
import { WhenNear } from '../ui/WhenNear';
import { FeeModelNotes } from './FeeModelNotes';
import { FeeTable } from './FeeTable';

// recharts is the largest dependency of the page: the table renders first; the chart (below it) is fetched
// once it nears the screen.
const BaseFeeChart = dynamic(() => import('./BaseFeeChart').then((m) => m.BaseFeeChart), {
  ssr: false,
  loading: () => <Skeleton className="h-64 w-full" />,
});

/**
 * The quoted part of /fees (its own chunk: the fee readers and viem). The cards below the table
 * appear once every column has settled, so the table growing as quotes land moves nothing on screen.
 */
export function FeesLive() {
  const { networkName } = useSettings();
  const { columns, refetch } = useFeeColumns();
  const histories = useFeeHistories();
  const readings = useSessionReadings(columns);
  const refreshing = columns.some((c) => c.status === 'ready' && c.refreshing);
  // A quote's arrival first redraws only the frame; the table, chart and notes follow as one interruptible
  // render (memoised on what was drawn), so no answer holds the main thread in one long task.
  const view = useDeferredValue(
    useMemo(() => ({ columns, histories, readings }), [columns, histories, readings]),
  );

  return (
    <>
      <Card className="p-2" aria-label="Fees per action and chain">
        <div className="flex flex-wrap items-center justify-between gap-2 px-2 pt-1">
          <p className="text-xs text-zinc-600 dark:text-zinc-300">
            {networkName ?? '…'} · re-quoted every {FEE_PAGE_REFRESH_MS / 1000} s while this tab is visible,
            paused when it is hidden
          </p>
          <button type="button" className={buttonClass} onClick={refetch} disabled={refreshing}>
            {refreshing ? 'Refreshing…' : 'Refresh'}
          </button>
        </div>
        <FeesTableView columns={view.columns} />
      </Card>
      <FeesBelow {...view} />
    </>
  );
}

const FeesTableView = memo(function FeesTableView({ columns }: { columns: readonly FeeColumn[] }) {
  const settled = columns.every((c) => c.status !== 'loading');
  return (
    <div className={settled ? '' : 'min-h-[60svh]'}>
      <FeeTable columns={columns} cheapest={cheapestColumns(columns)} />
    </div>
  );
});

const FeesBelow = memo(function FeesBelow({
  columns,
  histories,
  readings,
}: {
  columns: readonly FeeColumn[];
  histories: ReturnType<typeof useFeeHistories>;
  readings: readonly BaseFeeReading[];
}) {
  if (!columns.every((c) => c.status !== 'loading')) return null;
  const series = CHAIN_IDS.map((chainId, i) =>
    chartSeries(chainId, histories[i]?.history ?? null, histories[i]?.error ?? null, readings),
  );
  return (
    <>
      <Card className="p-4" aria-labelledby="base-fee-title">
        <h2 id="base-fee-title" className="mb-2 font-semibold">
          Base fee
        </h2>
        <WhenNear className="min-h-64" placeholder={<Skeleton className="h-64 w-full" />}>
          <BaseFeeChart series={series} />
        </WhenNear>
      </Card>
      <Card className="p-4" aria-labelledby="fee-models-title">
        <h2 id="fee-models-title" className="mb-2 font-semibold">
          How each chain is quoted
        </h2>
        <FeeModelNotes columns={columns} />
      </Card>
    </>
  );
});
