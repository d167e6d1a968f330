'use client';

import dynamic from 'next/dynamic';
import { warmReadWorker } from '@/lib/query/off-thread';
import { Card, Skeleton } from '../ui/primitives';

// The reads' worker (viem, every reader) starts loading with the route's first code, in parallel with
// hydration and the view's own chunk, not when the first query runs. Browser only: the static export's
// prerender has no Worker.
warmReadWorker();

// The quotes, their readers and viem are a chunk of their own: the page's text paints from the first load.
const FeesLive = dynamic(() => import('./FeesLive').then((m) => m.FeesLive), {
  ssr: false,
  loading: () => (
    <Card className="p-2" aria-label="Fees per action and chain">
      <div className="min-h-[60svh] space-y-3 p-2" role="status" aria-label="Loading fees">
        <Skeleton className="ml-auto h-8 w-24" />
        <Skeleton className="h-4 w-full" />
        <Skeleton className="h-4 w-5/6" />
      </div>
    </Card>
  ),
});

/** /fees: the chains side by side, refreshed while the tab is visible, with the base-fee chart. */
export function FeesPage() {
  return (
    <div className="min-h-[100svh] space-y-4">
      <Card className="p-4">
        <h1 className="text-lg font-semibold">Chain fees</h1>
        <p className="text-sm text-zinc-600 dark:text-zinc-300">
          What a transaction costs right now, from each chain’s own fee mechanism, L1 data fee included. Gas
          units are estimated against the real contracts; ETH/USD comes from each chain’s on-chain feed.
        </p>
      </Card>
      <FeesLive />
    </div>
  );
}
