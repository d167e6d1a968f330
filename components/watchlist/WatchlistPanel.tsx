'use client';

import { useState } from 'react';
import type { Address } from 'viem';
import { shortAddress } from '@/lib/format/index';
import { bundleHref, move, relabel, removeBundle, removeEntry, saveBundle } from '@/lib/watchlist/watchlist';
import { useWatchlist } from '../hooks/useWatchlist';
import { IntentLink } from '../ui/IntentLink';
import { buttonClass, Card, inputClass } from '../ui/primitives';

const small = `${buttonClass} px-2 py-0.5 text-xs`;

/** The watchlist kept in this browser: label, reorder, remove; pick several to see them as a bundle. */
export function WatchlistPanel() {
  const { watchlist, notice, update } = useWatchlist();
  const [picked, setPicked] = useState<Address[]>([]);
  const [bundleName, setBundleName] = useState('');
  if (watchlist.entries.length === 0 && watchlist.bundles.length === 0 && !notice) return null;
  return (
    <Card className="space-y-3 p-5" aria-labelledby="watchlist-title" data-testid="watchlist">
      <h2 id="watchlist-title" className="text-lg font-semibold">
        Watchlist
      </h2>
      {notice ? (
        <p
          role="status"
          className="rounded bg-amber-100 p-2 text-sm text-amber-950 dark:bg-amber-950 dark:text-amber-200"
          data-testid="watchlist-notice"
        >
          {notice}
        </p>
      ) : null}
      <ol className="space-y-2">
        {watchlist.entries.map((e, i) => (
          <li
            key={e.address}
            className="flex flex-wrap items-center gap-2"
            data-testid="watch-entry"
            data-address={e.address}
          >
            <input
              type="checkbox"
              aria-label={`Include ${e.label || e.address} in a bundle`}
              checked={picked.includes(e.address)}
              onChange={(ev) =>
                setPicked((p) => (ev.target.checked ? [...p, e.address] : p.filter((a) => a !== e.address)))
              }
            />
            <IntentLink
              href={`/address/${e.address}`}
              className="font-mono text-sm underline-offset-2 hover:underline"
              title={e.address}
            >
              {shortAddress(e.address)}
            </IntentLink>
            <input
              className={`${inputClass} w-40 flex-1 font-sans`}
              aria-label={`Label for ${e.address}`}
              placeholder="label"
              defaultValue={e.label}
              maxLength={40}
              onBlur={(ev) => update((w) => relabel(w, e.address, ev.target.value))}
            />
            <button
              type="button"
              className={small}
              disabled={i === 0}
              aria-label={`Move ${e.label || e.address} up`}
              onClick={() => update((w) => move(w, e.address, -1))}
            >
              ↑
            </button>
            <button
              type="button"
              className={small}
              disabled={i === watchlist.entries.length - 1}
              aria-label={`Move ${e.label || e.address} down`}
              onClick={() => update((w) => move(w, e.address, 1))}
            >
              ↓
            </button>
            <button
              type="button"
              className={small}
              aria-label={`Remove ${e.label || e.address}`}
              onClick={() => update((w) => removeEntry(w, e.address))}
            >
              Remove
            </button>
          </li>
        ))}
      </ol>
      {watchlist.entries.length > 1 ? (
        <form
          className="flex flex-wrap items-end gap-2"
          onSubmit={(ev) => {
            ev.preventDefault();
            const name = bundleName.trim() || 'Bundle';
            update((w) => saveBundle(w, { name, addresses: picked }));
            setPicked([]);
            setBundleName('');
          }}
        >
          <label className="text-sm">
            <span className="block text-xs text-zinc-600 dark:text-zinc-300">Bundle name</span>
            <input
              className={`${inputClass} font-sans`}
              value={bundleName}
              maxLength={40}
              onChange={(ev) => setBundleName(ev.target.value)}
            />
          </label>
          <button type="submit" className={buttonClass} disabled={picked.length < 2}>
            Bundle {picked.length} selected
          </button>
        </form>
      ) : null}
      {watchlist.bundles.length > 0 ? (
        <>
          <h3 className="text-sm font-semibold">Bundles</h3>
          <ul className="space-y-1">
            {watchlist.bundles.map((b) => (
              <li
                key={b.name}
                className="flex items-center justify-between gap-2 text-sm"
                data-testid="bundle-entry"
              >
                <IntentLink href={bundleHref(b)} className="underline-offset-2 hover:underline">
                  {b.name} ({b.addresses.length} addresses)
                </IntentLink>
                <button
                  type="button"
                  className={small}
                  aria-label={`Remove bundle ${b.name}`}
                  onClick={() => update((w) => removeBundle(w, b.name))}
                >
                  Remove
                </button>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </Card>
  );
}
