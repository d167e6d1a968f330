import type { ReadClient } from '../chains/client';
import { errorMessage } from '../chains/multicall';
import { CHAINS, type ChainId } from '../chains/registry';

export interface BaseFeePoint {
  blockNumber: bigint;
  baseFee: bigint;
  /**
   * Chain time of the block, seconds. Exact for the newest and oldest blocks (read from their headers);
   * in between it is interpolated linearly, which is only for placing points on a chart.
   */
  timestamp: number;
}

export interface ChainFeeHistory {
  chainId: ChainId;
  newestBlock: bigint;
  points: BaseFeePoint[];
}

export type ChainFeeHistoryResult =
  | { chainId: ChainId; ok: true; history: ChainFeeHistory }
  | { chainId: ChainId; ok: false; error: string };

/**
 * Base fees of the chain's recent blocks from `eth_feeHistory`. Round trips: the latest block, then
 * `eth_feeHistory` ending at it and the oldest block's header (for its timestamp), concurrently.
 */
export async function readFeeHistory(
  client: ReadClient,
  chainId: ChainId,
  blocks: number = CHAINS[chainId].fees.historyBlocks,
): Promise<ChainFeeHistory> {
  const newest = await client.getBlock({ blockTag: 'latest' });
  const count = Math.max(1, Math.min(blocks, Number(newest.number) + 1));
  const oldestNumber = newest.number - BigInt(count - 1);
  const [history, oldest] = await Promise.all([
    client.getFeeHistory({ blockCount: count, blockNumber: newest.number, rewardPercentiles: [] }),
    client.getBlock({ blockNumber: oldestNumber }),
  ]);
  // The node may answer fewer blocks than asked (it caps the count): place what it gave.
  const first = history.oldestBlock;
  const span = Number(newest.number - oldest.number);
  const t0 = Number(oldest.timestamp);
  const t1 = Number(newest.timestamp);
  const points: BaseFeePoint[] = [];
  // `baseFeePerGas` has one more entry than blocks: the next block's base fee, which is left out.
  const fees = history.baseFeePerGas.slice(0, -1);
  fees.forEach((baseFee, i) => {
    const blockNumber = first + BigInt(i);
    const offset = Number(blockNumber - oldest.number);
    const timestamp = span === 0 ? t1 : t0 + ((t1 - t0) * offset) / span;
    points.push({ blockNumber, baseFee, timestamp });
  });
  return { chainId, newestBlock: newest.number, points };
}

export async function readFeeHistoryResult(
  client: ReadClient,
  chainId: ChainId,
  blocks?: number,
): Promise<ChainFeeHistoryResult> {
  try {
    return { chainId, ok: true, history: await readFeeHistory(client, chainId, blocks) };
  } catch (error) {
    return { chainId, ok: false, error: `base-fee history unavailable: ${errorMessage(error)}` };
  }
}
