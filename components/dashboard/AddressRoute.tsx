'use client';

import dynamic from 'next/dynamic';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import type { ReactNode } from 'react';
import { parseAddressInput } from '@/lib/settings/settings';
import { useMounted } from '../hooks/useMounted';
import { ErrorPanel } from '../ui/primitives';
import { DashboardSkeleton } from './DashboardSkeleton';

// The dashboard, its readers (viem, every protocol) and views are their own chunk: the shell paints
// from the first load, and the chunk arrives while the address is read from the URL.
const AddressDashboard = dynamic(() => import('./AddressDashboard').then((m) => m.AddressDashboard), {
  ssr: false,
  loading: () => <DashboardSkeleton />,
});

/** `/address/<address>`: validates the address from the URL before anything is read. */
export function AddressRoute() {
  const pathname = usePathname();
  // The prerendered shell is shared by every address: render only once the browser's URL is known.
  const mounted = useMounted();
  const raw = decodeURIComponent(pathname.split('/').filter(Boolean)[1] ?? '');
  // At least a screen tall, so the footer is never on screen to be pushed down as chains load.
  const frame = (children: ReactNode) => <div className="min-h-[100svh]">{children}</div>;
  if (!mounted) return frame(<DashboardSkeleton />);
  if (raw === '_' || raw === '') return null;
  const parsed = parseAddressInput(raw);
  if ('error' in parsed) {
    return (
      <ErrorPanel title="That is not an address">
        <p>
          <span className="break-all font-mono">“{raw.slice(0, 120)}”</span>: {parsed.error}
        </p>
        <p className="mt-2">
          <Link href="/" className="underline">
            Go back
          </Link>{' '}
          and paste a 0x address, or connect a wallet.
        </p>
      </ErrorPanel>
    );
  }
  return frame(<AddressDashboard key={parsed.address} address={parsed.address} />);
}
