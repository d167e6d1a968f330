import type { Address } from 'viem';
import type { ReadClient } from '../../chains/client';
import { Batch, call, multicall3Abi } from '../../chains/multicall';
import { CHAINS } from '../../chains/registry';
import type { ChainReadContext } from '../../portfolio/types';
import { readPastWindow } from '../past-window';

/** The window base yields of these pools are measured over (narrower ones are read alongside, see past-window.ts). */
export const WINDOW_SECONDS = 7 * 86_400;

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
 * The same reads at a past block (round 2, `past-window.ts`): 7 days, 1 day and 1 hour back together, the
 * widest the RPC serves, with that block's own timestamp so the caller states the window actually measured.
 */
export async function readPast<T>(
  ctx: ChainReadContext,
  addReads: (batch: Batch) => () => T,
  windowSeconds = WINDOW_SECONDS,
): Promise<PastRead<T>> {
  const multicall3 = CHAINS[ctx.chainId].multicall3;
  const out = await readPastWindow({
    client: ctx.client,
    chainId: ctx.chainId,
    head: { number: ctx.blockNumber, timestamp: ctx.blockTimestamp },
    windowSeconds,
    read: (block) => readAt(ctx.client, multicall3, block, addReads),
  });
  if (!out.ok) return { ok: false, note: out.note };
  return {
    ok: true,
    value: out.value.value,
    block: out.block,
    timestamp: out.value.timestamp,
    note: out.note,
  };
}

/** `Nd` / `Nh` for a measured window. */
export function windowLabel(seconds: bigint): string {
  const s = Number(seconds);
  if (s >= 86_400) return `${(s / 86_400).toFixed(s % 86_400 === 0 ? 0 : 1)}d`;
  if (s >= 3_600) return `${(s / 3_600).toFixed(1)}h`;
  return `${s}s`;
}
