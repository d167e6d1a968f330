'use client';

import { useEffect, useMemo } from 'react';
import {
  createConfig,
  http,
  useConnect,
  useConnection,
  useConnectors,
  useDisconnect,
  WagmiProvider,
} from 'wagmi';
import { injected } from 'wagmi/connectors';
import { CHAINS, readChain } from '@/lib/chains/registry';
import type { WalletBridgeState } from './WalletProvider';

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

// One config per page load: the bridge may unmount and mount again, the connection must not reset.
let config: ReturnType<typeof makeWagmiConfig> | undefined;

function Publisher({ publish }: { publish: (state: WalletBridgeState) => void }) {
  const connection = useConnection();
  const all = useConnectors();
  const { disconnect } = useDisconnect();
  const connect = useConnect();
  const { mutateAsync } = connect;

  const state = useMemo<WalletBridgeState>(() => {
    // EIP-6963 wallets carry an rdns; the generic injected connector is kept only when nothing announced itself.
    const announced = all.filter((c) => c.type === 'injected' && c.id !== 'injected');
    const available = announced.length > 0 ? announced : all.filter((c) => c.id === 'injected');
    return {
      address: connection.status === 'connected' ? connection.address : undefined,
      status: connection.status,
      connectors: available.map((c) => ({ uid: c.uid, name: c.name, icon: c.icon })),
      connect: async (uid) => {
        const connector = all.find((c) => c.uid === uid);
        if (!connector) throw new Error('That wallet is no longer available');
        const data = await mutateAsync({ connector });
        return data.accounts[0];
      },
      disconnect: () => disconnect(),
      isConnecting: connect.isPending,
      error: connect.error ? (connect.error.message.split('\n')[0] ?? null) : null,
    };
  }, [connection.status, connection.address, all, disconnect, mutateAsync, connect.isPending, connect.error]);

  useEffect(() => publish(state), [publish, state]);
  return null;
}

export function WagmiBridge({ publish }: { publish: (state: WalletBridgeState) => void }) {
  config ??= makeWagmiConfig();
  return (
    <WagmiProvider config={config}>
      <Publisher publish={publish} />
    </WagmiProvider>
  );
}
