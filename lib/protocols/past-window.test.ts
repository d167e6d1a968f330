import type { PublicClient } from 'viem';
import { describe, expect, it } from 'vitest';
import { readPastWindow } from './past-window';

/** A chain of 2-second blocks whose RPC serves state only `servedSeconds` back. */
function fakeClient(headNumber: bigint, headTime: bigint) {
  return {
    getBlock: async ({ blockNumber }: { blockNumber: bigint }) => ({
      number: blockNumber,
      timestamp: headTime - (headNumber - blockNumber) * 2n,
    }),
  } as unknown as PublicClient;
}

const HEAD = { number: 1_000_000n, timestamp: 1_800_000_000n };

describe('readPastWindow', () => {
  it('reads 7 days back and states the window from the headers', async () => {
    const out = await readPastWindow({
      client: fakeClient(HEAD.number, HEAD.timestamp),
      chainId: 10,
      head: HEAD,
      read: async (block) => block,
    });
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    expect(Number(out.seconds)).toBeGreaterThan(7 * 86_400 - 120);
    expect(Number(out.seconds)).toBeLessThan(7 * 86_400 + 120);
    expect(out.note).toBeNull();
  });

  it('falls back to 1 day when the RPC serves no older state, and says so', async () => {
    const client = fakeClient(HEAD.number, HEAD.timestamp);
    const out = await readPastWindow({
      client,
      chainId: 10,
      head: HEAD,
      read: async (block) => {
        if (HEAD.number - block > 50_000n) throw new Error('missing trie node');
        return block;
      },
    });
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    expect(Number(out.seconds)).toBeCloseTo(86_400, -2);
    expect(out.note).toMatch(/not available from this RPC \(missing trie node\); 1d window instead/);
  });

  it('says in words when the RPC serves no past state at all', async () => {
    const out = await readPastWindow({
      client: fakeClient(HEAD.number, HEAD.timestamp),
      chainId: 42161,
      head: HEAD,
      read: async () => {
        throw new Error('state pruned');
      },
    });
    expect(out).toEqual({
      ok: false,
      note: expect.stringMatching(/this RPC serves no past state .*state pruned.*no yield can be measured/),
    });
  });
});
