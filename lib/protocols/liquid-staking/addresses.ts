import type { DeploymentSpec } from '../../chains/network';
import type { LiquidStakingDeployment } from './types';

/**
 * The liquid staking tokens themselves and their exchange-rate feeds are price facts, kept with every
 * other feed in `lib/prices/mainnet.ts` (source: bgd-labs/aave-address-book `Chainlink*`, the feeds
 * `wstETH_stETH_Exchange_Rate`, `rETH_ETH_Exchange_Rate`, `weETH__eETH_Exchange_Rate`; tokens from its
 * `*_UNDERLYING`, see shared/reference/onchain-facts.md §4–5): this module reads every token whose price
 * source is of the `exchange-rate` kind. What it adds is where a token has no rate feed.
 */
const NO_RETH_ON_ZKSYNC = {
  symbol: 'rETH',
  reason:
    'no rETH on zkSync Era: no rETH token address is confirmed there and Chainlink lists no rETH/ETH exchange-rate feed on it',
};

export const LIQUID_STAKING_DEPLOYMENT: DeploymentSpec<LiquidStakingDeployment> = {
  // The devnet mirrors mainnet's coverage for wstETH and rETH; weETH is not deployed there.
  devnet: (_contracts, chainId) => ({
    unavailable: [
      ...(chainId === 324 ? [NO_RETH_ON_ZKSYNC] : []),
      {
        symbol: 'weETH',
        reason: 'weETH is not deployed on the devnet (mainnet reads it on all three chains)',
      },
    ],
  }),
  mainnet: {
    10: { unavailable: [] },
    42161: { unavailable: [] },
    324: { unavailable: [NO_RETH_ON_ZKSYNC] },
  },
};
