import { type Address, BaseError, encodeFunctionData, type Hex, parseAbi } from 'viem';
import type { ReadClient } from '../../chains/client';
import { knownPath, transportFailure } from '../../chains/round-one';
import { type PoolSnapshot, type PoolState, type TickState, tickKey } from './pool-state';
import { V3PastLens } from './V3PastLens.bytecode';

/**
 * Round 2 of Uniswap V3 pools through their own lens (`V3PastLens.sol`), where the RPC is known to run state
 * overrides: the lens is placed at an unused address at the past block and returns only the fields a fee
 * window needs, packed (65 bytes a tick, where Multicall3's `aggregate3` hands back 384 ABI-wrapped ones).
 * Anything else (no state override, a lens call the node refuses) reads through Multicall3 as before.
 */

const lensAbi = parseAbi(['function read(bytes input) view returns (bytes)']);

/** An unused address (beside round 1's, `lib/chains/round-one.ts`). */
export const PAST_LENS_ADDRESS: Address = '0x1a5e00000000000000000000000000000000a57e';

/** Ticks per `eth_call`: about 10k gas each (four cold slots and a call), so ~4M gas a call. */
export const TICKS_PER_CALL = 400;

const POOL_BYTES = 88;
const TICK_BYTES = 65;

export type PastLensPools = readonly (readonly [Address, readonly number[]])[];

/** The pools and their ticks, cut so that no call holds more than `max` ticks (a pool may span calls). */
export function splitPools(
  ticksByPool: ReadonlyMap<Address, ReadonlySet<number>>,
  max = TICKS_PER_CALL,
): PastLensPools[] {
  const out: (readonly [Address, readonly number[]])[][] = [];
  let current: (readonly [Address, readonly number[]])[] = [];
  let count = 0;
  for (const [pool, set] of ticksByPool) {
    let ticks = [...set];
    do {
      if (current.length > 0 && count >= max) {
        out.push(current);
        current = [];
        count = 0;
      }
      const take = ticks.slice(0, max - count);
      ticks = ticks.slice(take.length);
      current.push([pool, take]);
      count += take.length;
    } while (ticks.length > 0);
  }
  if (current.length > 0) out.push(current);
  return out;
}

/** The lens's input: per pool its address, its tick count (2 bytes) and its ticks (int24, 3 bytes each). */
export function packPastInput(pools: PastLensPools): Hex {
  let hex = '0x';
  for (const [pool, ticks] of pools) {
    if (ticks.length > 0xffff) throw new Error('too many ticks for one pool in one call');
    hex += pool.slice(2).toLowerCase() + ticks.length.toString(16).padStart(4, '0');
    for (const t of ticks) {
      if (!Number.isInteger(t) || t < -(2 ** 23) || t >= 2 ** 23)
        throw new Error(`tick ${t} is not an int24`);
      hex += (t < 0 ? t + 2 ** 24 : t).toString(16).padStart(6, '0');
    }
  }
  return hex as Hex;
}

/** The lens's answer (the `bytes` inside the ABI wrapping), decoded against the pools asked for. */
export function decodePastOutput(data: Hex, pools: PastLensPools): PoolSnapshot & { timestamp: bigint } {
  const expected = 8 + pools.reduce((n, [, ticks]) => n + POOL_BYTES + ticks.length * TICK_BYTES, 0);
  if (!/^0x[0-9a-fA-F]*$/.test(data.slice(0, 64)) || data.length !== 2 + expected * 2)
    throw new Error(`the V3 past lens answered ${(data.length - 2) / 2} bytes, not ${expected}`);
  const at = (byte: number, length: number) => data.slice(2 + byte * 2, 2 + (byte + length) * 2);
  const big = (byte: number, length: number) => BigInt(`0x${at(byte, length)}`);
  const snapshot: PoolSnapshot & { timestamp: bigint } = {
    timestamp: big(0, 8),
    pools: new Map(),
    ticks: new Map(),
  };
  let o = 8;
  for (const [pool, ticks] of pools) {
    const flags = Number.parseInt(at(o, 1), 16);
    if (!snapshot.pools.has(pool)) {
      if ((flags & 7) === 7) {
        const raw = Number(big(o + 21, 3));
        const value: PoolState = {
          sqrtPriceX96: big(o + 1, 20),
          tick: raw >= 2 ** 23 ? raw - 2 ** 24 : raw,
          feeGrowthGlobal0X128: big(o + 24, 32),
          feeGrowthGlobal1X128: big(o + 56, 32),
        };
        snapshot.pools.set(pool, { ok: true, value });
      } else {
        const failed =
          (flags & 1) === 0 ? 'slot0' : (flags & 2) === 0 ? 'feeGrowthGlobal0X128' : 'feeGrowthGlobal1X128';
        snapshot.pools.set(pool, { ok: false, error: `${pool}.${failed} reverted` });
      }
    }
    o += POOL_BYTES;
    for (const tick of ticks) {
      const f = Number.parseInt(at(o, 1), 16);
      const key = tickKey(pool, tick);
      if ((f & 1) === 0) snapshot.ticks.set(key, { ok: false, error: `${pool}.ticks reverted` });
      else {
        const value: TickState = {
          feeGrowthOutside0X128: big(o + 1, 32),
          feeGrowthOutside1X128: big(o + 33, 32),
          initialized: (f & 2) !== 0,
        };
        snapshot.ticks.set(key, { ok: true, value });
      }
      o += TICK_BYTES;
    }
  }
  return snapshot;
}

