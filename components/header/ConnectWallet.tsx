'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState } from 'react';
import { shortAddress } from '@/lib/format/index';
import { buttonClass, primaryButtonClass } from '../ui/primitives';
import { useWallet } from '../wallet/WalletProvider';

/**
 * Connect lists the wallets the browser announced (EIP-6963). Connecting only asks for the address:
 * the app never asks a wallet to sign or send anything.
 */
export function ConnectWallet() {
  const router = useRouter();
  const wallet = useWallet();
  const [open, setOpen] = useState(false);
  const connect = (uid: string) => {
    wallet.connect(uid).then(
      (account) => {
        if (account) router.push(`/address/${account}`);
        setOpen(false);
      },
      () => {}, // shown from wallet.error
    );
  };
  const menuRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') setOpen(false);
    };
    const onClick = (e: MouseEvent) => {
      if (menuRef.current && !menuRef.current.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('mousedown', onClick);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('mousedown', onClick);
    };
  }, [open]);

  if (wallet.status === 'connected' && wallet.address) {
    const address = wallet.address;
    return (
      <div className="flex items-center gap-2">
        <button
          type="button"
          className={buttonClass}
          onClick={() => router.push(`/address/${address}`)}
          title={address}
        >
          <span className="h-2 w-2 rounded-full bg-emerald-500" aria-hidden="true" />
          <span className="font-mono">{shortAddress(address)}</span>
        </button>
        <button type="button" className={buttonClass} onClick={() => wallet.disconnect()}>
          Disconnect
        </button>
      </div>
    );
  }

  const available = wallet.connectors;
  // The wallet code loads when the pointer or focus reaches the button, so the menu rarely waits for it.
  const ready = wallet.status !== 'idle' && wallet.status !== 'loading';

  return (
    <div className="relative" ref={menuRef}>
      <button
        type="button"
        className={primaryButtonClass}
        aria-haspopup="menu"
        aria-expanded={open}
        onPointerEnter={wallet.load}
        onFocus={wallet.load}
        onClick={() => {
          wallet.load();
          setOpen((o) => !o);
        }}
      >
        {wallet.isConnecting ? 'Connecting…' : 'Connect wallet'}
      </button>
      {open ? (
        <div
          role="menu"
          className="absolute right-0 z-20 mt-2 w-72 rounded-xl border border-zinc-200 bg-white p-2 shadow-lg dark:border-zinc-700 dark:bg-zinc-900"
        >
          <p className="px-2 pb-2 text-xs text-zinc-600 dark:text-zinc-300">
            Read-only: Layerglass only reads your address. It never asks your wallet to sign or send.
          </p>
          {!ready ? (
            <p className="px-2 py-2 text-sm" role="status">
              Looking for browser wallets…
            </p>
          ) : available.length === 0 ? (
            <p className="px-2 py-2 text-sm">No browser wallet found. You can still paste any address.</p>
          ) : (
            available.map((connector) => (
              <button
                key={connector.uid}
                type="button"
                role="menuitem"
                className="flex w-full items-center gap-2 rounded-lg px-2 py-2 text-left text-sm hover:bg-zinc-100 focus-visible:bg-zinc-100 focus-visible:outline-none dark:hover:bg-zinc-800 dark:focus-visible:bg-zinc-800"
                onClick={() => connect(connector.uid)}
              >
                {connector.icon ? (
                  // biome-ignore lint/performance/noImgElement: wallet icons are data URIs announced by the wallet
                  <img src={connector.icon} alt="" className="h-5 w-5" />
                ) : (
                  <span className="h-5 w-5 rounded bg-zinc-200 dark:bg-zinc-700" aria-hidden="true" />
                )}
                <span className="truncate">{connector.name}</span>
              </button>
            ))
          )}
          {wallet.error ? (
            <p role="alert" className="px-2 pt-2 text-xs text-red-700 dark:text-red-400">
              {wallet.error}
            </p>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
