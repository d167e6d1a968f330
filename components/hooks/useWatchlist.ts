'use client';

import { useCallback, useEffect, useState } from 'react';
import {
  EMPTY_WATCHLIST,
  parseWatchlist,
  WATCHLIST_STORAGE_KEY,
  type Watchlist,
} from '@/lib/watchlist/watchlist';

/**
 * The notice of a migration or repair in this page: the first hook instance to load writes the list back
 * in the current format, so later instances (the header's and the panel's) read it from here instead.
 */
let migrationNotice: string | null = null;

/** The watchlist in this browser's storage, shared by every component through the storage event. */
export function useWatchlist() {
  const [state, setState] = useState<{ watchlist: Watchlist; notice: string | null }>({
    watchlist: EMPTY_WATCHLIST,
    notice: null,
  });
  useEffect(() => {
    const load = () => {
      const parsed = parseWatchlist(window.localStorage.getItem(WATCHLIST_STORAGE_KEY));
      // A migrated or repaired list is written back in the current format.
      if (parsed.notice) {
        migrationNotice = parsed.notice;
        window.localStorage.setItem(WATCHLIST_STORAGE_KEY, JSON.stringify(parsed.watchlist));
      }
      setState((s) => ({
        watchlist: parsed.watchlist,
        notice: parsed.notice ?? migrationNotice ?? s.notice,
      }));
    };
    load();
    window.addEventListener('layerglass-watchlist', load);
    window.addEventListener('storage', load);
    return () => {
      window.removeEventListener('layerglass-watchlist', load);
      window.removeEventListener('storage', load);
    };
  }, []);
  const update = useCallback((change: (w: Watchlist) => Watchlist) => {
    const current = parseWatchlist(window.localStorage.getItem(WATCHLIST_STORAGE_KEY)).watchlist;
    window.localStorage.setItem(WATCHLIST_STORAGE_KEY, JSON.stringify(change(current)));
    window.dispatchEvent(new Event('layerglass-watchlist'));
  }, []);
  return { ...state, update };
}
