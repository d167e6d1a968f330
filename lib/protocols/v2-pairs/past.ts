import type { Address } from 'viem';
import type { ReadClient } from '../../chains/client';
import { Batch, call, errorMessage, multicall3Abi, type Result } from '../../chains/multicall';
import { CHAINS, type ChainId } from '../../chains/registry';
import type { ChainReadContext } from '../../portfolio/types';
import { type BlockPoint, estimateBlockAt, type LocateResult, locateBlock } from '../uniswap-v3/history';

/** The window base yields of these pools are measured over, and the narrower ones tried when the RPC cannot serve it. */
export const WINDOW_SECONDS = 7 * 86_400;
const FALLBACK_WINDOWS_SECONDS = [86_400, 3_600] as const;
const GUESS_SECONDS_PER_BLOCK: Record<ChainId, number> = { 10: 2, 42161: 0.25, 324: 1 };

/** A block about `windowSeconds` before the pinned one, found from block headers (started early, awaited late). */
export function startPastSearch(
  ctx: ChainReadContext,
  windowSeconds = WINDOW_SECONDS,
): Promise<Result<LocateResult>> {
  const head: BlockPoint = { number: ctx.blockNumber, timestamp: ctx.blockTimestamp };
  return locateBlock(async (n) => (await ctx.client.getBlock({ blockNumber: n })).timestamp, {
    head,
    targetTimestamp: ctx.blockTimestamp - BigInt(windowSeconds),
    guessSecondsPerBlock: GUESS_SECONDS_PER_BLOCK[ctx.chainId],
    toleranceSeconds: BigInt(Math.max(60, Math.floor(windowSeconds / 500))),
    maxRounds: 4,
  }).then(
    (value) => ({ ok: true as const, value }),
    (error: unknown) => ({ ok: false as const, error: errorMessage(error) }),
  );
}

export type PastRead<T> =
  | { ok: true; value: T; block: bigint; timestamp: bigint; note: string | null }
  | { ok: false; note: string };

async function readAt<T>(
  client: ReadClient,
  multicall3: Address,
  block: bigint,
  addReads: (batch: Batch) => () => T,
): Promise<{ value: T; timestamp: bigint }> {
  const batch = new Batch();
  const ts = batch.add(call(multicall3, multicall3Abi, 'getCurrentBlockTimestamp'));
  const get = addReads(batch);
  await batch.execute(client, { multicall3, blockNumber: block });
  const t = ts();
  if (!t.ok) throw new Error(`no state at block ${block}: ${t.error}`);
  return { value: get(), timestamp: t.value };
}

/**
 * The same reads at the located past block; when the RPC cannot serve that block's state, the widest
 * narrower window it can (and the note says so). The block's own timestamp is returned, so the caller
 * states the window actually measured.
 */
export async function readPast<T>(
  ctx: ChainReadContext,
  located: Result<LocateResult>,
  addReads: (batch: Batch) => () => T,
  windowSeconds = WINDOW_SECONDS,
): Promise<PastRead<T>> {
  const multicall3 = CHAINS[ctx.chainId].multicall3;
  if (!located.ok) return { ok: false, note: `past blocks unreadable: ${located.error}` };
  const best = located.value.best;
  if (!best) return { ok: false, note: 'no block before the pinned one' };
  let firstError: string;
  try {
    const r = await readAt(ctx.client, multicall3, best.number, addReads);
    return { ok: true, value: r.value, block: best.number, timestamp: r.timestamp, note: null };
  } catch (error) {
    firstError = errorMessage(error);
  }
  for (const w of FALLBACK_WINDOWS_SECONDS.filter((x) => x < windowSeconds)) {
    const block = estimateBlockAt(
      located.value.points,
      ctx.blockTimestamp - BigInt(w),
      GUESS_SECONDS_PER_BLOCK[ctx.chainId],
    );
    if (block >= ctx.blockNumber) continue;
    try {
      const r = await readAt(ctx.client, multicall3, block, addReads);
      return {
        ok: true,
        value: r.value,
        block,
        timestamp: r.timestamp,
        note: `state from 7 days back is not served by this RPC (${firstError}); narrower window`,
      };
    } catch {}
  }
  return { ok: false, note: `the RPC serves no past state (${firstError})` };
}

/** `Nd` / `Nh` for a measured window. */
export function windowLabel(seconds: bigint): string {
  const s = Number(seconds);
  if (s >= 86_400) return `${(s / 86_400).toFixed(s % 86_400 === 0 ? 0 : 1)}d`;
  if (s >= 3_600) return `${(s / 3_600).toFixed(1)}h`;
  return `${s}s`;
}
