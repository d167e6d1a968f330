import { type Address, parseAbi } from 'viem';
import { type Batch, call, type Result } from '../chains/multicall';
import { formatAge } from './reading';
import type { FeedSpec, PriceReading, PriceSourceSpec } from './types';

export const aggregatorV3Abi = parseAbi([
  'function latestRoundData() view returns (uint80 roundId, int256 answer, uint256 startedAt, uint256 updatedAt, uint80 answeredInRound)',
  'function decimals() view returns (uint8)',
  'function description() view returns (string)',
]);

/** Seconds the sequencer must have been back up before L2 prices are trusted again (Chainlink's advice). */
export const SEQUENCER_GRACE_SECONDS = 3600n;

export interface RawFeedRead {
  answer: bigint;
  updatedAt: bigint;
  decimals: number;
}

type RoundData = readonly [bigint, bigint, bigint, bigint, bigint];

/** Adds the two reads a feed needs to a batch; the accessor returns the raw answer or why it failed. */
export function addFeedReads(batch: Batch, feed: Address): () => Result<RawFeedRead> {
  const round = batch.add(call(feed, aggregatorV3Abi, 'latestRoundData'));
  const decimals = batch.add(call(feed, aggregatorV3Abi, 'decimals'));
  return () => {
    const r = round();
    const d = decimals();
    if (!r.ok) return r;
    if (!d.ok) return d;
    const data: RoundData = r.value;
    return { ok: true, value: { answer: data[1], updatedAt: data[3], decimals: d.value } };
  };
}

export type SequencerStatus =
  | { state: 'up' }
  | { state: 'down'; reason: string }
  | { state: 'unknown'; reason: string };

/** Adds the L2 sequencer uptime feed read; answer 0 = up, 1 = down, `startedAt` = last change. */
export function addSequencerRead(batch: Batch, feed: Address): (blockTimestamp: bigint) => SequencerStatus {
  const round = batch.add(call(feed, aggregatorV3Abi, 'latestRoundData'));
  return (blockTimestamp) => {
    const r = round();
    if (!r.ok) return { state: 'unknown', reason: `sequencer feed unreadable (${r.error})` };
    const [, answer, startedAt] = r.value;
    if (answer !== 0n) return { state: 'down', reason: 'the L2 sequencer is down' };
    if (startedAt === 0n) return { state: 'unknown', reason: 'the sequencer uptime feed is not initialised' };
    if (startedAt !== 0n && blockTimestamp - startedAt < SEQUENCER_GRACE_SECONDS) {
      return {
        state: 'down',
        reason: `the sequencer came back ${blockTimestamp - startedAt}s ago (grace period ${SEQUENCER_GRACE_SECONDS}s)`,
      };
    }
    return { state: 'up' };
  };
}

/**
 * Judges a price source from its feeds' raw answers at a block. Pure: the same inputs give the same verdict.
 * The USD price is the product of the feed answers, scaled to 18 decimals.
 */
export function evaluatePrice(
  source: PriceSourceSpec,
  reads: readonly Result<RawFeedRead>[],
  blockTimestamp: bigint,
  sequencer: SequencerStatus = { state: 'up' },
): PriceReading {
  const base = { label: source.label, note: source.note ?? null };
  let numerator = 10n ** 18n;
  let denominator = 1n;
  let oldest: bigint | null = null;
  const staleReasons: string[] = [];
  for (const [i, feed] of source.feeds.entries()) {
    const read = reads[i];
    if (!read?.ok) {
      return {
        ...base,
        usdE18: null,
        status: 'failed',
        updatedAt: null,
        reason: `${feed.pair} feed unreadable${read ? `: ${read.error}` : ''}`,
      };
    }
    const { answer, updatedAt, decimals } = read.value;
    if (answer <= 0n || updatedAt === 0n) {
      return {
        ...base,
        usdE18: null,
        status: 'invalid',
        updatedAt,
        reason: `${feed.pair} feed answered ${answer}`,
      };
    }
    oldest = oldest === null || updatedAt < oldest ? updatedAt : oldest;
    const age = blockTimestamp - updatedAt;
    if (age > BigInt(feed.maxAgeSeconds)) {
      staleReasons.push(
        `${feed.pair} last updated ${formatAge(age)} before this block (limit ${formatAge(BigInt(feed.maxAgeSeconds))})`,
      );
    }
    numerator *= answer;
    denominator *= 10n ** BigInt(decimals);
  }
  const usdE18 = numerator / denominator;
  // Down, in its grace period, or unknowable: an L2 price cannot be trusted as current either way.
  if (sequencer.state !== 'up') {
    return { ...base, usdE18, status: 'sequencer-down', updatedAt: oldest, reason: sequencer.reason };
  }
  if (staleReasons.length > 0) {
    return { ...base, usdE18, status: 'stale', updatedAt: oldest, reason: staleReasons.join('; ') };
  }
  return { ...base, usdE18, status: 'ok', updatedAt: oldest, reason: null };
}

export function feedKey(feed: FeedSpec): string {
  return feed.address.toLowerCase();
}
