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
 * One part of the devnet. Modules run in order on each chain; each adds its contracts and tokens to
 * `ctx.chain.contracts` / `ctx.chain.tokens` under its own names (they become the manifest).
 * A module must leave the demo account's wallet balances as `base` set them (mint what it uses).
 */
export interface SeedModule {
  name: string;
  seed: (ctx: SeedContext) => Promise<void>;
}
