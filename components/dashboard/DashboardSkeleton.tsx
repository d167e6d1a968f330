import type { Address } from 'viem';
import { CHAIN_IDS } from '@/lib/chains/registry';
import { Badge, Card, Skeleton } from '../ui/primitives';
import { ChainSkeleton } from './ChainSkeleton';
import { SummaryHeader } from './SummaryHeader';

/**
 * The dashboard before its code and first reads arrive: the summary card and the first chain. Once the
 * address is known (from the URL), it is drawn where and as the dashboard draws it, so the page's largest
 * text is painted with the route's first code, not after the dashboard's chunk (Lighthouse's LCP).
 */
export function DashboardSkeleton({ address }: { address?: Address }) {
  return (
    <div className="space-y-4" aria-busy="true">
      <Card className="min-h-40 p-4">
        {address ? (
          <SummaryHeader
            live={false}
            label={<Skeleton className="h-3 w-40" />}
            address={address}
            total={<Skeleton className="ml-auto h-7 w-32" />}
            badges={<Badge tone="info">loading {CHAIN_IDS.length} chain(s)…</Badge>}
          />
        ) : (
          <>
            <Skeleton className="h-3 w-40" />
            <Skeleton className="mt-2 h-5 w-full max-w-md" />
            <Skeleton className="mt-4 ml-auto h-7 w-32" />
          </>
        )}
      </Card>
      <ChainSkeleton chainId={10} />
    </div>
  );
}
