import type { Metadata } from 'next';
import { FeesPage } from '@/components/fees/FeesPage';

export const metadata: Metadata = {
  title: 'Chain fees · Layerglass',
  description:
    'What a transaction costs right now on OP Mainnet, Arbitrum One and zkSync Era, L1 data fee included.',
};

export default function Page() {
  return <FeesPage />;
}
