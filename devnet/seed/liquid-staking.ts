import { type Address, parseAbi, parseUnits } from 'viem';
import { DEVNET_RATE_FEED_PREFIX } from '../../lib/chains/network';
import type { ChainId } from '../../lib/chains/registry';
import { loadArtifact } from '../artifacts';
import { compile } from '../solc';
import { DEMO_HOLDINGS, MINTABLE_ERC20, MOCK_V3_AGGREGATOR } from './base';
import type { SeedContext, SeedModule } from './types';

/**
 * Liquid staking tokens on the devnet: Chainlink exchange-rate feeds (MockV3Aggregator, 18 decimals,
 * compiled from @chainlink/contracts' source) whose answers rise once a simulated day at a realistic
 * staking rate, and rETH (a MintableERC20 from @aave/core-v3) where mainnet has it (not zkSync Era).
 * wstETH itself is a base token; the demo's wallet holds wstETH and rETH (`DEMO_HOLDINGS`) and supplies
 * wstETH to Aave in the aave step, through the real Pool, so this step needs no Aave changes.
 * With these feeds in the manifest the app prices both tokens as rate × ETH/USD.
 */
export const LST_RATES = {
  wstETH: { pair: 'wstETH/stETH', start: parseUnits('1.2', 18), aprBps: 290n, chains: [10, 42161, 324] },
  rETH: { pair: 'rETH/ETH', start: parseUnits('1.13', 18), aprBps: 260n, chains: [10, 42161] },
} as const satisfies Record<
  string,
  { pair: string; start: bigint; aprBps: bigint; chains: readonly ChainId[] }
>;

export const LST_HISTORY_DAYS = 30;

/** The feed's answer on simulated day `day` (0 = at seeding): simple growth at `aprBps` a year. */
export function lstRateOnDay(spec: { start: bigint; aprBps: bigint }, day: number): bigint {
  return spec.start + (spec.start * spec.aprBps * BigInt(day)) / (10_000n * 365n);
}

const mockFeedAbi = parseAbi(['function updateAnswer(int256 answer)']);
const mintableAbi = parseAbi(['function mint(address account, uint256 value) returns (bool)']);

export function lstFeedName(pair: string): string {
  return `${DEVNET_RATE_FEED_PREFIX}${pair}`;
}

function specsOn(chainId: ChainId) {
  return Object.entries(LST_RATES).filter(([, s]) => (s.chains as readonly ChainId[]).includes(chainId));
}

async function seedLiquidStaking(ctx: SeedContext): Promise<void> {
  const { chain, accounts, chainId } = ctx;
  for (const [symbol, spec] of specsOn(chainId)) {
    const feed = await chain.deploy(accounts.deployer, compile(MOCK_V3_AGGREGATOR), [
      18,
      lstRateOnDay(spec, 0),
    ]);
    chain.contracts[lstFeedName(spec.pair)] = feed;
    if (symbol === 'wstETH') continue; // a base token already
    const token: Address = await chain.deploy(accounts.deployer, loadArtifact(MINTABLE_ERC20), [
      'Rocket Pool ETH',
      symbol,
      18,
    ]);
    chain.tokens[symbol] = token;
    await chain.write(accounts.deployer, token, mintableAbi, 'mint', [
      accounts.demo,
      parseUnits(DEMO_HOLDINGS[chainId][symbol] ?? '0', 18),
    ]);
  }
}

async function rateDay(ctx: SeedContext, day: number): Promise<void> {
  for (const [, spec] of specsOn(ctx.chainId)) {
    const feed = ctx.chain.contracts[lstFeedName(spec.pair)];
    if (!feed) continue;
    await ctx.chain.write(ctx.accounts.deployer, feed, mockFeedAbi, 'updateAnswer', [
      lstRateOnDay(spec, day),
    ]);
  }
}

export const liquidStakingSeed: SeedModule = {
  name: 'liquid-staking',
  after: ['base', 'aave'],
  seed: seedLiquidStaking,
  history: { days: LST_HISTORY_DAYS, onDay: rateDay },
};
