import type { Address } from 'viem';
import type { Position } from '../../portfolio/types';

export const GOVERNANCE_ID = 'governance';

/**
 * - `self`: the balance votes for this address.
 * - `other`: the balance votes for `delegate`.
 * - `undelegated`: the balance counts for nothing until it is delegated (to self or to someone).
 * - `unknown`: `delegates` could not be read.
 */
export type DelegationStatus = 'self' | 'other' | 'undelegated' | 'unknown';

/** Voting power on one token at the read block: detail on the position that holds the token, no value. */
export interface GovernanceDetails {
  type: typeof GOVERNANCE_ID;
  token: Address;
  symbol: string;
  decimals: number | null;
  /** The balance that can vote; null when unreadable. */
  balance: bigint | null;
  /** `delegates(account)`; null when it is the zero address (undelegated) or unreadable. */
  delegate: Address | null;
  status: DelegationStatus;
  /** `getVotes(account)`: the power this address can vote with now; null when unreadable. */
  votes: bigint | null;
  /**
   * Votes others delegated to this address: `getVotes − balance` when self-delegated, all of `getVotes`
   * otherwise (its own balance then votes elsewhere or nowhere). Who they are is not readable from the
   * token's views (only from its DelegateChanged logs). Null when an input is unreadable.
   */
  delegatedByOthers: bigint | null;
  /** The position whose value counts this balance (the wallet row, or a staking position). */
  countedIn: string;
  heldInLabel: string;
  blockNumber: bigint;
}

export function isGovernanceDetails(d: Position['details']): d is GovernanceDetails {
  return d?.type === GOVERNANCE_ID;
}
