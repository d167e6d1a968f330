'use client';

import dynamic from 'next/dynamic';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { Address } from 'viem';

/** A wallet the browser announced (EIP-6963), or the generic injected one when none did. */
export interface WalletConnector {
  uid: string;
  name: string;
  icon: string | undefined;
}

/** What the wallet code (wagmi, loaded on demand) publishes once it runs. */
export interface WalletBridgeState {
  address: Address | undefined;
  status: 'connected' | 'connecting' | 'reconnecting' | 'disconnected';
  connectors: readonly WalletConnector[];
  /** Asks the wallet for its accounts (nothing else); resolves to the first one. */
  connect: (uid: string) => Promise<Address | undefined>;
  disconnect: () => void;
  isConnecting: boolean;
  error: string | null;
}

export interface Wallet extends Omit<WalletBridgeState, 'status'> {
  /** `idle` until the wallet code is wanted, `loading` while it downloads, then the connection's state. */
  status: 'idle' | 'loading' | WalletBridgeState['status'];
  /** Loads the wallet code; a no-op once loaded. Call it when the user reaches for Connect. */
  load: () => void;
}

const IDLE: Omit<WalletBridgeState, 'status'> = {
  address: undefined,
  connectors: [],
  connect: async () => undefined,
  disconnect: () => {},
  isConnecting: false,
  error: null,
};

/** wagmi keeps its last connection under this key (`@wagmi/core` createStorage's prefix + its store). */
export const WAGMI_STORE_KEY = 'wagmi.store';

/** Whether wagmi saved a current connection in this browser (so the wallet code must reconnect at once). */
export function hasSavedConnection(raw: string | null): boolean {
  if (!raw) return false;
  try {
    const parsed: unknown = JSON.parse(raw);
    if (typeof parsed !== 'object' || parsed === null || !('state' in parsed)) return false;
    const state: unknown = parsed.state;
    return (
      typeof state === 'object' && state !== null && 'current' in state && typeof state.current === 'string'
    );
  } catch {
    return false;
  }
}

// wagmi, its injected connector and EIP-6963 discovery: a chunk of their own, fetched only when wanted.
const WagmiBridge = dynamic(() => import('./WagmiBridge').then((m) => m.WagmiBridge), { ssr: false });

const WalletContext = createContext<Wallet | null>(null);

/**
 * The connected wallet, without wagmi in the first load: a first visit with no saved connection runs no
 * wallet code until the user reaches for Connect. Components read the wallet through `useWallet` only.
 */
export function WalletProvider({ children }: { children: ReactNode }) {
  const [wanted, setWanted] = useState(false);
  const [bridge, setBridge] = useState<WalletBridgeState | null>(null);

  useEffect(() => {
    let saved = false;
    try {
      saved = hasSavedConnection(window.localStorage.getItem(WAGMI_STORE_KEY));
    } catch {
      // storage unavailable: nothing saved
    }
    if (saved) setWanted(true);
  }, []);

  const load = useCallback(() => setWanted(true), []);
  const value = useMemo<Wallet>(
    () => (bridge ? { ...bridge, load } : { ...IDLE, status: wanted ? 'loading' : 'idle', load }),
    [bridge, wanted, load],
  );

  return (
    <WalletContext.Provider value={value}>
      {wanted ? <WagmiBridge publish={setBridge} /> : null}
      {children}
    </WalletContext.Provider>
  );
}

export function useWallet(): Wallet {
  const value = useContext(WalletContext);
  if (!value) throw new Error('useWallet outside WalletProvider');
  return value;
}
