'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { parseAddressInput } from '@/lib/settings/settings';
import { useMounted } from '../hooks/useMounted';
import { ErrorPanel } from '../ui/primitives';
import { AddressDashboard } from './AddressDashboard';

/** `/address/<address>`: validates the address from the URL before anything is read. */
export function AddressRoute() {
  const pathname = usePathname();
  // The prerendered shell is shared by every address: render only once the browser's URL is known.
  const mounted = useMounted();
  const raw = decodeURIComponent(pathname.split('/').filter(Boolean)[1] ?? '');
  if (!mounted || raw === '_' || raw === '') return null;
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
  return <AddressDashboard key={parsed.address} address={parsed.address} />;
}
