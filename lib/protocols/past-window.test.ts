import type { PublicClient } from 'viem';
import { describe, expect, it } from 'vitest';
import type { ReadClient } from '../chains/client';
import { learnBlockTimes, pastBlocks, readPastWindow } from './past-window';

/** A chain of 2-second blocks (OP's): a block's time is known from its number alone. */
const HEAD = { number: 1_000_000n, timestamp: 1_800_000_000n };
const timeOf = async (block: bigint) => HEAD.timestamp - (HEAD.number - block) * 2n;
/** The reader is handed no RPC: block times and reads are the test's own. */
const client = () => ({}) as unknown as PublicClient as ReadClient;

describe('readPastWindow (round 2)', () => {
  it('asks 7 days, 1 day and 1 hour back at once, placed by the block time, and keeps the widest', async () => {
    const asked: bigint[] = [];
    const out = await readPastWindow({
      client: client(),
      chainId: 10,
      head: HEAD,
      blockTime: timeOf,
      read: async (block) => {
        asked.push(block);
        return block;
      },
    });
    // OP's 2-second blocks: 302,400, 43,200 and 1,800 blocks back, with no header search.
    expect(asked).toEqual([HEAD.number - 302_400n, HEAD.number - 43_200n, HEAD.number - 1_800n]);
    expect(out.ok && out.seconds).toBe(7n * 86_400n);
    expect(out.ok && out.note).toBeNull();
  });

  it('falls back to 1 day when the RPC serves no older state, and says so', async () => {
    const out = await readPastWindow({
      client: client(),
      chainId: 10,
      head: HEAD,
      blockTime: timeOf,
      read: async (block) => {
        if (HEAD.number - block > 50_000n) throw new Error('missing trie node');
        return block;
      },
    });
    expect(out.ok && out.seconds).toBe(86_400n);
    expect(out.ok && out.note).toMatch(
      /not available from this RPC \(missing trie node\); 1d window instead/,
    );
  });

  it('says in words when the RPC serves no past state at all', async () => {
    const out = await readPastWindow({
      client: client(),
      chainId: 42161,
      head: HEAD,
      blockTime: timeOf,
      read: async () => {
        throw new Error('state pruned');
      },
    });
    expect(out).toEqual({
      ok: false,
      note: expect.stringMatching(/this RPC serves no past state .*state pruned.*no yield can be measured/),
    });
  });

  it('places blocks between known points where block times are irregular (a devnet day in one block)', () => {
    const c = client();
    // Day boundaries at blocks 100, 101, …: one block per day, then one block a second up to the head.
    const day = 86_400n;
    const start = HEAD.timestamp - 8n * day;
    learnBlockTimes(
      c,
      Array.from({ length: 8 }, (_, i) => ({ number: 100n + BigInt(i), timestamp: start + BigInt(i) * day })),
    );
    const head = { number: 107n + 3_600n, timestamp: start + 7n * day + 3_600n };
    const [week] = pastBlocks(c, 10, head, [7 * 86_400]);
    expect(week?.block).toBe(100n);
  });

  it('on a refresh keeps the last read’s block while the window stays within 10% of the one asked', async () => {
    const c = client();
    const first = await readPastWindow({
      client: c,
      chainId: 10,
      head: HEAD,
      blockTime: timeOf,
      read: async (b) => b,
    });
    const later = { number: HEAD.number + 15n, timestamp: HEAD.timestamp + 30n };
    const again = await readPastWindow({
      client: c,
      chainId: 10,
      head: later,
      blockTime: timeOf,
      read: async (b) => b,
    });
    expect(first.ok && again.ok && again.block).toBe(first.ok && first.block);
    expect(again.ok && again.seconds).toBe(7n * 86_400n + 30n);
    // A day later the window would be 8 days: a new block is placed.
    const nextDay = { number: HEAD.number + 43_200n, timestamp: HEAD.timestamp + 86_400n };
    const moved = await readPastWindow({
      client: c,
      chainId: 10,
      head: nextDay,
      blockTime: timeOf,
      read: async (b) => b,
    });
    expect(moved.ok && moved.seconds).toBe(7n * 86_400n);
  });
});
