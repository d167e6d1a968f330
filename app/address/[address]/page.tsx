import { Suspense } from 'react';
import { AddressRoute } from '@/components/dashboard/AddressRoute';

// Static export: one shell serves every address (the server maps /address/* to it, see scripts/serve.ts);
// the address (or name, or a bundle's members) is read from the URL in the browser.
export const dynamicParams = false;
export function generateStaticParams() {
  return [{ address: '_' }];
}

export default function AddressPage() {
  return (
    <Suspense fallback={null}>
      <AddressRoute />
    </Suspense>
  );
}
