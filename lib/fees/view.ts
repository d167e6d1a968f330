import { formatUnits } from 'viem';
import { CHAINS, type ChainId } from '../chains/registry';
import { formatAmount } from '../format/index';
import type { ChainFeeHistory } from './history';
import { cheapestByAction } from './quote';
import type { ChainFeeQuote, ChainFeeResult, FeeActionId, FeePart } from './types';

/**
 * What the fee components are given: plain data derived from the quotes and histories (no RPC, no
 * React), so every figure the page shows can be checked here.
 */

/** One chain's column of the fee table. */
export type FeeColumn =
  | { chainId: ChainId; status: 'loading' }
  | { chainId: ChainId; status: 'error'; error: string }
  | { chainId: ChainId; status: 'ready'; quote: ChainFeeQuote; refreshing: boolean };

export function columnResults(columns: readonly FeeColumn[]): ChainFeeResult[] {
  return columns.flatMap((c): ChainFeeResult[] =>
    c.status === 'ready'
      ? [{ chainId: c.chainId, ok: true, quote: c.quote }]
      : c.status === 'error'
        ? [{ chainId: c.chainId, ok: false, error: c.error }]
        : [],
  );
}

/** The cheapest chain(s) per action among the columns that have a quote. */
export function cheapestColumns(columns: readonly FeeColumn[]): Record<FeeActionId, ChainId[]> {
  return cheapestByAction(columnResults(columns));
}

export function formatEth(wei: bigint | null): string {
  return wei === null ? '—' : `${formatAmount(wei, 18, 9)} ETH`;
}

export function formatGwei(wei: bigint): string {
  return `${formatAmount(wei, 9, 6)} gwei`;
}

/** A fee part as text: its figure, or what it is instead (never a silent zero). */
export function feePartText(part: FeePart): string {
  switch (part.status) {
    case 'ok':
      return formatEth(part.wei);
    case 'upper-bound':
      return `≤ ${formatEth(part.wei)}`;
    case 'included':
      return 'in execution gas';
    case 'unavailable':
      return 'unavailable';
  }
}

// ---- Base-fee chart ----

export interface BaseFeeReading {
  chainId: ChainId;
  blockNumber: bigint;
  /** Chain time, seconds. */
  timestamp: number;
  baseFee: bigint;
}

export function readingOf(quote: ChainFeeQuote): BaseFeeReading {
  return {
    chainId: quote.chainId,
    blockNumber: quote.blockNumber,
    timestamp: Number(quote.blockTimestamp),
    baseFee: quote.gasPrice.baseFee,
  };
}

/**
 * The base-fee readings taken since the page opened (one per quote), one entry per chain and block,
 * newest last, capped per chain. A tiny external store for `useSyncExternalStore`.
 */
export class ReadingLog {
  private readings: BaseFeeReading[] = [];
  private readonly listeners = new Set<() => void>();

  constructor(private readonly perChainCap = 600) {}

  add(reading: BaseFeeReading): void {
    const seen = this.readings.some(
      (r) => r.chainId === reading.chainId && r.blockNumber === reading.blockNumber,
    );
    if (seen) return;
    const mine = this.readings.filter((r) => r.chainId === reading.chainId);
    const drop = mine.length >= this.perChainCap ? mine[0] : undefined;
    this.readings = [...this.readings.filter((r) => r !== drop), reading];
    for (const l of this.listeners) l();
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly snapshot = (): readonly BaseFeeReading[] => this.readings;
}

export interface ChartPoint {
  /** Chain time, seconds. */
  t: number;
  /** Base fee in gwei, a float for plotting only. */
  gwei: number;
  block: string;
}

export interface ChartSeries {
  chainId: ChainId;
  name: string;
  color: string;
  /** From `eth_feeHistory` (block times between the first and last are interpolated). */
  history: ChartPoint[];
  /** Readings taken since the page opened. */
  session: ChartPoint[];
  /** Why the history is missing (the session readings may still be there). */
  error: string | null;
}

function point(blockNumber: bigint, timestamp: number, baseFee: bigint): ChartPoint {
  return { t: timestamp, gwei: Number(formatUnits(baseFee, 9)), block: blockNumber.toString() };
}

export function chartSeries(
  chainId: ChainId,
  history: ChainFeeHistory | null,
  historyError: string | null,
  readings: readonly BaseFeeReading[],
): ChartSeries {
  const spec = CHAINS[chainId];
  const newest = history?.newestBlock ?? -1n;
  return {
    chainId,
    name: spec.shortName,
    color: spec.color,
    history: (history?.points ?? []).map((p) => point(p.blockNumber, p.timestamp, p.baseFee)),
    // Readings the history already covers add nothing.
    session: readings
      .filter((r) => r.chainId === chainId && r.blockNumber > newest)
      .map((r) => point(r.blockNumber, r.timestamp, r.baseFee)),
    error: historyError,
  };
}

/**
 * The y range a log-scale chart needs to show every point: from a little under the lowest positive
 * base fee to a little over the highest. Null when there is nothing to plot.
 */
export function chartDomain(series: readonly ChartSeries[]): [number, number] | null {
  const values = series.flatMap((s) => [...s.history, ...s.session].map((p) => p.gwei)).filter((v) => v > 0);
  if (values.length === 0) return null;
  return [Math.min(...values) / 1.5, Math.max(...values) * 1.5];
}
