import type { Address } from 'viem';
import type { Batch, Result } from '../chains/multicall';
import type { ChainDeployment } from '../chains/network';
import {
  addFeedReads,
  addSequencerRead,
  evaluatePrice,
  type RawFeedRead,
  type SequencerStatus,
} from './chainlink';
import type { PriceReading, PriceSourceSpec } from './types';

/** Key of a token in a price book: lower-case address, or 'native'. */
export function priceKey(token: Address | 'native'): string {
  return token === 'native' ? 'native' : token.toLowerCase();
}

/**
 * Adds the reads of every feed a chain's price sources use (each feed once, however many tokens share
 * it) plus the sequencer uptime feed. The accessor evaluates every source at the block's timestamp.
 */
export function addPriceBookReads(
  batch: Batch,
  deployment: ChainDeployment,
): (blockTimestamp: bigint) => { prices: Map<string, PriceReading>; sequencer: SequencerStatus | null } {
  const sources: [string, PriceSourceSpec][] = [];
  if (deployment.nativePrice) sources.push(['native', deployment.nativePrice]);
  for (const token of deployment.tokens) {
    if (token.price) sources.push([priceKey(token.address), token.price]);
  }
  const feedReads = new Map<string, () => Result<RawFeedRead>>();
  for (const [, source] of sources) {
    for (const feed of source.feeds) {
      const key = feed.address.toLowerCase();
      if (!feedReads.has(key)) feedReads.set(key, addFeedReads(batch, feed.address));
    }
  }
  const sequencerRead = deployment.sequencerFeed ? addSequencerRead(batch, deployment.sequencerFeed) : null;
  return (blockTimestamp) => {
    const sequencer = sequencerRead ? sequencerRead(blockTimestamp) : null;
    const prices = new Map<string, PriceReading>();
    for (const [key, source] of sources) {
      const reads = source.feeds.map((f) => {
        const read = feedReads.get(f.address.toLowerCase());
        return read ? read() : ({ ok: false, error: 'not read' } as const);
      });
      prices.set(key, evaluatePrice(source, reads, blockTimestamp, sequencer ?? { state: 'up' }));
    }
    return { prices, sequencer };
  };
}
