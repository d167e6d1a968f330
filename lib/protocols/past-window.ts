import type { ReadClient } from '../chains/client';
import {
  call,
  chainMulticall,
  errorMessage,
  keepAnswersAt,
  multicall,
  multicall3Abi,
} from '../chains/multicall';
import { CHAINS, type ChainId } from '../chains/registry';
import { type BlockPoint, estimateBlockAt } from './uniswap-v3/history';
import { formatWindow } from './uniswap-v3/math';

/**
 * Round 2 of a chain read, the past: every window-based yield (fee growth, an exchange rate, a share price)
 * reads the same view at a block about 7 days, 1 day and 1 hour back, all three at once, and keeps the widest
 * that answers. The blocks are placed from the chain's block time (the registry's, or known points such as the
 * devnet's seeded history, or the blocks earlier reads found), with no header search; each block's own time is
 * read in the same `eth_call` as the reads there (Multicall3's `getCurrentBlockTimestamp`), so the window is
 * stated exactly. Every module asking in the same tick shares one multicall per block (the multicall layer
 * coalesces them) and the transport sends the three together as one JSON-RPC batch: one round trip.
 *
 * On a refresh the blocks of the last read are kept while the head has moved less than a tenth of the window,
 * and their answers are kept too (a settled block never changes), so the past costs nothing more.
 */

export const DEFAULT_WINDOW_SECONDS = 7 * 86_400;
/** The narrower windows asked for alongside, widest first. */
export const FALLBACK_WINDOWS = [86_400, 3_600] as const;

export type PastOutcome<T> =
  | {
      ok: true;
      value: T;
      /** The past block and its timestamp (read at that block). */
      block: bigint;
      timestamp: bigint;
      /** Seconds between the past block and the pinned one. */
      seconds: bigint;
      /** Why the window differs from the one asked for (narrower RPC, younger chain), or null. */
      note: string | null;
    }
  | { ok: false; note: string };

export interface PastWindowInput<T> {
  client: ReadClient;
  chainId: ChainId;
  head: BlockPoint;
  windowSeconds?: number;
  /** The caller's reads at one past block; throws when the RPC serves no state there. */
  read: (blockNumber: bigint) => Promise<T>;
  /** A block's timestamp (default: read at that block through Multicall3, in the same call as `read`). */
  blockTime?: (blockNumber: bigint) => Promise<bigint>;
}

interface ClientPast {
  /** Known (block, timestamp) points, by block number. */
  points: Map<bigint, bigint>;
  /** The block each window was last measured from, and the head it was chosen for. */
  last: Map<number, BlockPoint & { headTimestamp: bigint }>;
  /** Timestamps being read, by block. */
  times: Map<bigint, Promise<bigint>>;
}

const MAX_POINTS = 64;
const byClient = new WeakMap<object, ClientPast>();

function state(client: ReadClient): ClientPast {
  const existing = byClient.get(client);
  if (existing) return existing;
  const fresh: ClientPast = { points: new Map(), last: new Map(), times: new Map() };
  byClient.set(client, fresh);
  return fresh;
}

function learn(s: ClientPast, point: BlockPoint): void {
  s.points.set(point.number, point.timestamp);
  for (const old of s.points.keys()) {
    if (s.points.size <= MAX_POINTS) break;
    s.points.delete(old);
  }
}

/** Points where the chain's block time is not its usual one (the devnet's history), for this client's estimates. */
export function learnBlockTimes(client: ReadClient, points: readonly BlockPoint[] | undefined): void {
  if (!points) return;
  const s = state(client);
  for (const p of points) learn(s, p);
}

