import { Suspense } from 'react';
import { AddressRoute } from '@/components/dashboard/AddressRoute';
import { DashboardSkeleton } from '@/components/dashboard/DashboardSkeleton';

// Static export: one shell serves every address (the server maps /address/* to it, see scripts/serve.ts);
// the address (or name, or a bundle's members) is read from the URL in the browser.
export const dynamicParams = false;
export function generateStaticParams() {
  return [{ address: '_' }];
}

export default function AddressPage() {
  return (
    <>
      {/* In the static HTML, so the page's first paint says what it is (and is its largest text). */}
      <p className="mb-4 text-sm text-zinc-600 dark:text-zinc-300">
        What an address holds and earns on Optimism, Arbitrum One and zkSync Era: balances, pools, lending,
        farms, staking, vaults and governance, read from each chain at one block, each yield with where it
        comes from and the window it was measured over.
      </p>
      <Suspense fallback={<DashboardSkeleton />}>
        <AddressRoute />
      </Suspense>
    </>
  );
}
