import { describe, expect, it } from 'vitest';
import {
  addEntry,
  bundleHref,
  EMPTY_WATCHLIST,
  move,
  parseWatchlist,
  relabel,
  removeEntry,
  saveBundle,
} from './watchlist';

const A = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';
const B = '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC';
const C = '0x90F79bf6EB2c4f870365E785982E1f101E93b906';

describe('watchlist', () => {
  it('migrates the older format (version 1, a bare array) and says so', () => {
    const { watchlist, notice } = parseWatchlist(JSON.stringify([A.toLowerCase(), 'nope', B]));
    expect(watchlist).toEqual({
      version: 2,
      entries: [
        { address: A, label: '' },
        { address: B, label: '' },
      ],
      bundles: [],
    });
    expect(notice).toMatch(/older format \(version 1\).*1 entry that was not an address was dropped/);
  });

  it('round-trips version 2 and resets an unknown one with a message', () => {
    let w = addEntry(addEntry(EMPTY_WATCHLIST, A, 'cold'), B);
    w = saveBundle(w, { name: 'team', addresses: [A, B] });
    expect(parseWatchlist(JSON.stringify(w))).toEqual({ watchlist: w, notice: null });
    expect(parseWatchlist('{"version":7}').notice).toContain('version 7');
    expect(parseWatchlist('not json').notice).toContain('not JSON');
    expect(parseWatchlist(null)).toEqual({ watchlist: EMPTY_WATCHLIST, notice: null });
  });

  it('adds once, labels, reorders and removes', () => {
    let w = addEntry(addEntry(addEntry(EMPTY_WATCHLIST, A), B), C);
    expect(addEntry(w, A.toLowerCase() as `0x${string}`)).toBe(w);
    w = relabel(w, B, '  hot wallet  ');
    w = move(w, C, -1);
    expect(w.entries.map((e) => [e.address, e.label])).toEqual([
      [A, ''],
      [C, ''],
      [B, 'hot wallet'],
    ]);
    expect(move(w, A, -1)).toBe(w);
    expect(removeEntry(w, C).entries.map((e) => e.address)).toEqual([A, B]);
    expect(bundleHref({ name: 'a b', addresses: [A, B] })).toBe(`/address/${A},${B}?name=a%20b`);
  });
});