/** Where each asked window starts: the last read's block while it still fits, else an estimate. */
export function pastBlocks(
  client: ReadClient,
  chainId: ChainId,
  head: BlockPoint,
  windows: readonly number[],
): { windowSeconds: number; block: bigint }[] {
  const s = state(client);
  const points: BlockPoint[] = [
    head,
    ...[...s.points].map(([number, timestamp]) => ({ number, timestamp })),
  ].filter((p) => p.number <= head.number);
  const out: { windowSeconds: number; block: bigint }[] = [];
  for (const w of windows) {
    const last = s.last.get(w);
    // Kept while the head has moved less than a tenth of the window since it was chosen (the window is
    // then still stated exactly, from the two blocks' times).
    const moved = last ? head.timestamp - last.headTimestamp : -1n;
    const block =
      last && last.number < head.number && moved >= 0n && moved * 10n <= BigInt(w)
        ? last.number
        : estimateBlockAt(points, head.timestamp - BigInt(w), CHAINS[chainId].blockTimeMs / 1000);
    if (block >= head.number || out.some((o) => o.block === block)) continue;
    out.push({ windowSeconds: w, block });
  }
  return out;
}

/** A block's timestamp, read at that block (shared by every module reading there). */
function blockTimeAt(client: ReadClient, chainId: ChainId, block: bigint): Promise<bigint> {
  const s = state(client);
  const known = s.points.get(block);
  if (known !== undefined) return Promise.resolve(known);
  const pending = s.times.get(block);
  if (pending) return pending;
  const multicall3 = CHAINS[chainId].multicall3;
  const read = multicall(
    client,
    [call(multicall3, multicall3Abi, 'getCurrentBlockTimestamp')],
    chainMulticall(chainId, block),
  ).then(([r]) => {
    if (!r?.ok) throw new Error(`no state at block ${block}: ${r ? r.error : 'no answer'}`);
    return r.value as bigint;
  });
  s.times.set(block, read);
  read.then(
    () => s.times.delete(block),
    () => s.times.delete(block),
  );
  return read;
}

export async function readPastWindow<T>(input: PastWindowInput<T>): Promise<PastOutcome<T>> {
  const { client, chainId, head, read } = input;
  const windowSeconds = input.windowSeconds ?? DEFAULT_WINDOW_SECONDS;
  const wanted = formatWindow(BigInt(windowSeconds));
  const windows = [windowSeconds, ...FALLBACK_WINDOWS.filter((w) => w < windowSeconds)];
  const blocks = pastBlocks(client, chainId, head, windows);
  if (blocks.length === 0) return { ok: false, note: 'the chain has no block before the one read' };
  const timeOf = input.blockTime ?? ((b: bigint) => blockTimeAt(client, chainId, b));
  const s = state(client);
  const attempts = await Promise.all(
    blocks.map(async ({ windowSeconds: w, block }) => {
      keepAnswersAt(client, block);
      try {
        const [value, timestamp] = await Promise.all([read(block), timeOf(block)]);
        learn(s, { number: block, timestamp });
        // Every window that answered is kept for the next read (its answers are kept too), not only the widest.
        if (s.last.get(w)?.number !== block)
          s.last.set(w, { number: block, timestamp, headTimestamp: head.timestamp });
        return { ok: true as const, w, block, value, timestamp };
      } catch (error) {
        return { ok: false as const, w, error: errorMessage(error) };
      }
    }),
  );
  const firstError = attempts.find((a) => !a.ok);
  const best = attempts.find((a) => a.ok);
  if (!best?.ok) {
    const why = firstError && !firstError.ok ? firstError.error : 'no answer';
    return {
      ok: false,
      note: `this RPC serves no past state (${wanted}, 1d and 1h back all failed: ${why}), so no yield can be measured`,
    };
  }
  const seconds = head.timestamp - best.timestamp;
  let note: string | null = null;
  if (best.w !== windowSeconds) {
    const why = firstError && !firstError.ok ? firstError.error : 'no answer';
    note = `state from ${wanted} back is not available from this RPC (${why}); ${formatWindow(BigInt(best.w))} window instead`;
  } else if (seconds < BigInt(windowSeconds) / 2n) {
    note = `the chain has no block ${wanted} back; window is ${formatWindow(seconds)}`;
  }
  return { ok: true, value: best.value, block: best.block, timestamp: best.timestamp, seconds, note };
}

export { formatWindow };
