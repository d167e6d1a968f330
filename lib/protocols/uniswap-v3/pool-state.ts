/**
 * The pool state a V3-style position's amounts, uncollected fees and fee APR are computed from (price, fee
 * growth, the range's ticks), read at the pinned block and at a past one, for any pool whose layout is
 * V3's: Uniswap V3 and its forks (SushiSwap V3), and Velodrome's Slipstream, whose `slot0` and `ticks`
 * return other tuples. A layout maps a pool's own ABI onto the same state.
 */
import type { Address } from 'viem';
import type { ReadClient } from '../../chains/client';
import { Batch, type Call, call, multicall3Abi, type Result } from '../../chains/multicall';
import { CHAINS, type ChainId } from '../../chains/registry';
import { readPastWindow } from '../past-window';
import { poolAbi } from './abi';
import type { BlockPoint } from './history';
import { feeGrowthInside, feesEarned, subWrap256 } from './math';
import { readPastByLens } from './past-lens';

export interface PoolState {
  sqrtPriceX96: bigint;
  tick: number;
  feeGrowthGlobal0X128: bigint;
  feeGrowthGlobal1X128: bigint;
}

export interface TickState {
  feeGrowthOutside0X128: bigint;
  feeGrowthOutside1X128: bigint;
  initialized: boolean;
}

/** How one kind of pool answers the reads: its price and tick, fee growth, and one tick's state. */
export interface V3PoolLayout {
  slot0: (pool: Address) => Call<{ sqrtPriceX96: bigint; tick: number }>;
  feeGrowthGlobal0: (pool: Address) => Call<bigint>;
  feeGrowthGlobal1: (pool: Address) => Call<bigint>;
  tick: (pool: Address, tick: number) => Call<TickState>;
  /**
   * A cheaper past-block read of the same state where this kind of pool has one (Uniswap V3's past lens),
   * or null where it cannot be used there; the Multicall3 reads above are the fallback.
   */
  readPast?: (
    client: ReadClient,
    ticksByPool: ReadonlyMap<Address, ReadonlySet<number>>,
    block: bigint,
  ) => Promise<(PoolSnapshot & { timestamp: bigint }) | null>;
}

/** The same call, its decoded value mapped. */
export function mapCall<T, U>(c: Call<T>, f: (value: T) => U): Call<U> {
  return { ...c, decode: (data) => f(c.decode(data)) };
}

/** UniswapV3Pool (v3-core): slot0 has 7 fields, ticks 8. */
export const UNISWAP_V3_POOL_LAYOUT: V3PoolLayout = {
  slot0: (pool) => mapCall(call(pool, poolAbi, 'slot0'), (s) => ({ sqrtPriceX96: s[0], tick: s[1] })),
  feeGrowthGlobal0: (pool) => call(pool, poolAbi, 'feeGrowthGlobal0X128'),
  feeGrowthGlobal1: (pool) => call(pool, poolAbi, 'feeGrowthGlobal1X128'),
  tick: (pool, tick) =>
    mapCall(call(pool, poolAbi, 'ticks', [tick]), (t) => ({
      feeGrowthOutside0X128: t[2],
      feeGrowthOutside1X128: t[3],
      initialized: t[7],
    })),
  readPast: (client, ticksByPool, block) => readPastByLens(client, ticksByPool, block),
};

/** Pool state at one block: per pool, and per (pool, tick). */
export interface PoolSnapshot {
  pools: Map<Address, Result<PoolState>>;
  ticks: Map<string, Result<TickState>>;
}

export interface PastSnapshot extends PoolSnapshot {
  block: bigint;
  timestamp: bigint;
}

export type PastOutcome =
  | { ok: true; snapshot: PastSnapshot; note: string | null }
  | { ok: false; note: string };

export const tickKey = (pool: Address, tick: number) => `${pool}:${tick}`;

/** Adds the pool-state reads (slot0, fee growth, the given ticks) of several pools to a batch. */
export function addPoolReads(
  batch: Batch,
  ticksByPool: ReadonlyMap<Address, ReadonlySet<number>>,
  layout: V3PoolLayout = UNISWAP_V3_POOL_LAYOUT,
): () => PoolSnapshot {
  const pools = [...ticksByPool.entries()].map(([pool, ticks]) => ({
    pool,
    slot0: batch.add(layout.slot0(pool)),
    global0: batch.add(layout.feeGrowthGlobal0(pool)),
    global1: batch.add(layout.feeGrowthGlobal1(pool)),
    ticks: [...ticks].map((tick) => ({ tick, info: batch.add(layout.tick(pool, tick)) })),
  }));
  return () => {
    const snapshot: PoolSnapshot = { pools: new Map(), ticks: new Map() };
    for (const p of pools) {
      const slot0 = p.slot0();
      const g0 = p.global0();
      const g1 = p.global1();
      const failed = [slot0, g0, g1].find((r) => !r.ok);
      if (failed && !failed.ok) snapshot.pools.set(p.pool, { ok: false, error: failed.error });
      else if (slot0.ok && g0.ok && g1.ok) {
        snapshot.pools.set(p.pool, {
          ok: true,
          value: {
            sqrtPriceX96: slot0.value.sqrtPriceX96,
            tick: slot0.value.tick,
            feeGrowthGlobal0X128: g0.value,
            feeGrowthGlobal1X128: g1.value,
          },
        });
      }
      for (const t of p.ticks) snapshot.ticks.set(tickKey(p.pool, t.tick), t.info());
    }
    return snapshot;
  };
}

