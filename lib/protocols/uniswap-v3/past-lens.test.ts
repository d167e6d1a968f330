import type { Address, Hex } from 'viem';
import { describe, expect, it } from 'vitest';
import { decodePastOutput, packPastInput, splitPools } from './past-lens';

const A: Address = '0x1111111111111111111111111111111111111111';
const B: Address = '0x2222222222222222222222222222222222222222';

/** `n` as `bytes` big-endian hex digits (two's complement for negatives), built here without the module. */
const field = (n: bigint, bytes: number) =>
  (n < 0n ? n + (1n << BigInt(bytes * 8)) : n).toString(16).padStart(bytes * 2, '0');

describe('the V3 past lens input', () => {
  it('packs each pool as address, tick count and int24 ticks', () => {
    const hex = packPastInput([
      [A, [-1, 0, 887272]],
      [B, []],
    ]);
    expect(hex).toBe(
      `0x${A.slice(2)}0003ffffff000000${(887272).toString(16).padStart(6, '0')}${B.slice(2)}0000`,
    );
  });

  it('refuses a tick outside int24', () => {
    expect(() => packPastInput([[A, [2 ** 23]]])).toThrow(/int24/);
    expect(() => packPastInput([[A, [-(2 ** 23) - 1]]])).toThrow(/int24/);
  });

  it('splits pools so that no call holds more ticks than asked, keeping every tick once', () => {
    const ticks = new Map<Address, Set<number>>([
      [A, new Set(Array.from({ length: 7 }, (_, i) => i * 10))],
      [B, new Set([1, 2, 3])],
    ]);
    const parts = splitPools(ticks, 4);
    for (const part of parts) expect(part.reduce((n, [, t]) => n + t.length, 0)).toBeLessThanOrEqual(4);
    expect(parts.length).toBe(3);
    const back = new Map<Address, number[]>();
    for (const part of parts) for (const [pool, t] of part) back.set(pool, [...(back.get(pool) ?? []), ...t]);
    expect(back.get(A)).toEqual([...(ticks.get(A) ?? [])]);
    expect(back.get(B)).toEqual([1, 2, 3]);
  });
});

describe('the V3 past lens output', () => {
  const price = (1n << 96n) + 12345n;
  const g0 = (1n << 200n) + 7n;
  const g1 = 99n;
  const o0 = (1n << 255n) + 3n;
  const o1 = 5n;
  const data = (poolFlags: number, tickFlags: number[]): Hex =>
    `0x${[
      field(1_700_000_000n, 8),
      field(BigInt(poolFlags), 1),
      field(price, 20),
      field(-887n, 3),
      field(g0, 32),
      field(g1, 32),
      ...tickFlags.map((f) => field(BigInt(f), 1) + field(f & 1 ? o0 : 0n, 32) + field(f & 1 ? o1 : 0n, 32)),
    ].join('')}`;

  it('reads every field where it was written, negative ticks included', () => {
    const s = decodePastOutput(data(7, [3, 1, 0]), [[A, [-60, 60, 120]]]);
    expect(s.timestamp).toBe(1_700_000_000n);
    expect(s.pools.get(A)).toEqual({
      ok: true,
      value: { sqrtPriceX96: price, tick: -887, feeGrowthGlobal0X128: g0, feeGrowthGlobal1X128: g1 },
    });
    expect(s.ticks.get(`${A}:-60`)).toEqual({
      ok: true,
      value: { feeGrowthOutside0X128: o0, feeGrowthOutside1X128: o1, initialized: true },
    });
    expect(s.ticks.get(`${A}:60`)).toEqual({
      ok: true,
      value: { feeGrowthOutside0X128: o0, feeGrowthOutside1X128: o1, initialized: false },
    });
    expect(s.ticks.get(`${A}:120`)?.ok).toBe(false);
  });

  it('says which pool read failed', () => {
    expect(decodePastOutput(data(6, []), [[A, []]]).pools.get(A)).toEqual({
      ok: false,
      error: `${A}.slot0 reverted`,
    });
    expect(decodePastOutput(data(3, []), [[A, []]]).pools.get(A)).toEqual({
      ok: false,
      error: `${A}.feeGrowthGlobal1X128 reverted`,
    });
  });

  it('refuses an answer of another size than the pools asked for', () => {
    expect(() => decodePastOutput(data(7, [1]), [[A, []]])).toThrow(/bytes, not/);
    expect(() => decodePastOutput(data(7, []), [[A, [1]]])).toThrow(/bytes, not/);
  });
});
