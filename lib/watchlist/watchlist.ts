import { type Address, getAddress, isAddress } from 'viem';

/**
 * The watchlist kept in the browser: labelled addresses, in the user's order, and bundles (named sets
 * of addresses seen together). Versioned: an older format is migrated on load, never dropped silently.
 */
export interface WatchEntry {
  address: Address;
  label: string;
}

export interface Bundle {
  name: string;
  addresses: Address[];
}

export interface Watchlist {
  version: 2;
  entries: WatchEntry[];
  bundles: Bundle[];
}

export const WATCHLIST_STORAGE_KEY = 'layerglass.watchlist';
export const EMPTY_WATCHLIST: Watchlist = { version: 2, entries: [], bundles: [] };
export const MAX_ENTRIES = 100;
export const MAX_LABEL = 40;

const cleanLabel = (v: unknown): string => (typeof v === 'string' ? v.trim().slice(0, MAX_LABEL) : '');

function addresses(list: unknown): { valid: Address[]; dropped: number } {
  if (!Array.isArray(list)) return { valid: [], dropped: 0 };
  const valid: Address[] = [];
  let dropped = 0;
  for (const a of list) {
    if (typeof a === 'string' && isAddress(a, { strict: false })) {
      const address = getAddress(a);
      if (!valid.includes(address)) valid.push(address);
    } else dropped += 1;
  }
  return { valid, dropped };
}

/**
 * Reads what is stored: version 2 as is; version 1 (a bare array of address strings, as the first
 * release kept it) migrated with empty labels. `notice` says in words what happened, when anything did.
 */
export function parseWatchlist(raw: string | null): { watchlist: Watchlist; notice: string | null } {
  if (raw === null || raw === '') return { watchlist: EMPTY_WATCHLIST, notice: null };
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return {
      watchlist: EMPTY_WATCHLIST,
      notice: 'The saved watchlist could not be read (it is not JSON); it was reset.',
    };
  }
  if (Array.isArray(json)) {
    const { valid, dropped } = addresses(json);
    return {
      watchlist: {
        version: 2,
        entries: valid.slice(0, MAX_ENTRIES).map((address) => ({ address, label: '' })),
        bundles: [],
      },
      notice: `Your watchlist was saved in an older format (version 1): it was updated to version 2${dropped > 0 ? `, and ${dropped} entr${dropped === 1 ? 'y that was not an address was' : 'ies that were not addresses were'} dropped` : ''}.`,
    };
  }
  if (typeof json !== 'object' || json === null)
    return { watchlist: EMPTY_WATCHLIST, notice: 'The saved watchlist has an unknown format; it was reset.' };
  const o = json as Record<string, unknown>;
  if (o.version !== 2)
    return {
      watchlist: EMPTY_WATCHLIST,
      notice: `The saved watchlist has version ${JSON.stringify(o.version)}, which this version of Layerglass does not know; it was reset.`,
    };
  const entries: WatchEntry[] = [];
  let dropped = 0;
  for (const e of Array.isArray(o.entries) ? o.entries : []) {
    const a = (e as Record<string, unknown> | null)?.address;
    if (typeof a !== 'string' || !isAddress(a, { strict: false })) {
      dropped += 1;
      continue;
    }
    const address = getAddress(a);
    if (!entries.some((x) => x.address === address))
      entries.push({ address, label: cleanLabel((e as Record<string, unknown>).label) });
  }
  const bundles: Bundle[] = [];
  for (const b of Array.isArray(o.bundles) ? o.bundles : []) {
    const name = cleanLabel((b as Record<string, unknown> | null)?.name);
    const { valid } = addresses((b as Record<string, unknown> | null)?.addresses);
    if (name && valid.length > 0 && !bundles.some((x) => x.name === name))
      bundles.push({ name, addresses: valid });
    else dropped += 1;
  }
  return {
    watchlist: { version: 2, entries: entries.slice(0, MAX_ENTRIES), bundles },
    notice: dropped > 0 ? `${dropped} saved watchlist item(s) were not valid and were dropped.` : null,
  };
}

export function addEntry(w: Watchlist, address: Address, label = ''): Watchlist {
  if (w.entries.some((e) => e.address.toLowerCase() === address.toLowerCase())) return w;
  if (w.entries.length >= MAX_ENTRIES) return w;
  return { ...w, entries: [...w.entries, { address: getAddress(address), label: cleanLabel(label) }] };
}

export function removeEntry(w: Watchlist, address: Address): Watchlist {
  return { ...w, entries: w.entries.filter((e) => e.address !== address) };
}

export function relabel(w: Watchlist, address: Address, label: string): Watchlist {
  return {
    ...w,
    entries: w.entries.map((e) => (e.address === address ? { ...e, label: cleanLabel(label) } : e)),
  };
}

/** Moves an entry up (-1) or down (+1); at an end it stays. */
export function move(w: Watchlist, address: Address, by: -1 | 1): Watchlist {
  const i = w.entries.findIndex((e) => e.address === address);
  const j = i + by;
  if (i < 0 || j < 0 || j >= w.entries.length) return w;
  const entries = [...w.entries];
  const [e] = entries.splice(i, 1);
  if (e) entries.splice(j, 0, e);
  return { ...w, entries };
}

export function saveBundle(w: Watchlist, bundle: Bundle): Watchlist {
  const name = cleanLabel(bundle.name);
  if (!name || bundle.addresses.length === 0) return w;
  return {
    ...w,
    bundles: [
      ...w.bundles.filter((b) => b.name !== name),
      { name, addresses: [...new Set(bundle.addresses)] },
    ],
  };
}

export function removeBundle(w: Watchlist, name: string): Watchlist {
  return { ...w, bundles: w.bundles.filter((b) => b.name !== name) };
}

/** A bundle's URL: its members in the path, its name in the query. */
export function bundleHref(bundle: Bundle): string {
  return `/address/${bundle.addresses.join(',')}?name=${encodeURIComponent(bundle.name)}`;
}
