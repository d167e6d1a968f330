'use client';

import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { SettingsProvider } from './settings/SettingsProvider';
import { WalletProvider } from './wallet/WalletProvider';

/**
 * The query client for every read, settings, and the wallet. Wallet code (wagmi) is not part of the
 * first load: `WalletProvider` fetches it when a saved connection exists or the user reaches for Connect.
 */
export function Providers({ children }: { children: ReactNode }) {
  const [queryClient] = useState(
    () =>
      new QueryClient({ defaultOptions: { queries: { refetchOnWindowFocus: false, gcTime: 10 * 60_000 } } }),
  );
  return (
    <QueryClientProvider client={queryClient}>
      <SettingsProvider>
        <WalletProvider>{children}</WalletProvider>
      </SettingsProvider>
    </QueryClientProvider>
  );
}
