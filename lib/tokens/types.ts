import type { Address } from 'viem';
import type { PriceSourceSpec } from '../prices/types';

/** A token the wallet view reads. Symbol and decimals are re-read on-chain; `symbol` here is a label. */
export interface TokenEntry {
  address: Address;
  symbol: string;
  price: PriceSourceSpec | null;
  /**
   * Why the token is deliberately left without a price source (e.g. no Chainlink feed for it on this chain).
   * A mainnet token has either a `price` or this reason; `lib/tokens/mainnet.test.ts` holds the list to it.
   */
  unpriced?: string;
  /**
   * Storage slots of the token's `balanceOf` and `allowance` mappings, where known: fee quotes give their
   * sender a balance and approvals through a state override. A wrong slot makes the estimate revert, which
   * the quote reports; it never yields a silent figure.
   */
  storage?: { balances: bigint; allowances: bigint };
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
