import { Card, Skeleton } from '../ui/primitives';
import { ChainSkeleton } from './ChainSkeleton';

/** The dashboard before its code and first reads arrive: the summary card and the first chain. */
export function DashboardSkeleton() {
  return (
    <div className="space-y-4" aria-busy="true">
      <Card className="min-h-40 p-4">
        <Skeleton className="h-3 w-40" />
        <Skeleton className="mt-2 h-5 w-full max-w-md" />
        <Skeleton className="mt-4 ml-auto h-7 w-32" />
      </Card>
      <ChainSkeleton chainId={10} />
    </div>
  );
}
