import { AddressRoute } from '@/components/dashboard/AddressRoute';

// Static export: one shell serves every address (the server maps /address/* to it, see scripts/serve.ts);
// the address is read from the URL in the browser.
export const dynamicParams = false;
export function generateStaticParams() {
  return [{ address: '_' }];
}

export default function AddressPage() {
  return <AddressRoute />;
}