/** The ABI `bytes` the lens returns, unwrapped (offset word, length word, data). */
function unwrapBytes(returned: Hex): Hex {
  const offset = Number.parseInt(returned.slice(2, 66), 16);
  const lengthAt = 2 + offset * 2;
  const length = Number.parseInt(returned.slice(lengthAt, lengthAt + 64), 16);
  const start = lengthAt + 64;
  if (!Number.isSafeInteger(length) || offset !== 32 || start + length * 2 > returned.length)
    throw new Error('the V3 past lens answered malformed data');
  return `0x${returned.slice(start, start + length * 2)}`;
}

/** Clients whose node refused the lens call at a past block: they read through Multicall3 from then on. */
const refused = new WeakSet<object>();

const KEEP = 24;
/** Answers at settled past blocks, by client, block and input: a refresh measuring from the same block reuses them. */
const kept = new WeakMap<object, Map<string, Promise<PoolSnapshot & { timestamp: bigint }>>>();

/**
 * Pool state at a past block through the lens, or null where this client is not known to run state
 * overrides or its node refused the lens call once (the caller then reads through Multicall3, and this client
 * does from then on, so a refusal costs one request once). A transport failure throws, as a multicall's would.
 */
export async function readPastByLens(
  client: ReadClient,
  ticksByPool: ReadonlyMap<Address, ReadonlySet<number>>,
  block: bigint,
  ticksPerCall = TICKS_PER_CALL,
): Promise<(PoolSnapshot & { timestamp: bigint }) | null> {
  if (knownPath(client) !== 'state-override' || refused.has(client)) return null;
  const cache = kept.get(client) ?? new Map<string, Promise<PoolSnapshot & { timestamp: bigint }>>();
  kept.set(client, cache);
  const parts = splitPools(ticksByPool, ticksPerCall).map((pools) => ({
    pools,
    input: packPastInput(pools),
  }));
  const one = ({ pools, input }: (typeof parts)[number]) => {
    const key = `${block}:${input}`;
    const hit = cache.get(key);
    if (hit) return hit;
    const read = client
      .call({
        to: PAST_LENS_ADDRESS,
        data: encodeFunctionData({ abi: lensAbi, functionName: 'read', args: [input] }),
        stateOverride: [{ address: PAST_LENS_ADDRESS, code: V3PastLens.runtimeCode }],
        blockNumber: block,
      })
      .then(({ data }) => {
        if (!data || data === '0x') throw new Error('the state override was ignored at the past block');
        return decodePastOutput(unwrapBytes(data), pools);
      });
    cache.set(key, read);
    read.catch(() => cache.delete(key));
    for (const old of cache.keys()) {
      if (cache.size <= KEEP) break;
      cache.delete(old);
    }
    return read;
  };
  try {
    const answers = await Promise.all(parts.map(one));
    const first = answers[0];
    if (!first) return null;
    const merged: PoolSnapshot & { timestamp: bigint } = {
      timestamp: first.timestamp,
      pools: new Map(),
      ticks: new Map(),
    };
    for (const a of answers) {
      for (const [k, v] of a.pools) if (!merged.pools.has(k)) merged.pools.set(k, v);
      for (const [k, v] of a.ticks) merged.ticks.set(k, v);
    }
    return merged;
  } catch (error) {
    // The RPC itself failing (round 1's test), not the node refusing this call or an answer this module
    // could not read (its own errors, which are not viem's).
    if (error instanceof BaseError && transportFailure(error)) throw error;
    refused.add(client);
    return null;
  }
}
