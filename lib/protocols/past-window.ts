import type { ReadClient } from '../chains/client';
import { errorMessage } from '../chains/multicall';
import type { ChainId } from '../chains/registry';
import { type BlockPoint, estimateBlockAt, locateBlock } from './uniswap-v3/history';
import { formatWindow } from './uniswap-v3/math';

/**
 * The past-block half of every window-based yield that reads "the same view, then and now" (an
 * exchange rate, a share price): the block about `windowSeconds` before the pinned one, located from
 * block headers with the shared search (`uniswap-v3/history.ts`), read with the caller's own reads.
 * When the RPC cannot serve that block's state, 1 day and then 1 hour are tried and the widest that
 * works is used; the outcome says so in words, with the exact blocks and their header timestamps.
 */

export const DEFAULT_WINDOW_SECONDS = 7 * 86_400;
export const FALLBACK_WINDOWS = [86_400, 3_600] as const;

/** First guess of each chain's block time, only to place the first probe (the search then measures). */
export const GUESS_SECONDS_PER_BLOCK: Record<ChainId, number> = { 10: 2, 42161: 0.25, 324: 1 };

export type PastOutcome<T> =
  | {
      ok: true;
      value: T;
      /** The past block and its header's timestamp. */
      block: bigint;
      timestamp: bigint;
      /** Seconds between the past block and the pinned one (from the two headers). */
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
}

type Located = Awaited<ReturnType<typeof locateBlock>>;

/**
 * One search per client, pinned block and window: the modules that read a chain at the same block
 * (liquid staking, vaults) share it instead of each probing the same headers.
 */
const searches = new WeakMap<ReadClient, Map<string, Promise<Located>>>();

function locate(
  client: ReadClient,
  chainId: ChainId,
  head: BlockPoint,
  windowSeconds: number,
  fetchTimestamp: (n: bigint) => Promise<bigint>,
): Promise<Located> {
  const byKey = searches.get(client) ?? new Map<string, Promise<Located>>();
  searches.set(client, byKey);
  const key = `${head.number}:${head.timestamp}:${windowSeconds}`;
  const existing = byKey.get(key);
  if (existing) return existing;
  const search = locateBlock(fetchTimestamp, {
    head,
    targetTimestamp: head.timestamp - BigInt(windowSeconds),
    guessSecondsPerBlock: GUESS_SECONDS_PER_BLOCK[chainId],
    toleranceSeconds: BigInt(Math.max(60, Math.floor(windowSeconds / 500))),
    maxRounds: 4,
  });
  // Only the latest pinned blocks are worth keeping; a failed search is retried next time.
  if (byKey.size > 8) byKey.clear();
  byKey.set(key, search);
  search.catch(() => byKey.delete(key));
  return search;
}

export async function readPastWindow<T>(input: PastWindowInput<T>): Promise<PastOutcome<T>> {
  const { client, chainId, head, read } = input;
  const windowSeconds = input.windowSeconds ?? DEFAULT_WINDOW_SECONDS;
  const wanted = formatWindow(BigInt(windowSeconds));
  const fetchTimestamp = async (n: bigint) => (await client.getBlock({ blockNumber: n })).timestamp;
  let located: Located;
  try {
    located = await locate(client, chainId, head, windowSeconds, fetchTimestamp);
  } catch (error) {
    return { ok: false, note: `past block headers unreadable at this RPC (${errorMessage(error)})` };
  }
  const best = located.best;
  if (!best) return { ok: false, note: 'the chain has no block before the one read' };
  let firstError: string;
  try {
    const value = await read(best.number);
    const seconds = head.timestamp - best.timestamp;
    const short = seconds < BigInt(windowSeconds) / 2n;
    return {
      ok: true,
      value,
      block: best.number,
      timestamp: best.timestamp,
      seconds,
      note: short ? `the chain has no block ${wanted} back; window is ${formatWindow(seconds)}` : null,
    };
  } catch (error) {
    firstError = errorMessage(error);
  }
  for (const w of FALLBACK_WINDOWS.filter((f) => f < windowSeconds)) {
    const block = estimateBlockAt(
      located.points,
      head.timestamp - BigInt(w),
      GUESS_SECONDS_PER_BLOCK[chainId],
    );
    if (block >= head.number) continue;
    try {
      const [value, timestamp] = await Promise.all([read(block), fetchTimestamp(block)]);
      return {
        ok: true,
        value,
        block,
        timestamp,
        seconds: head.timestamp - timestamp,
        note: `state from ${wanted} back is not available from this RPC (${firstError}); ${formatWindow(BigInt(w))} window instead`,
      };
    } catch {
      // try the next, narrower window
    }
  }
  return {
    ok: false,
    note: `this RPC serves no past state (${wanted}, 1d and 1h back all failed: ${firstError}), so no yield can be measured`,
  };
}

export { formatWindow };
