'use client';

import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { arbitrum, optimism, zksync } from 'viem/chains';
import { createConfig, http, WagmiProvider } from 'wagmi';
import { injected } from 'wagmi/connectors';
import { CHAINS } from '@/lib/chains/registry';
import { SettingsProvider } from './settings/SettingsProvider';

/**
 * wagmi is here only to discover and connect wallets (EIP-6963) and learn the connected address.
 * Every read goes through the app's own RPC clients (lib/query), never through the wallet.
 */
function makeWagmiConfig() {
  return createConfig({
    chains: [optimism, arbitrum, zksync],
    connectors: [injected()],
    multiInjectedProviderDiscovery: true,
    ssr: true,
    transports: {
      [optimism.id]: http(CHAINS[10].defaultRpcUrl),
      [arbitrum.id]: http(CHAINS[42161].defaultRpcUrl),
      [zksync.id]: http(CHAINS[324].defaultRpcUrl),
    },
  });
}

declare module 'wagmi' {
  interface Register {
    config: ReturnType<typeof makeWagmiConfig>;
  }
}

export function Providers({ children }: { children: ReactNode }) {
  const [config] = useState(makeWagmiConfig);
  const [queryClient] = useState(
    () =>
      new QueryClient({ defaultOptions: { queries: { refetchOnWindowFocus: false, gcTime: 10 * 60_000 } } }),
  );
  return (
    <WagmiProvider config={config}>
      <QueryClientProvider client={queryClient}>
        <SettingsProvider>{children}</SettingsProvider>
      </QueryClientProvider>
    </WagmiProvider>
  );
}
