import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { type Abi, type Address, type Hex, maxUint256, parseAbi, parseUnits } from 'viem';
import type { ChainId } from '../../lib/chains/registry';
import { FARM_PREFIX } from '../../lib/protocols/staking-rewards/module';
import { loadArtifact } from '../artifacts';
import type { Deployable } from '../chain';
import { GOV_TOKEN, MINTABLE_ERC20, tokenDecimals } from './base';
import type { SeedContext, SeedModule } from './types';

/**
 * Synthetix-style farms: the real `StakingRewards` from `@uniswap/liquidity-staker` (waffle artifact,
 * solc 0.5.16). Per chain: an active farm the demo stakes in next to a bigger staker, and the cases the
 * app must put in words: a farm nobody staked in, a farm whose reward period never started (the
 * artifact's fixed 60-day duration cannot end inside the devnet's shared history), a farm whose reward
 * token has no price (chain 324) or hostile metadata (chain 10), and a tiny stake (42161).
 */

const require = createRequire(import.meta.url);

/** A waffle-format artifact (`abi`, `bytecode` without 0x), as `@uniswap/*` packages ship them. */
export function loadWaffleArtifact(modulePath: string): Deployable {
  const json = JSON.parse(readFileSync(require.resolve(modulePath), 'utf8')) as {
    abi: Abi;
    bytecode: string;
  };
  return {
    abi: json.abi,
    bytecode: (json.bytecode.startsWith('0x') ? json.bytecode : `0x${json.bytecode}`) as Hex,
  };
}

export const STAKING_REWARDS_ARTIFACT = '@uniswap/liquidity-staker/build/StakingRewards.json';
export const NO_PRICE_TOKEN = 'Farm.NOPRICE';

export const farmAbi = parseAbi([
  'function stake(uint256 amount)',
  'function notifyRewardAmount(uint256 reward)',
  'function earned(address account) view returns (uint256)',
  'function rewardRate() view returns (uint256)',
  'function periodFinish() view returns (uint256)',
  'function totalSupply() view returns (uint256)',
  'function balanceOf(address) view returns (uint256)',
]);
const tokenAbi = parseAbi([
  'function mint(address account, uint256 value) returns (bool)',
  'function approve(address spender, uint256 value) returns (bool)',
  'function transfer(address to, uint256 value) returns (bool)',
]);

/** One farm of the seed: what is staked, what it pays, who stakes how much (whole tokens). */
export interface FarmSpec {
  name: string;
  staking: string;
  reward: string;
  /** Reward notified for the 60-day period (whole tokens); 0 = never started. */
  reward_amount: string;
  demo: string;
  other: string;
}

export function farmSpecs(chainId: ChainId): FarmSpec[] {
  const gov = GOV_TOKEN[chainId];
  if (chainId === 10) {
    return [
      {
        name: `USDC-${gov}`,
        staking: 'USDC',
        reward: gov,
        reward_amount: '450',
        demo: '5000',
        other: '20000',
      },
      {
        name: 'DAI-HOSTILE',
        staking: 'DAI',
        reward: 'HOSTILE',
        reward_amount: '1000',
        demo: '1500',
        other: '0',
      },
      { name: 'never-started', staking: 'USDC', reward: gov, reward_amount: '0', demo: '100', other: '0' },
    ];
  }
  if (chainId === 42161) {
    return [
      { name: `WETH-${gov}`, staking: 'WETH', reward: gov, reward_amount: '5500', demo: '2', other: '30' },
      { name: 'empty', staking: 'USDC', reward: gov, reward_amount: '10000', demo: '0', other: '0' },
      { name: 'tiny', staking: 'USDC', reward: gov, reward_amount: '5000', demo: '100', other: '0' },
    ];
  }
  return [
    {
      name: `USDC-${gov}`,
      staking: 'USDC',
      reward: gov,
      reward_amount: '19000',
      demo: '4000',
      other: '40000',
    },
    {
      name: 'NOPRICE',
      staking: 'USDC',
      reward: NO_PRICE_TOKEN,
      reward_amount: '100000',
      demo: '2500',
      other: '2500',
    },
  ];
}

const wethAbi = parseAbi(['function deposit() payable']);

async function seedFarms(ctx: SeedContext): Promise<void> {
  const { chain, accounts, chainId } = ctx;
  const { deployer, demo, trader } = accounts;
  const artifact = loadWaffleArtifact(STAKING_REWARDS_ARTIFACT);
  const tokens: Record<string, Address> = { ...chain.tokens };
  if (chainId === 324) {
    const noPrice = await chain.deploy(deployer, loadArtifact(MINTABLE_ERC20), [
      'No Price Token',
      'NOPRICE',
      18,
    ]);
    tokens[NO_PRICE_TOKEN] = noPrice;
    chain.contracts[NO_PRICE_TOKEN] = noPrice;
  }
  const token = (symbol: string): Address => {
    const a = tokens[symbol];
    if (!a) throw new Error(`staking-rewards seed: no token ${symbol} on ${chainId}`);
    return a;
  };
  /** Gives `to` exactly `amount` of `symbol` (WETH wrapped by the trader and sent, others minted). */
  const fund = async (symbol: string, to: Address, amount: bigint) => {
    if (amount === 0n) return;
    if (symbol === 'WETH') {
      await chain.write(trader, token('WETH'), wethAbi, 'deposit', [], amount);
      await chain.write(trader, token('WETH'), tokenAbi, 'transfer', [to, amount]);
    } else await chain.write(deployer, token(symbol), tokenAbi, 'mint', [to, amount]);
  };
  for (const spec of farmSpecs(chainId)) {
    const farm = await chain.deploy(deployer, artifact, [deployer, token(spec.reward), token(spec.staking)]);
    chain.contracts[`${FARM_PREFIX}${spec.name}`] = farm;
    const reward = parseUnits(spec.reward_amount, tokenDecimals(spec.reward));
    if (reward > 0n) {
      await fund(spec.reward, farm, reward);
      await chain.write(deployer, farm, farmAbi, 'notifyRewardAmount', [reward]);
    }
    // Stakers stake what they were just given: the demo's wallet balances stay as base set them.
    for (const [who, amount] of [
      [deployer, spec.other],
      [demo, spec.demo],
    ] as const) {
      const units = parseUnits(amount, tokenDecimals(spec.staking));
      if (units === 0n) continue;
      await fund(spec.staking, who, units);
      await chain.write(who, token(spec.staking), tokenAbi, 'approve', [farm, maxUint256]);
      await chain.write(who, farm, farmAbi, 'stake', [units]);
    }
  }
}

export const stakingRewardsSeed: SeedModule = { name: 'staking-rewards', after: ['base'], seed: seedFarms };
