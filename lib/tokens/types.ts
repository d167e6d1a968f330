import type { Address } from 'viem';
import type { PriceSourceSpec } from '../prices/types';

/** A token the wallet view reads. Symbol and decimals are re-read on-chain; `symbol` here is a label. */
export interface TokenEntry {
  address: Address;
  symbol: string;
  price: PriceSourceSpec | null;
}

/** Token metadata as read from the chain, already sanitised for display. */
export interface TokenMetadata {
  address: Address;
  symbol: string;
  name: string;
  /** Null when `decimals()` reverted or answered nonsense: amounts are then shown in base units. */
  decimals: number | null;
  /** Set when the metadata could not be read as-is (reverted, bytes32, truncated, …). */
  warning: string | null;
}
