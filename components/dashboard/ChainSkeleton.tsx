import { CHAINS, type ChainId } from '@/lib/chains/registry';
import { Card, ChainDot, Skeleton } from '../ui/primitives';

/**
 * A chain section before its read lands: the same header as the loaded section, and a body as tall as
 * the viewport's remaining height, so what comes below is out of view until the chain is drawn and
 * its growth moves nothing on screen (CLS). Kept apart from ChainSection so the page shell can draw it
 * without the protocol views.
 */
export function ChainSkeletonBody({ chainId }: { chainId: ChainId }) {
  return (
    <div className="min-h-[60svh] space-y-2" role="status" aria-label={`Loading ${CHAINS[chainId].name}`}>
      <Skeleton className="h-4 w-1/3" />
      <Skeleton className="h-4 w-full" />
      <Skeleton className="h-4 w-5/6" />
    </div>
  );
}

export function ChainSkeleton({ chainId }: { chainId: ChainId }) {
  const spec = CHAINS[chainId];
  return (
    <Card data-testid={`chain-${chainId}`} data-state="loading">
      <header className="flex flex-wrap items-center justify-between gap-2 border-b border-zinc-100 px-4 py-3 dark:border-zinc-800">
        <div className="flex items-center gap-2">
          <ChainDot color={spec.color} />
          <h2 className="font-semibold">{spec.name}</h2>
        </div>
      </header>
      <div className="px-4 py-3">
        <ChainSkeletonBody chainId={chainId} />
      </div>
    </Card>
  );
}
