'use client';

import dynamic from 'next/dynamic';
import { usePathname, useSearchParams } from 'next/navigation';
import { lazy, type ReactNode, Suspense } from 'react';
import type { Address } from 'viem';
import { isNameInput, noNames, parseWatchTarget } from '@/lib/ens/target';
import { warmReadWorker } from '@/lib/query/off-thread';
import { useEnsName } from '../hooks/useEnsName';
import { useEnsNormalize } from '../hooks/useEnsNormalize';
import { useMounted } from '../hooks/useMounted';
import { IntentLink } from '../ui/IntentLink';
import { ErrorPanel, Skeleton } from '../ui/primitives';
import { DashboardSkeleton } from './DashboardSkeleton';

// The reads' worker (viem, every reader) starts loading with the route's first code, in parallel with
// hydration and the view's own chunk, not when the first query runs. Browser only: the static export's
// prerender has no Worker.
warmReadWorker();

// The dashboards, their readers (viem, every protocol) and views are their own chunk: the shell paints
// from the first load, and the chunk arrives while the address is read from the URL. Loaded lazily under a
// fallback that already draws the address (next/dynamic's `loading` is given no props).
const LazyAddressDashboard = lazy(() =>
  import('./AddressDashboard').then((m) => ({ default: m.AddressDashboard })),
);

function AddressDashboard({ address, name }: { address: Address; name?: string }) {
  return (
    <Suspense fallback={<DashboardSkeleton address={address} />}>
      <LazyAddressDashboard address={address} {...(name === undefined ? {} : { name })} />
    </Suspense>
  );
}
const BundleDashboard = dynamic(() => import('./BundleDashboard').then((m) => m.BundleDashboard), {
  ssr: false,
  loading: () => <DashboardSkeleton />,
});

// At least a screen tall, so the footer is never on screen to be pushed down as chains load.
const frame = (children: ReactNode) => <div className="min-h-[100svh]">{children}</div>;

function BadInput({ title, raw, why }: { title: string; raw: string; why: string }) {
  return (
    <ErrorPanel title={title}>
      <p>
        <span className="break-all font-mono">“{raw.slice(0, 120)}”</span>: {why}
      </p>
      <p className="mt-2">
        <IntentLink href="/" className="underline">
          Go back
        </IntentLink>{' '}
        and paste a 0x address or an ENS name, or connect a wallet.
      </p>
    </ErrorPanel>
  );
}

function NameDashboard({ name }: { name: string }) {
  const q = useEnsName(name);
  if (q.data?.ok) return <AddressDashboard key={q.data.address} address={q.data.address} name={name} />;
  if (q.data && !q.data.ok)
    return (
      <div data-testid="ens-error">
        <BadInput title="That name could not be resolved" raw={name} why={q.data.message} />
      </div>
    );
  return (
    <div role="status" aria-label={`Resolving ${name}`} className="space-y-2">
      <p className="text-sm">Resolving {name} on Ethereum…</p>
      <Skeleton className="h-24 w-full" />
    </div>
  );
}

/** `/address/<address-or-name>`, or `/address/<a>,<b>,…?name=…` for a bundle: validated before anything is read. */
export function AddressRoute() {
  const pathname = usePathname();
  const search = useSearchParams();
  // The prerendered shell is shared by every address: render only once the browser's URL is known.
  const mounted = useMounted();
  const raw = decodeURIComponent(pathname.split('/').filter(Boolean)[1] ?? '');
  // A name in the URL needs ENS normalisation, fetched then (not with every page's first load).
  const names = raw.split(',').some(isNameInput);
  const loaded = useEnsNormalize(names);
  const normalize = names ? loaded : noNames;
  if (!mounted || normalize === null) return frame(<DashboardSkeleton />);
  if (raw === '_' || raw === '') return null;
  if (raw.includes(',')) {
    const members = raw.split(',').map((m) => m.trim());
    const addresses: Address[] = [];
    for (const m of members) {
      const t = parseWatchTarget(m, normalize);
      if ('error' in t)
        return <BadInput title="That bundle has a member that is not an address" raw={m} why={t.error} />;
      if (t.kind === 'name')
        return (
          <BadInput
            title="That bundle has a member that is not an address"
            raw={m}
            why="a bundle's members are addresses: open the name on its own to resolve it, then add its address."
          />
        );
      if (!addresses.some((a) => a.toLowerCase() === t.address.toLowerCase())) addresses.push(t.address);
    }
    const name = (search.get('name') ?? '').slice(0, 40) || 'Bundle';
    return frame(<BundleDashboard key={addresses.join(',')} addresses={addresses} name={name} />);
  }
  const parsed = parseWatchTarget(raw, normalize);
  if ('error' in parsed)
    return <BadInput title="That is not an address or an ENS name" raw={raw} why={parsed.error} />;
  if (parsed.kind === 'name') return frame(<NameDashboard key={parsed.name} name={parsed.name} />);
  return frame(<AddressDashboard key={parsed.address} address={parsed.address} />);
}
