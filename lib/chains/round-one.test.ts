import { describe, expect, it } from 'vitest';
import { chunkJobs, MAX_CHUNK_WEIGHT, type RoundOneJob } from './round-one';

const lens = { creationCode: '0x00', runtimeCode: '0x00' } as const;
const job = (label: string, weight: number): RoundOneJob => ({ label, lens, input: '0x', weight });
const weight = (j: RoundOneJob) => ('weight' in j ? (j.weight ?? 50) : 0);

/** Chunks cut in the jobs' order, a new one whenever the next job does not fit (what the packing must beat or match). */
function inOrder(weights: readonly number[], max: number): number {
  let chunks = 0;
  let current = max + 1;
  for (const w of weights) {
    if (current + w > max) {
      chunks += 1;
      current = 0;
    }
    current += w;
  }
  return chunks;
}

describe('round 1 chunks', () => {
  it('hold every job once, none over the limit unless alone, in no more chunks than cutting in order', () => {
    let s = 3;
    const next = () => {
      s = (s * 1_103_515_245 + 12_345) % 2 ** 31;
      return s / 2 ** 31;
    };
    for (let round = 0; round < 200; round++) {
      const weights = Array.from(
        { length: Math.floor(next() * 20) + 1 },
        () => Math.floor(next() * 2_500) + 1,
      );
      const jobs = weights.map((w, i) => job(`j${i}`, w));
      const chunks = chunkJobs(jobs, 2_000);
      const heavy = weights.filter((w) => w > 2_000).length;
      const light = weights.filter((w) => w <= 2_000).reduce((a, b) => a + b, 0);
      expect(
        chunks
          .flat()
          .map((j) => j.label)
          .sort(),
      ).toEqual(jobs.map((j) => j.label).sort());
      for (const c of chunks) {
        const total = c.reduce((n, j) => n + weight(j), 0);
        if (c.length > 1) expect(total).toBeLessThanOrEqual(2_000);
      }
      expect(chunks.length).toBeLessThanOrEqual(inOrder(weights, 2_000));
      expect(chunks.length).toBeGreaterThanOrEqual(heavy + Math.ceil(light / 2_000));
    }
  });

  it('packs a whale’s five 700-weight V3 ranges and its wallet calls into two chunks at the limit (three at 20M gas)', () => {
    const jobs = [
      job('wallet', 200),
      ...Array.from({ length: 5 }, (_, i) => job(`v3 ${i}`, 700)),
      job('aave', 50),
    ];
    expect(chunkJobs(jobs, 2_000)).toHaveLength(3);
    expect(chunkJobs(jobs, MAX_CHUNK_WEIGHT)).toHaveLength(2);
  });
});
