import type { Address } from 'viem';
import { Batch, call, type Result } from '../../chains/multicall';
import { CHAINS } from '../../chains/registry';
import { formatAmount } from '../../format/index';
import type {
  AssetAmount,
  ChainReadContext,
  Position,
  ProtocolReadResult,
  ReceiptToken,
  YieldComponent,
} from '../../portfolio/types';
import { yieldFromComponents } from '../../portfolio/yield';
import { priceKey } from '../../prices/book';
import { addMetadataReads } from '../../tokens/metadata';
import type { TokenMetadata } from '../../tokens/types';
import { pairAbi } from '../v2-pairs/abi';
import { readPast } from '../v2-pairs/past';
import {
  addPairSnapshotReads,
  addPairStateReads,
  invariantBaseComponent,
  lpAssets,
  type PairSnapshot,
  type PairState,
  pairCurve,
  poolImpliedPrices,
} from '../v2-pairs/read';
import { poolMasterAbi } from './abi';
import { SYNCSWAP_ID, type SyncSwapDetails, type SyncSwapPoolKind } from './types';

export interface SyncSwapDeployment {
  poolMaster: Address;
}

/** Pools enumerated at most; beyond, the read says how many were left out. */
export const MAX_POOLS = 3000;

const range = (n: bigint, max: number) =>
  Array.from({ length: Number(n < BigInt(max) ? n : BigInt(max)) }, (_, i) => BigInt(i));

export function poolKind(poolType: number | null): SyncSwapPoolKind {
  // No poolType() at all: the devnet's classic pools (Uniswap V2 pairs); SyncSwap's own answer 1 or 2.
  if (poolType === null || poolType === 1) return 'classic';
  return poolType === 2 ? 'stable' : 'unknown';
}

/**
 * The owner's LP in SyncSwap's classic and stable pools. Discovery is the PoolMaster's pool list, never
 * a shipped pool list. Levels: 1. pool count  2. every pool address  3. the owner's LP balance in each
 * 4. state of the held pools, and the same at a past block  5. their tokens' metadata.
 */
