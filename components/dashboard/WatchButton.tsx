'use client';

import type { Address } from 'viem';
import { addEntry, removeEntry } from '@/lib/watchlist/watchlist';
import { useWatchlist } from '../hooks/useWatchlist';
import { buttonClass } from '../ui/primitives';

export function WatchButton({ address, label = '' }: { address: Address; label?: string }) {
  const { watchlist, update } = useWatchlist();
  const watched = watchlist.entries.some((e) => e.address.toLowerCase() === address.toLowerCase());
  return (
    <button
      type="button"
      className={buttonClass}
      aria-pressed={watched}
      onClick={() => update((w) => (watched ? removeEntry(w, address) : addEntry(w, address, label)))}
    >
      {watched ? '★ Watching' : '☆ Watch'}
    </button>
  );
}
