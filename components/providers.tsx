'use client';

import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { createConfig, http, WagmiProvider } from 'wagmi';
import { injected } from 'wagmi/connectors';
import { CHAINS, readChain } from '@/lib/chains/registry';
import { SettingsProvider } from './settings/SettingsProvider';

/**
 * wagmi is here only to discover and connect wallets (EIP-6963) and learn the connected address.
 * Every read goes through the app's own RPC clients (lib/query), never through the wallet.
 */
function makeWagmiConfig() {
  const chains = [readChain(10), readChain(42161), readChain(324)] as const;
  return createConfig({
    chains,
    connectors: [injected()],
    multiInjectedProviderDiscovery: true,
    ssr: true,
    transports: {
      10: http(CHAINS[10].defaultRpcUrl),
      42161: http(CHAINS[42161].defaultRpcUrl),
      324: http(CHAINS[324].defaultRpcUrl),
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
