import type { ChainId } from '../../lib/chains/registry';
import type { DevnetAccounts } from '../accounts';
import type { DevnetChain } from '../chain';

export interface SeedContext {
  chainId: ChainId;
  chain: DevnetChain;
  accounts: DevnetAccounts;
  /** Genesis timestamp of the chain (seconds). */
  genesis: bigint;
}

/**
 * Simulated days a step needs, ending at the devnet's final block: the runner keeps one shared
 * history for every step (so one step's days never push another's out of a yield window), and calls
 * `onDay` at the start of each of the step's days, `day` counting 1…`days`, the last being the final day.
 */
export interface SeedHistory {
  days: number;
  onDay: (ctx: SeedContext, day: number) => Promise<void>;
}

/**
 * One part of the devnet. Each step adds its contracts and tokens to `ctx.chain.contracts` /
 * `ctx.chain.tokens` under its own names (they become the manifest) and must leave the demo account's
 * wallet balances as `base` set them (mint what it uses).
 *
 * Order is declared, not implied by a list: `after` names the steps whose contracts this one uses;
 * simulated time is declared in `history`; a `final` step runs after the shared history (exact
 * balances, feeds dated at the final block).
 */
export interface SeedModule {
  name: string;
  after?: readonly string[];
  seed: (ctx: SeedContext) => Promise<void>;
  history?: SeedHistory;
  final?: boolean;
}
