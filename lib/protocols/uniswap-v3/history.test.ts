import { describe, expect, it } from 'vitest';
import { type BlockPoint, estimateBlockAt, locateBlock } from './history';

/** Deterministic pseudo-random numbers (mulberry32). */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A synthetic chain: timestamps[n] of block n, and a fetcher that counts what it is asked. */
function chain(timestamps: bigint[]) {
  const asked: bigint[] = [];
  const fetch = async (n: bigint) => {
    asked.push(n);
    const t = timestamps[Number(n)];
    if (t === undefined) throw new Error(`block ${n} does not exist`);
    return t;
  };
  const head: BlockPoint = { number: BigInt(timestamps.length - 1), timestamp: timestamps.at(-1) ?? 0n };
  /** The oracle: the closest block before the head, by exhaustive search. */
  const closestTo = (target: bigint) => {
    let best = 0;
    timestamps.slice(0, -1).forEach((t, i) => {
      const d = (x: bigint) => (x < target ? target - x : x - target);
      if (d(t) < d(timestamps[best] ?? 0n)) best = i;
    });
    return { number: BigInt(best), timestamp: timestamps[best] ?? 0n };
  };
  return { fetch, head, asked, closestTo };
}

const GENESIS = 1_767_225_600n;
const WEEK = 7n * 86_400n;

describe('locating the block at a past time', () => {
  it('hits a steady 2-second chain with one probe', async () => {
    const c = chain(Array.from({ length: 400_000 }, (_, i) => GENESIS + 2n * BigInt(i)));
    const r = await locateBlock(c.fetch, {
      head: c.head,
      targetTimestamp: c.head.timestamp - WEEK,
      guessSecondsPerBlock: 2,
    });
    expect(r.best).toEqual(c.closestTo(c.head.timestamp - WEEK));
    expect(r.probes).toBe(1);
  });

  it('converges on an irregular chain whose block time differs from the guess (Arbitrum-like)', async () => {
    const random = rng(5);
    const ts: bigint[] = [GENESIS];
    for (let i = 1; i < 3_000_000; i++) ts.push((ts[i - 1] ?? 0n) + (random() < 0.7 ? 0n : 1n));
    const c = chain(ts);
    const target = c.head.timestamp - WEEK;
    const r = await locateBlock(c.fetch, {
      head: c.head,
      targetTimestamp: target,
      guessSecondsPerBlock: 0.25,
      toleranceSeconds: 60n,
      maxRounds: 4,
    });
    const best = r.best;
    expect(best).not.toBeNull();
    if (!best) return;
    expect(best.timestamp).toBe(ts[Number(best.number)]);
    const miss = best.timestamp > target ? best.timestamp - target : target - best.timestamp;
    expect(miss).toBeLessThanOrEqual(60n);
    expect(r.rounds).toBeLessThanOrEqual(3);
  });

  it('finds the exact closest block on a devnet-like chain that jumps a day per block', async () => {
    // 80 blocks a second apart (deployment), then one block a day for ten days, then 12 blocks a second apart.
    const ts: bigint[] = [];
    for (let i = 0; i < 80; i++) ts.push(GENESIS + BigInt(i));
    const start = ts.at(-1) ?? GENESIS;
    for (let d = 1n; d <= 10n; d++) ts.push(start + d * 86_400n);
    const end = ts.at(-1) ?? GENESIS;
    for (let i = 1n; i <= 12n; i++) ts.push(end + i);
    const c = chain(ts);
    const target = c.head.timestamp - WEEK;
    const r = await locateBlock(c.fetch, {
      head: c.head,
      targetTimestamp: target,
      guessSecondsPerBlock: 2,
      toleranceSeconds: 1209n,
      maxRounds: 4,
    });
    expect(r.best).toEqual(c.closestTo(target));
    expect(r.rounds).toBeLessThanOrEqual(3);
  });

  it('settles on block 0 when the chain is younger than the window, and never probes past the head', async () => {
    const c = chain(Array.from({ length: 50 }, (_, i) => GENESIS + BigInt(i)));
    const r = await locateBlock(c.fetch, {
      head: c.head,
      targetTimestamp: c.head.timestamp - WEEK,
      guessSecondsPerBlock: 1,
    });
    expect(r.best).toEqual({ number: 0n, timestamp: GENESIS });
    expect(c.asked.every((n) => n < c.head.number)).toBe(true);
  });

  it('stops when cancelled and passes a failing fetch on', async () => {
    const c = chain(Array.from({ length: 1000 }, (_, i) => GENESIS + BigInt(i)));
    const cancelled = await locateBlock(c.fetch, {
      head: c.head,
      targetTimestamp: c.head.timestamp - 500n,
      guessSecondsPerBlock: 3,
      isCancelled: () => true,
    });
    expect(cancelled.probes).toBe(0);
    expect(cancelled.best).toBeNull();
    await expect(
      locateBlock(async () => Promise.reject(new Error('header not found')), {
        head: c.head,
        targetTimestamp: c.head.timestamp - 500n,
        guessSecondsPerBlock: 1,
      }),
    ).rejects.toThrow('header not found');
  });

  it('estimates a block by interpolation and extrapolation', () => {
    const points = [
      { number: 100n, timestamp: 1000n },
      { number: 200n, timestamp: 1200n },
    ];
    expect(estimateBlockAt(points, 1100n, 1)).toBe(150n);
    expect(estimateBlockAt(points, 800n, 1)).toBe(0n);
    expect(estimateBlockAt(points, 900n, 1)).toBe(50n);
    expect(estimateBlockAt([{ number: 100n, timestamp: 1000n }], 900n, 2)).toBe(50n);
  });
});