export async function readSyncSwap(
  ctx: ChainReadContext,
  d: SyncSwapDeployment,
): Promise<ProtocolReadResult> {
  const { client, chainId, owner, blockNumber, blockTimestamp, prices } = ctx;
  const at = { multicall3: CHAINS[chainId].multicall3, blockNumber };
  const notes: string[] = [];

  const l1 = new Batch();
  const count = l1.add(call(d.poolMaster, poolMasterAbi, 'poolsLength'));
  await l1.execute(client, at);
  const n = count();
  if (!n.ok) throw new Error(`SyncSwap PoolMaster ${d.poolMaster} poolsLength(): ${n.error}`);
  if (n.value > BigInt(MAX_POOLS)) notes.push(`${n.value} pools; only the first ${MAX_POOLS} were read`);

  const l2 = new Batch();
  const poolAt = range(n.value, MAX_POOLS).map((i) =>
    l2.add(call(d.poolMaster, poolMasterAbi, 'pools', [i])),
  );
  await l2.execute(client, at);
  const pools = poolAt.map((g) => g()).flatMap((r) => (r.ok ? [r.value] : []));
  const unlisted = poolAt.length - pools.length;
  if (unlisted > 0) notes.push(`${unlisted} pool addresses unreadable from the PoolMaster`);

  const l3 = new Batch();
  const balances = pools.map((p) => l3.add(call(p, pairAbi, 'balanceOf', [owner])));
  await l3.execute(client, at);
  const held = pools.flatMap((pool, i) => {
    const b = balances[i]?.();
    return b?.ok && b.value > 0n ? [{ pool, balance: b.value }] : [];
  });
  if (held.length === 0) return { positions: [] };

  const l4 = new Batch();
  const states = held.map((h) => ({ pool: h.pool, state: addPairStateReads(l4, h.pool, 'syncswap') }));
  const pastRead = readPast(ctx, (batch) => {
    const snaps = held.map((h) => ({ pool: h.pool, snap: addPairSnapshotReads(batch, h.pool) }));
    return () => new Map(snaps.map((s) => [s.pool.toLowerCase(), s.snap()] as const));
  });
  await l4.execute(client, at);
  const stateOf = new Map<string, Result<PairState>>(states.map((s) => [s.pool.toLowerCase(), s.state()]));

  const l5 = new Batch();
  const meta = new Map<string, () => TokenMetadata>();
  for (const s of stateOf.values())
    if (s.ok)
      for (const t of [s.value.token0, s.value.token1])
        if (!meta.has(priceKey(t))) meta.set(priceKey(t), addMetadataReads(l5, t));
  const [past] = await Promise.all([pastRead, l5.execute(client, at)]);
  const metadata = new Map<string, TokenMetadata>([...meta].map(([k, g]) => [k, g()]));

  const now = { block: blockNumber, timestamp: blockTimestamp };
  const pastStamp = past.ok ? { block: past.block, timestamp: past.timestamp } : null;
  const pastOf = (pool: Address): PairSnapshot | null => {
    if (!past.ok) return null;
    const r = past.value.get(pool.toLowerCase());
    return r?.ok ? r.value : null;
  };
  const okStates = [...stateOf.values()].flatMap((s) => (s.ok ? [s.value] : []));
  // Only pools with Uniswap V2 accumulators at both blocks can price a token (SyncSwap's own have none).
  const implied = poolImpliedPrices(
    okStates.map((s) => ({ now: s, past: pastOf(s.pair) })),
    metadata,
    prices,
    now,
    pastStamp,
  );

  const symbolOf = (t: Address) => metadata.get(priceKey(t))?.symbol ?? `${t.slice(0, 6)}…${t.slice(-4)}`;
  const label = (s: PairState) => `${symbolOf(s.token0)}/${symbolOf(s.token1)}`;
  const impliedNotes = (assets: AssetAmount[]) =>
    assets
      .filter((a) => a.price.label.startsWith('pool-implied'))
      .map((a) => `${a.symbol}: ${a.price.label}`);

  const positions: Position[] = [];
  const receipts: ReceiptToken[] = [];
  for (const h of held) {
    const id = `${chainId}:${SYNCSWAP_ID}:lp:${h.pool.toLowerCase()}`;
    const st = stateOf.get(h.pool.toLowerCase());
    if (!st?.ok) {
      positions.push({
        protocol: SYNCSWAP_ID,
        kind: 'liquidity',
        id,
        label: `LP ${h.pool}`,
        assets: [],
        rewards: [],
        yield: null,
        warning: `pool ${h.pool} unreadable: ${st?.ok === false ? st.error : 'not read'}`,
      });
      continue;
    }
    const s = st.value;
    const kind = poolKind(s.poolType);
    const assets = lpAssets(s, h.balance, metadata, prices, implied);
    const yieldNotes: string[] = [];
    let base: YieldComponent | null = null;
    if (!assets) {
      yieldNotes.push('fee yield unknown: the pool has no LP supply');
    } else if (kind === 'unknown') {
      yieldNotes.push(`fee yield unknown: pool type ${s.poolType} is neither classic (1) nor stable (2)`);
    } else {
      const curve = pairCurve(s, metadata.get(priceKey(s.token0)), metadata.get(priceKey(s.token1)));
      if (!curve)
        yieldNotes.push('fee yield unknown: the stable pool’s precision multipliers are unreadable');
      else {
        const r = invariantBaseComponent(curve, s, now, pastOf(s.pair), pastStamp, past.note);
        if (r.ok) base = r.component;
        else yieldNotes.push(`fee yield unknown: ${r.reason}`);
      }
    }
    const details: SyncSwapDetails = {
      type: SYNCSWAP_ID,
      pool: s.pair,
      poolLabel: label(s),
      poolKind: kind,
      poolType: s.poolType,
      lp: h.balance,
      totalSupply: s.totalSupply,
      share: s.totalSupply > 0n ? Number((h.balance * 10n ** 12n) / s.totalSupply) / 1e12 : 0,
      yieldNotes,
      poolImplied: assets ? impliedNotes(assets) : [],
    };
    const warnings = [
      ...[s.token0, s.token1].map((t) => metadata.get(priceKey(t))?.warning).filter((w): w is string => !!w),
      ...(assets
        ? []
        : [
            `the pool reports zero LP supply while this account holds ${formatAmount(h.balance, 18)} of its LP: its reserves cannot be shared`,
          ]),
    ];
    positions.push({
      protocol: SYNCSWAP_ID,
      kind: 'liquidity',
      id,
      label: `${label(s)} ${kind === 'stable' ? 'stable' : kind === 'classic' ? 'classic' : ''} LP`.replace(
        '  ',
        ' ',
      ),
      assets: assets ?? [],
      rewards: [],
      yield: base
        ? yieldFromComponents([base], { compounds: true, window: base.window, source: base.source })
        : null,
      warning: warnings.length > 0 ? warnings.join('; ') : null,
      details,
    });
    receipts.push({ token: s.pair, countedIn: id });
  }
  if (notes.length > 0 && positions[0])
    positions[0].warning = [positions[0].warning, ...notes].filter(Boolean).join('; ');
  return { positions, receipts };
}
