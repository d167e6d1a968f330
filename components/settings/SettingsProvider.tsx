'use client';

import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { type DevnetManifest, parseManifest } from '@/lib/chains/manifest';
import { devnetNetwork, mainnetNetwork, type Network, type NetworkName } from '@/lib/chains/network';
import { type RpcOverrides, rpcOverridesFromEnv } from '@/lib/chains/rpc';
import {
  DEFAULT_SETTINGS,
  parseSettings,
  SETTINGS_STORAGE_KEY,
  type Settings,
} from '@/lib/settings/settings';

/** Where a devnet being served alongside the app publishes its manifest (see scripts/serve.ts). */
export const DEVNET_MANIFEST_URL = '/layerglass.devnet.json';

// Build-time mainnet RPC overrides. Next inlines only literal `process.env.NEXT_PUBLIC_*` reads.
const ENV_RPC: RpcOverrides = rpcOverridesFromEnv(
  {
    NEXT_PUBLIC_LAYERGLASS_RPC_10: process.env.NEXT_PUBLIC_LAYERGLASS_RPC_10,
    NEXT_PUBLIC_LAYERGLASS_RPC_42161: process.env.NEXT_PUBLIC_LAYERGLASS_RPC_42161,
    NEXT_PUBLIC_LAYERGLASS_RPC_324: process.env.NEXT_PUBLIC_LAYERGLASS_RPC_324,
  },
  'NEXT_PUBLIC_LAYERGLASS_RPC_',
);

type DevnetState =
  | { status: 'probing' }
  | { status: 'absent' }
  | { status: 'available'; manifest: DevnetManifest };

interface SettingsContextValue {
  settings: Settings;
  update: (change: (current: Settings) => Settings) => void;
  /** The network reads go to; null until stored settings and the devnet probe are known. */
  network: Network | null;
  networkName: NetworkName | null;
  devnetAvailable: boolean;
  /** The devnet's manifest when one is served (its optional local chain 1 carries ENS). */
  devnetManifest: DevnetManifest | null;
}

const SettingsContext = createContext<SettingsContextValue | null>(null);

export function SettingsProvider({ children }: { children: ReactNode }) {
  const [settings, setSettings] = useState<Settings>(DEFAULT_SETTINGS);
  const [loaded, setLoaded] = useState(false);
  const [devnet, setDevnet] = useState<DevnetState>({ status: 'probing' });

  useEffect(() => {
    setSettings(parseSettings(window.localStorage.getItem(SETTINGS_STORAGE_KEY)));
    setLoaded(true);
    const controller = new AbortController();
    fetch(DEVNET_MANIFEST_URL, { cache: 'no-store', signal: controller.signal })
      .then(async (response) => {
        if (!response.ok) throw new Error(String(response.status));
        setDevnet({ status: 'available', manifest: parseManifest(await response.json()) });
      })
      .catch(() => {
        if (!controller.signal.aborted) setDevnet({ status: 'absent' });
      });
    return () => controller.abort();
  }, []);

  const update = useCallback((change: (current: Settings) => Settings) => {
    setSettings((current) => {
      const next = change(current);
      window.localStorage.setItem(SETTINGS_STORAGE_KEY, JSON.stringify(next));
      return next;
    });
  }, []);

  const value = useMemo<SettingsContextValue>(() => {
    const devnetAvailable = devnet.status === 'available';
    const devnetManifest = devnet.status === 'available' ? devnet.manifest : null;
    if (!loaded || devnet.status === 'probing') {
      return { settings, update, network: null, networkName: null, devnetAvailable, devnetManifest };
    }
    // The user's choice; without one, the devnet when it is being served alongside the app.
    const wanted: NetworkName = settings.network ?? (devnetAvailable ? 'devnet' : 'mainnet');
    const network =
      wanted === 'devnet' && devnet.status === 'available'
        ? devnetNetwork(devnet.manifest, settings.rpc.devnet ?? {})
        : mainnetNetwork({ ...ENV_RPC, ...settings.rpc.mainnet });
    return { settings, update, network, networkName: network.name, devnetAvailable, devnetManifest };
  }, [settings, update, loaded, devnet]);

  return <SettingsContext.Provider value={value}>{children}</SettingsContext.Provider>;
}

export function useSettings(): SettingsContextValue {
  const value = useContext(SettingsContext);
  if (!value) throw new Error('useSettings outside SettingsProvider');
  return value;
}
