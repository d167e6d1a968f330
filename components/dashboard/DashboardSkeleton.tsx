import type { Address } from 'viem';
import { CHAIN_IDS } from '@/lib/chains/registry';
import { Badge, Card, Skeleton } from '../ui/primitives';
import { ChainSkeleton } from './ChainSkeleton';
import { CopyableAddress } from './CopyableAddress';

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
          <div className="flex flex-col gap-3 sm:flex-row sm:items-start sm:justify-between">
            <div className="min-w-0">
              {/* One text-xs line, as the dashboard's "Watching · network" label. */}
              <p className="flex h-4 items-center">
                <Skeleton className="h-3 w-40" />
              </p>
              <p className="text-sm sm:text-base">
                <CopyableAddress address={address} />
              </p>
            </div>
            <div className="text-right">
              <p className="text-xs text-zinc-600 dark:text-zinc-300">Total across chains</p>
              <p className="text-2xl font-semibold">
                <Skeleton className="ml-auto h-7 w-32" />
              </p>
              <div className="mt-1 flex flex-wrap justify-end gap-1">
                <Badge tone="info">loading {CHAIN_IDS.length} chain(s)…</Badge>
              </div>
            </div>
          </div>
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
