'use client';

import { useQueries } from '@tanstack/react-query';
import { useEffect, useState, useSyncExternalStore } from 'react';
import { errorMessage } from '@/lib/chains/errors';
import { CHAIN_IDS } from '@/lib/chains/registry';
import type { ChainFeeHistory } from '@/lib/fees/history';
import { type BaseFeeReading, type FeeColumn, ReadingLog, readingOf } from '@/lib/fees/view';
import { chainFeesQueryOptions, FEE_PAGE_REFRESH_MS, feeHistoryQueryOptions } from '@/lib/query/fees';
import { useSettings } from '../settings/SettingsProvider';
import { useStableItems } from './useStableItems';

/**
 * One fee quote per chain (so one chain failing never blanks the others), re-read every `refreshMs`
 * while the tab is visible. Returns the table's columns and a refresh-all.
 */
export function useFeeColumns(refreshMs = FEE_PAGE_REFRESH_MS): {
  columns: FeeColumn[];
  refetch: () => void;
} {
  const { network } = useSettings();
  const queries = useQueries({
    queries: CHAIN_IDS.map((chainId) =>
      network
        ? chainFeesQueryOptions(network, chainId, refreshMs)
        : { queryKey: ['layerglass', 'fees', 'pending', chainId], queryFn: () => null, enabled: false },
    ),
  });
  const fresh = CHAIN_IDS.map((chainId, i): FeeColumn => {
    const q = queries[i];
    // A failed refresh is shown as a failure: the last good quote is from an older block and must not
    // pass for current (React Query keeps it in `data` next to the new `error`).
    if (q?.error) {
      const last = q.data ? ` (last good quote at block ${q.data.blockNumber})` : '';
      return { chainId, status: 'error', error: `${errorMessage(q.error)}${last}` };
    }
    if (q?.data) return { chainId, status: 'ready', quote: q.data, refreshing: q.isFetching };
    return { chainId, status: 'loading' };
  });
  const columns = useStableItems(fresh, sameColumn);
  return {
    columns,
    refetch: () => {
      for (const q of queries) void q.refetch();
    },
  };
}

/** Each chain's base-fee history from eth_feeHistory (null with an error where the RPC lacks it). */
export function useFeeHistories(): { history: ChainFeeHistory | null; error: string | null }[] {
  const { network } = useSettings();
  const queries = useQueries({
    queries: CHAIN_IDS.map((chainId) =>
      network
        ? feeHistoryQueryOptions(network, chainId)
        : {
            queryKey: ['layerglass', 'fees', 'history', 'pending', chainId],
            queryFn: () => null,
            enabled: false,
          },
    ),
  });
  return useStableItems(
    queries.map((q) => ({
      history: q.data ?? null,
      error: q.error ? `base-fee history unavailable: ${errorMessage(q.error)}` : null,
    })),
    (a, b) => a.history === b.history && a.error === b.error,
  );
}

function sameColumn(a: FeeColumn, b: FeeColumn): boolean {
  if (a.chainId !== b.chainId || a.status !== b.status) return false;
  if (a.status === 'ready' && b.status === 'ready')
    return a.quote === b.quote && a.refreshing === b.refreshing;
  if (a.status === 'error' && b.status === 'error') return a.error === b.error;
  return true;
}

/** The base fees read by the quotes since the page opened, one per chain and block. */
export function useSessionReadings(columns: readonly FeeColumn[]): readonly BaseFeeReading[] {
  const [log] = useState(() => new ReadingLog());
  const readings = useSyncExternalStore(log.subscribe, log.snapshot, log.snapshot);
  const blocks = columns
    .map((c) => (c.status === 'ready' ? `${c.chainId}:${c.quote.blockNumber}` : ''))
    .join(',');
  // biome-ignore lint/correctness/useExhaustiveDependencies: `blocks` is the change to record; columns carry it
  useEffect(() => {
    for (const c of columns) if (c.status === 'ready') log.add(readingOf(c.quote));
  }, [blocks, log]);
  return readings;
}
