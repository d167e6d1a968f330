/**
 * Finding the block at a past time, for measurements over a window (fee growth between two blocks).
 * Block times vary (Arbitrum's and zkSync's are irregular; a devnet jumps days in one block), so the
 * search reads block headers: a few rounds of interpolation plus bisection, each round's probes sent
 * concurrently. The caller states the window actually measured (the two blocks' own timestamps), so an
 * imperfect hit is never passed off as the requested window.
 */

export interface BlockPoint {
  number: bigint;
  timestamp: bigint;
}

export interface LocateOptions {
  /** The block everything else is read at. */
  head: BlockPoint;
  targetTimestamp: bigint;
  /** A first guess of the chain's block time, only used to place the first probe. */
  guessSecondsPerBlock: number;
  maxRounds?: number;
  /** Stop as soon as a block is this close to the target. */
  toleranceSeconds?: bigint;
  /** Checked before each round, so a search whose result is no longer needed sends nothing more. */
  isCancelled?: () => boolean;
}

export interface LocateResult {
  /** The probed block closest to the target, or null when no block before the head was found. */
  best: BlockPoint | null;
  /** Every block whose timestamp is now known, head included, by number. */
  points: BlockPoint[];
  probes: number;
  rounds: number;
}

const abs = (x: bigint) => (x < 0n ? -x : x);

function bracket(points: readonly BlockPoint[], target: bigint) {
  let lo: BlockPoint | undefined;
  let hi: BlockPoint | undefined;
  for (const p of points) {
    if (p.timestamp <= target) {
      if (!lo || p.number > lo.number) lo = p;
    } else if (!hi || p.number < hi.number) hi = p;
  }
  return { lo, hi };
}

/** Block number at `timestamp` by linear interpolation between known blocks, or extrapolation from them. */
export function estimateBlockAt(
  points: readonly BlockPoint[],
  timestamp: bigint,
  guessSecondsPerBlock: number,
): bigint {
  const sorted = [...points].sort((a, b) => (a.number < b.number ? -1 : 1));
  const { lo, hi } = bracket(sorted, timestamp);
  if (lo && hi) {
    return lo.number + ((timestamp - lo.timestamp) * (hi.number - lo.number)) / (hi.timestamp - lo.timestamp);
  }
  // Outside the known blocks: extrapolate from the nearest one at the rate measured across all of them.
  const anchor = hi ?? lo;
  if (!anchor) return 0n;
  const far = anchor === hi ? sorted[sorted.length - 1] : sorted[0];
  let estimate: bigint;
  if (far && far.timestamp !== anchor.timestamp) {
    estimate =
      anchor.number +
      ((timestamp - anchor.timestamp) * (far.number - anchor.number)) / (far.timestamp - anchor.timestamp);
  } else {
    const guessMs = BigInt(Math.max(1, Math.round(guessSecondsPerBlock * 1000)));
    estimate = anchor.number + ((timestamp - anchor.timestamp) * 1000n) / guessMs;
  }
  return estimate < 0n ? 0n : estimate;
}

/**
 * The block whose timestamp is closest to `targetTimestamp`. Each round sends its probes concurrently: the
 * interpolated (or, before the target is bracketed, extrapolated) estimate, plus three evenly spaced
 * blocks of the bracket whenever block times have proved far from regular, so irregular chains converge
 * in a few rounds too. Steady chains (OP Stack's fixed 2 s) settle after one or two single-probe rounds.
 */
export async function locateBlock(
  fetchTimestamp: (blockNumber: bigint) => Promise<bigint>,
  options: LocateOptions,
): Promise<LocateResult> {
  const { head, targetTimestamp: target } = options;
  const maxRounds = options.maxRounds ?? 3;
  const tolerance = options.toleranceSeconds ?? 60n;
  const known = new Map<bigint, BlockPoint>([[head.number, head]]);
  let probes = 0;
  let rounds = 0;
  // Unknown until a first estimate has been checked against a real timestamp.
  let regular: boolean | null = null;

  const closest = (): BlockPoint | null => {
    let best: BlockPoint | null = null;
    for (const p of known.values()) {
      if (p.number >= head.number) continue;
      if (!best || abs(p.timestamp - target) < abs(best.timestamp - target)) best = p;
    }
    return best;
  };

  while (rounds < maxRounds && !options.isCancelled?.()) {
    const best = closest();
    if (best && abs(best.timestamp - target) <= tolerance) break;
    const points = [...known.values()];
    const { lo, hi } = bracket(points, target);
    if (!hi) break; // the head itself is older than the target: nothing to search
    if (lo && hi.number - lo.number <= 1n) break; // bracketed to adjacent blocks: nothing closer exists
    if (!lo && hi.number === 0n) break; // block 0 is newer than the target: the chain is younger than the window
    let estimate = lo
      ? lo.number + ((target - lo.timestamp) * (hi.number - lo.number)) / (hi.timestamp - lo.timestamp)
      : estimateBlockAt(points, target, options.guessSecondsPerBlock);
    const floor = lo ? lo.number + 1n : 0n;
    if (estimate < floor) estimate = floor;
    if (estimate >= hi.number) estimate = hi.number - 1n;
    const candidates = new Set<bigint>([estimate]);
    // Spread probes when block times are irregular, or when the chain is younger than the guess implies.
    const spread = regular === false || (regular === null && !lo && estimate === 0n);
    if (spread) {
      const base = lo ? lo.number : 0n;
      const span = hi.number - base;
      for (const k of [1n, 2n, 3n]) {
        const n = base + (span * k) / 4n;
        if (n > base && n < hi.number) candidates.add(n);
      }
    }
    const fresh = [...candidates].filter((n) => !known.has(n));
    if (fresh.length === 0) break;
    rounds += 1;
    probes += fresh.length;
    const timestamps = await Promise.all(fresh.map((n) => fetchTimestamp(n)));
    fresh.forEach((n, i) => {
      const timestamp = timestamps[i];
      if (timestamp !== undefined) known.set(n, { number: n, timestamp });
    });
    // Was the estimate good? Regular block times put it within a twentieth of the time still to cover.
    const hit = known.get(estimate);
    const reference = lo ? hi.timestamp - lo.timestamp : head.timestamp - target;
    if (hit) regular = abs(hit.timestamp - target) * 20n <= (reference > 0n ? reference : 1n);
  }
  const points = [...known.values()].sort((a, b) => (a.number < b.number ? -1 : 1));
  return { best: closest(), points, probes, rounds };
}
