'use client';

import { headerSummary } from '@/lib/fees/view';
import { FEE_SUMMARY_REFRESH_MS } from '@/lib/query/fees';
import { useFeeColumns } from '../hooks/useFees';
import { FeeSummary } from './FeeSummary';

/**
 * The dashboard header's compact fee summary, fed by the same per-chain quotes as /fees (shared query
 * cache), refreshed more slowly here. It lives in the dashboard, not the site header, so pages that
 * must make no RPC call (a bad address) make none.
 */
export function DashboardFeeSummary() {
  const { columns } = useFeeColumns(FEE_SUMMARY_REFRESH_MS);
  return <FeeSummary entries={headerSummary(columns)} />;
}
