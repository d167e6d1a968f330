'use client';

import { useQuery } from '@tanstack/react-query';
import type { EnsConfig } from '@/lib/ens/resolve';
import { MAINNET_ENS_REGISTRY } from '@/lib/ens/target';
import { useSettings } from '../settings/SettingsProvider';

/** Where names resolve: the Settings' Ethereum RPC, else the devnet's local chain 1 when there is one. */
export function useEnsConfig(): EnsConfig | null {
  const { network, networkName, settings, devnetManifest } = useSettings();
  if (!network || !networkName) return null;
  const configured = settings.ensRpc[networkName] ?? null;
  if (networkName === 'devnet') {
    const l1 = devnetManifest?.l1;
    const registry = l1?.contracts.ENSRegistry;
    return { rpcUrl: configured ?? l1?.rpcUrl ?? null, registry: registry ?? MAINNET_ENS_REGISTRY };
  }
  return { rpcUrl: configured, registry: MAINNET_ENS_REGISTRY };
}

export function useEnsName(name: string | null) {
  const config = useEnsConfig();
  return useQuery({
    queryKey: ['layerglass', 'ens', config?.rpcUrl ?? null, config?.registry ?? null, name],
    queryFn: async () => {
      if (!config || !name) throw new Error('not ready');
      // Loaded only when a name is watched: the resolver's full public client stays out of the first load.
      const { resolveEnsName } = await import('@/lib/ens/resolve');
      return resolveEnsName(config, name);
    },
    enabled: !!config && !!name,
    staleTime: 5 * 60_000,
    retry: false,
  });
}
