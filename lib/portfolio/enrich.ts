import type { Position, ReceiptToken, TokenYield, YieldComponent } from './types';
import { positionValue } from './value';
import { yieldFromComponents } from './yield';

const key = (token: string) => token.toLowerCase();

/**
 * Marks wallet balances of receipt tokens as counted in the position they stand for (shown, never
 * summed twice). Only wallet-kind positions are marked; a protocol's own position is never hidden.
 */
export function applyReceipts(positions: Position[], receipts: readonly ReceiptToken[]): void {
  if (receipts.length === 0) return;
  const by = new Map(receipts.map((r) => [key(r.token), r.countedIn]));
  for (const p of positions) {
    if (p.kind !== 'balance' || p.countedIn !== undefined) continue;
    const asset = p.assets[0];
    const countedIn = asset && asset.token !== 'native' ? by.get(key(asset.token)) : undefined;
    if (countedIn) p.countedIn = countedIn;
  }
}

/**
 * Adds what tokens earn by being held to every position holding them, weighted by the token's share
 * of the position's value (all of it for a single-asset position). A position whose yield is unknown
 * stays unknown unless it is a single-asset one, whose yield then is the token's own. A debt is never
 * credited (borrowing a staking token pays its holder's rate, not the borrower).
 */
export function applyTokenYields(positions: Position[], tokenYields: readonly TokenYield[]): void {
  if (tokenYields.length === 0) return;
  const by = new Map<string, YieldComponent[]>();
  const unknown = new Set<string>();
  for (const t of tokenYields) {
    if (t.component === null) unknown.add(key(t.token));
    else by.set(key(t.token), [...(by.get(key(t.token)) ?? []), t.component]);
  }
  for (const p of positions) {
    if (p.kind === 'borrow') continue;
    // A balance of a token whose earnings cannot be estimated now: unknown, not "earns nothing".
    const only = p.assets.length === 1 ? p.assets[0] : undefined;
    if (only && only.token !== 'native' && unknown.has(key(only.token)) && !by.has(key(only.token))) {
      if (p.yield && p.yield.baseApr === 0 && p.yield.rewardApr === 0) p.yield = null;
      continue;
    }
    const added: YieldComponent[] = [];
    const total = positionValue(p).usdE18;
    for (const a of p.assets) {
      if (a.token === 'native') continue;
      const components = by.get(key(a.token));
      if (!components) continue;
      let weight: number | null;
      if (p.assets.length === 1) weight = 1;
      else if (a.usdE18 === null || total <= 0n) weight = null;
      else weight = Number((a.usdE18 * 1_000_000n) / total) / 1_000_000;
      if (weight === null) continue;
      for (const c of components) {
        added.push({
          ...c,
          apr: c.apr * weight,
          label: weight === 1 ? c.label : `${c.label} (on ${a.symbol}'s share)`,
        });
      }
    }
    if (added.length === 0) continue;
    const current = p.yield;
    if (current === null && p.assets.length !== 1) continue;
    const base: YieldComponent[] =
      current === null
        ? []
        : (current.components ?? [
            ...(current.baseApr !== 0 || current.rewardApr === 0
              ? [
                  {
                    side: 'base' as const,
                    apr: current.baseApr,
                    label: 'position',
                    window: current.window,
                    source: current.source,
                  },
                ]
              : []),
            ...(current.rewardApr !== 0
              ? [
                  {
                    side: 'reward' as const,
                    apr: current.rewardApr,
                    label: 'rewards',
                    window: current.window,
                    source: current.source,
                  },
                ]
              : []),
          ]);
    // A known zero ("earns nothing by itself") is replaced by what the token earns, not summed with it.
    const kept = current && current.baseApr === 0 && current.rewardApr === 0 ? [] : base;
    p.yield = yieldFromComponents([...kept, ...added], {
      // What a held token earns (staking, share price) accrues into it by itself.
      compounds: kept.length > 0 && current ? current.compounds : true,
      window: [
        ...new Set([...(kept.length > 0 && current ? [current.window] : []), ...added.map((c) => c.window)]),
      ].join(', '),
      source: [...(kept.length > 0 && current ? [current.source] : []), ...added.map((c) => c.source)].join(
        '; ',
      ),
    });
  }
}