/** A position's range in a pool: what fee growth inside is computed for. */
export interface RangeRef {
  pool: Address;
  tickLower: number;
  tickUpper: number;
}

/** Fee growth inside a position's range in a snapshot, or why it cannot be computed there. */
export function insideAt(
  snapshot: PoolSnapshot,
  p: RangeRef,
): { ok: true; inside0: bigint; inside1: bigint } | { ok: false; error: string } {
  const pool = snapshot.pools.get(p.pool);
  const lower = snapshot.ticks.get(tickKey(p.pool, p.tickLower));
  const upper = snapshot.ticks.get(tickKey(p.pool, p.tickUpper));
  if (!pool?.ok) return { ok: false, error: pool ? pool.error : 'pool not read' };
  if (!lower?.ok || !upper?.ok) return { ok: false, error: 'tick state unreadable' };
  if (!lower.value.initialized || !upper.value.initialized)
    return { ok: false, error: 'range ticks not initialized' };
  const { inside0X128, inside1X128 } = feeGrowthInside(
    p.tickLower,
    p.tickUpper,
    pool.value.tick,
    pool.value.feeGrowthGlobal0X128,
    pool.value.feeGrowthGlobal1X128,
    lower.value,
    upper.value,
  );
  return { ok: true, inside0: inside0X128, inside1: inside1X128 };
}

async function readPast(
  client: ReadClient,
  multicall3: Address,
  ticksByPool: ReadonlyMap<Address, ReadonlySet<number>>,
  block: bigint,
  layout: V3PoolLayout,
): Promise<PastSnapshot> {
  const cheaper = await layout.readPast?.(client, ticksByPool, block);
  if (cheaper) return { ...cheaper, block };
  const batch = new Batch();
  const timestamp = batch.add(call(multicall3, multicall3Abi, 'getCurrentBlockTimestamp'));
  const pools = addPoolReads(batch, ticksByPool, layout);
  await batch.execute(client, { multicall3, blockNumber: block });
  const ts = timestamp();
  if (!ts.ok) throw new Error(`no state at block ${block}: ${ts.error}`);
  return { ...pools(), block, timestamp: ts.value };
}

/**
 * Pool state at a block about `windowSeconds` before the pinned one (round 2, `past-window.ts`): 7 days, 1 day
 * and 1 hour back are read together and the widest the RPC serves is used, with its own timestamp.
 */
export async function pastSnapshot(
  client: ReadClient,
  chainId: ChainId,
  ticksByPool: ReadonlyMap<Address, ReadonlySet<number>>,
  head: BlockPoint,
  windowSeconds: number,
  layout: V3PoolLayout = UNISWAP_V3_POOL_LAYOUT,
): Promise<PastOutcome> {
  const multicall3 = CHAINS[chainId].multicall3;
  const out = await readPastWindow({
    client,
    chainId,
    head,
    windowSeconds,
    read: (block) => readPast(client, multicall3, ticksByPool, block, layout),
  });
  return out.ok ? { ok: true, snapshot: out.value, note: out.note } : { ok: false, note: out.note };
}

/**
 * What a liquidity earned while fee growth inside its range went from the past snapshot's to `inside`
 * (the current one), or why that cannot be said: the range was opened within the window, or its ticks
 * were re-initialized (fee growth inside went backwards).
 */
export function windowFees(
  inside: { inside0: bigint; inside1: bigint },
  past: PastSnapshot,
  p: RangeRef & { liquidity: bigint },
): { ok: true; earned0: bigint; earned1: bigint } | { ok: false; note: string } {
  const then = insideAt(past, p);
  if (!then.ok) {
    return {
      ok: false,
      note:
        then.error === 'range ticks not initialized'
          ? `the range had no liquidity at block ${past.block} (opened within the window)`
          : `fee growth unreadable at block ${past.block}: ${then.error}`,
    };
  }
  const half = 1n << 255n;
  if (subWrap256(inside.inside0, then.inside0) >= half || subWrap256(inside.inside1, then.inside1) >= half) {
    return {
      ok: false,
      note: 'fee growth inside the range went backwards over the window (ticks re-initialized)',
    };
  }
  return {
    ok: true,
    earned0: feesEarned(p.liquidity, inside.inside0, then.inside0),
    earned1: feesEarned(p.liquidity, inside.inside1, then.inside1),
  };
}
