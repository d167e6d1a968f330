import { type Address, maxUint256, parseAbi, parseUnits } from 'viem';
import { loadArtifact } from '../artifacts';
import type { DevnetChain } from '../chain';
import { compile } from '../solc';
import { DEMO_HOLDINGS, deployFeed, MINTABLE_ERC20, tokenDecimals } from './base';
import type { SeedContext, SeedModule } from './types';

/**
 * Velodrome V2 on chain 10, from stand-ins written for the devnet (Velodrome's code is not on npm; see
 * devnet/contracts/velodrome/): a pool factory with volatile and stable pools, gauges, a Voter, a
 * voting escrow (veVELO), voting rewards and a rebase distributor; VELO is a MintableERC20 priced by a
 * MockV3Aggregator (`ChainlinkFeed.VELO/USD`).
 *
 * The deployer provides the liquidity and sends the LP tokens to the demo, who stakes part of them, so the
 * demo's wallet is untouched. Over the shared simulated days the trader swaps through the pools daily,
 * gauges are notified (one's emissions change on day 6), one gauge is killed, one's period ends, one
 * starts reverting on the last day, and the demo's lock earns incentives, voting fees and a rebase.
 */

export const VELO_PRICE_E8 = 12_000_000n; // $0.12
export const VELO_DAYS = 10;
export const VELO_MANIFEST = {
  factory: 'Velodrome.PoolFactory',
  voter: 'Velodrome.Voter',
  votingEscrow: 'Velodrome.VotingEscrow',
  rewardsDistributor: 'Velodrome.RewardsDistributor',
} as const;

/** A pool of the seed: liquidity (whole tokens), the demo's LP (fractions of what is minted), its gauge. */
export interface VeloPoolSpec {
  key: string;
  a: string;
  b: string;
  stable: boolean;
  /** Whole tokens of a and b the deployer adds (0 for an empty pool). */
  liquidity: readonly [string, string];
  /** Parts per thousand of the minted LP given to the demo: unstaked, then staked in the gauge. */
  demoUnstaked: bigint;
  demoStaked: bigint;
  /** Parts per thousand the deployer stakes too (other stakers in the gauge). */
  otherStaked: bigint;
  gauge: null | {
    reward: 'VELO' | 'HOSTILE';
    /** Rewards notified: [simulated day, whole tokens]. */
    notify: readonly (readonly [number, string])[];
    killOnDay?: number;
    /** From this day on (after its trades), every read of the gauge reverts. */
    breakOnDay?: number;
  };
  /** Whole tokens of `a` the trader swaps each way every day. */
  dailySwap: string | null;
}

export const VELO_POOLS: readonly VeloPoolSpec[] = [
  {
    key: 'wethUsdc',
    a: 'WETH',
    b: 'USDC',
    stable: false,
    liquidity: ['100', '300000'],
    demoUnstaked: 40n,
    demoStaked: 60n,
    otherStaked: 300n,
    gauge: {
      reward: 'VELO',
      notify: [
        [1, '7000'],
        [6, '14000'],
      ],
    },
    dailySwap: '5',
  },
  {
    key: 'usdcDai',
    a: 'USDC',
    b: 'DAI',
    stable: true,
    liquidity: ['500000', '500000'],
    demoUnstaked: 20n,
    demoStaked: 30n,
    otherStaked: 200n,
    gauge: { reward: 'VELO', notify: [[4, '3500']] },
    dailySwap: '40000',
  },
  {
    key: 'opVelo',
    a: 'OP',
    b: 'VELO',
    stable: false,
    liquidity: ['400', '6000'],
    demoUnstaked: 0n,
    demoStaked: 300n,
    otherStaked: 0n,
    gauge: { reward: 'VELO', notify: [[5, '2000']] },
    dailySwap: '4',
  },
  {
    key: 'wethOp',
    a: 'WETH',
    b: 'OP',
    stable: false,
    liquidity: ['20', '32000'],
    demoUnstaked: 0n,
    demoStaked: 100n,
    otherStaked: 400n,
    gauge: { reward: 'VELO', notify: [[1, '30000']], killOnDay: 3 },
    dailySwap: '1',
  },
  {
    key: 'usdtUsdc',
    a: 'USDT',
    b: 'USDC',
    stable: true,
    liquidity: ['200000', '200000'],
    demoUnstaked: 50n,
    demoStaked: 50n,
    otherStaked: 300n,
    gauge: { reward: 'VELO', notify: [[1, '20000']], breakOnDay: VELO_DAYS },
    dailySwap: '10000',
  },
  {
    key: 'wethDai',
    a: 'WETH',
    b: 'DAI',
    stable: false,
    liquidity: ['30', '90000'],
    demoUnstaked: 0n,
    demoStaked: 100n,
    otherStaked: 300n,
    gauge: { reward: 'HOSTILE', notify: [[5, '1000']] },
    dailySwap: null,
  },
  {
    key: 'wstethWeth',
    a: 'wstETH',
    b: 'WETH',
    stable: false,
    liquidity: ['50', '60'],
    demoUnstaked: 0n,
    demoStaked: 100n,
    otherStaked: 300n,
    gauge: { reward: 'VELO', notify: [[1, '10000']] },
    dailySwap: null,
  },
  {
    key: 'daiUsdt',
    a: 'DAI',
    b: 'USDT',
    stable: false,
    liquidity: ['0', '0'],
    demoUnstaked: 0n,
    demoStaked: 0n,
    otherStaked: 0n,
    gauge: null,
    dailySwap: null,
  },
];

/** The demo's veVELO locks: amount, lock duration, and the pools it votes for (weights). */
export const VELO_LOCKS = {
  voter: {
    amount: '10000',
    durationDays: 2 * 365,
    votes: [['wethUsdc', 60n] as const, ['usdcDai', 40n] as const],
  },
  expired: { amount: '100', durationDays: 7 },
} as const;
/** An incentive on the wethUsdc gauge's bribe reward (USDC, day 8), the demo lock's rebase (VELO, day 7). */
export const VELO_INCENTIVE = { pool: 'wethUsdc', token: 'USDC', amount: '500', day: 8 } as const;
export const VELO_REBASE = { amount: '123.45', day: 7 } as const;
/** The day the wethUsdc gauge hands its staked LP's trading fees to its voters. */
export const VELO_FEES_DAY = 9;

const tokenAbi = parseAbi([
  'function mint(address account, uint256 value) returns (bool)',
  'function approve(address spender, uint256 value) returns (bool)',
  'function transfer(address to, uint256 value) returns (bool)',
]);
const wethAbi = parseAbi(['function deposit() payable']);

const SOURCES = {
  factory: 'VeloPoolFactory',
  gauge: 'VeloGauge',
  reward: 'VeloVotingReward',
  escrow: 'VeloVotingEscrow',
  voter: 'VeloVoter',
  distributor: 'VeloRewardsDistributor',
} as const;
const artifact = (name: keyof typeof SOURCES) =>
  compile({ path: `devnet/contracts/velodrome/${SOURCES[name]}.sol`, contract: SOURCES[name] });

export function veloDecimals(symbol: string): number {
  return symbol === 'VELO' || symbol === 'HOSTILE' ? 18 : tokenDecimals(symbol);
}

interface Deployed {
  pools: Map<string, { pool: Address; gauge: Address | null; fees: Address | null; bribe: Address | null }>;
  voter: Address;
  escrow: Address;
  distributor: Address;
  voterLock: bigint;
}

const STATE = new WeakMap<DevnetChain, Deployed>();

async function seedVelodrome(ctx: SeedContext): Promise<void> {
  const { chain, accounts, chainId } = ctx;
  if (chainId !== 10) return;
  const { deployer, demo, trader } = accounts;

  const velo = await chain.deploy(deployer, loadArtifact(MINTABLE_ERC20), ['Velodrome', 'VELO', 18]);
  chain.tokens.VELO = velo;
  chain.contracts['Velodrome.VELO'] = velo;
  await deployFeed(ctx, 'VELO/USD', VELO_PRICE_E8);
  // The demo's wallet VELO, as base lists it (base cannot mint a token it does not deploy).
  await chain.write(deployer, velo, tokenAbi, 'mint', [demo, parseUnits(DEMO_HOLDINGS[10].VELO ?? '0', 18)]);
  const token = (symbol: string): Address => {
    const a = chain.tokens[symbol];
    if (!a) throw new Error(`velodrome seed: token ${symbol} missing`);
    return a;
  };

  const factoryArtifact = artifact('factory');
  const factory = await chain.deploy(deployer, factoryArtifact);
  const escrowArtifact = artifact('escrow');
  const escrow = await chain.deploy(deployer, escrowArtifact, [velo]);
  const voterArtifact = artifact('voter');
  const voter = await chain.deploy(deployer, voterArtifact, [escrow]);
  await chain.write(deployer, escrow, escrowArtifact.abi, 'setVoter', [voter]);
  const distributorArtifact = artifact('distributor');
  const distributor = await chain.deploy(deployer, distributorArtifact, [velo, escrow]);
  chain.contracts[VELO_MANIFEST.factory] = factory;
  chain.contracts[VELO_MANIFEST.voter] = voter;
  chain.contracts[VELO_MANIFEST.votingEscrow] = escrow;
  chain.contracts[VELO_MANIFEST.rewardsDistributor] = distributor;
  const why = (what: string) =>
    `devnet/contracts/velodrome/: ${what}, written for the devnet from Velodrome's documented read interface (Velodrome's code is not on npm)`;
  chain.standIns[VELO_MANIFEST.factory] = why(
    'a V2 pool factory and its volatile/stable pools with their fee accounting',
  );
  chain.standIns[VELO_MANIFEST.voter] = why('the Voter, its gauges and voting rewards');
  chain.standIns[VELO_MANIFEST.votingEscrow] = why('the veVELO voting escrow');
  chain.standIns[VELO_MANIFEST.rewardsDistributor] = why(
    'the rebase distributor (rebases credited by the seed)',
  );

  // Funding: the deployer mints every token it adds, notifies and locks; the trader swaps.
  const symbols = new Set<string>(['VELO', 'HOSTILE', 'USDC']);
  for (const p of VELO_POOLS) symbols.add(p.a).add(p.b);
  for (const account of [deployer, trader]) {
    await chain.write(account, token('WETH'), wethAbi, 'deposit', [], parseUnits('1000', 18));
    for (const s of symbols) {
      if (s === 'WETH') continue;
      await chain.write(deployer, token(s), tokenAbi, 'mint', [
        account,
        parseUnits('100000000', veloDecimals(s)),
      ]);
    }
  }

  const deployed: Deployed = { pools: new Map(), voter, escrow, distributor, voterLock: 0n };
  for (const spec of VELO_POOLS) {
    await chain.write(deployer, factory, factoryArtifact.abi, 'createPool', [
      token(spec.a),
      token(spec.b),
      spec.stable,
    ]);
    const pool = await chain.read<Address>(factory, factoryArtifact.abi, 'getPool', [
      token(spec.a),
      token(spec.b),
      spec.stable,
    ]);
    const entry = {
      pool,
      gauge: null as Address | null,
      fees: null as Address | null,
      bribe: null as Address | null,
    };
    deployed.pools.set(spec.key, entry);
    for (const s of [spec.a, spec.b]) {
      await chain.write(trader, token(s), tokenAbi, 'approve', [pool, maxUint256]);
    }
    if (spec.liquidity[0] === '0') continue;
    await chain.write(deployer, token(spec.a), tokenAbi, 'transfer', [
      pool,
      parseUnits(spec.liquidity[0], veloDecimals(spec.a)),
    ]);
    await chain.write(deployer, token(spec.b), tokenAbi, 'transfer', [
      pool,
      parseUnits(spec.liquidity[1], veloDecimals(spec.b)),
    ]);
    await chain.write(deployer, pool, poolArtifactAbi, 'mint', [deployer]);
    const minted = await chain.read<bigint>(pool, poolArtifactAbi, 'balanceOf', [deployer]);
    const demoTotal = (minted * (spec.demoUnstaked + spec.demoStaked)) / 1000n;
    const demoStaked = (minted * spec.demoStaked) / 1000n;
    const otherStaked = (minted * spec.otherStaked) / 1000n;
    if (demoTotal > 0n) await chain.write(deployer, pool, poolArtifactAbi, 'transfer', [demo, demoTotal]);
    if (!spec.gauge) continue;
    const [t0, t1] = await chain.read<readonly [Address, Address]>(pool, poolArtifactAbi, 'tokens');
    const rewardArtifact = artifact('reward');
    const fees = await chain.deploy(deployer, rewardArtifact, [voter, [t0, t1]]);
    const bribe = await chain.deploy(deployer, rewardArtifact, [voter, []]);
    const gaugeArtifact = artifact('gauge');
    const gauge = await chain.deploy(deployer, gaugeArtifact, [pool, token(spec.gauge.reward), fees]);
    await chain.write(deployer, voter, voterArtifact.abi, 'registerGauge', [pool, gauge, fees, bribe]);
    Object.assign(entry, { gauge, fees, bribe });
    await chain.write(deployer, token(spec.gauge.reward), tokenAbi, 'approve', [gauge, maxUint256]);
    for (const [account, amount] of [
      [demo, demoStaked],
      [deployer, otherStaked],
    ] as const) {
      if (amount === 0n) continue;
      await chain.write(account, pool, poolArtifactAbi, 'approve', [gauge, amount]);
      await chain.write(account, gauge, gaugeArtifact.abi, 'deposit', [amount]);
    }
  }

  // veVELO: two locks made by the deployer for the demo; the first votes now.
  await chain.write(deployer, velo, tokenAbi, 'approve', [escrow, maxUint256]);
  await chain.write(deployer, velo, tokenAbi, 'approve', [distributor, maxUint256]);
  for (const lock of [VELO_LOCKS.voter, VELO_LOCKS.expired]) {
    await chain.write(deployer, escrow, escrowArtifact.abi, 'createLockFor', [
      parseUnits(lock.amount, 18),
      BigInt(lock.durationDays) * 86_400n,
      demo,
    ]);
  }
  deployed.voterLock = await chain.read<bigint>(escrow, escrowArtifact.abi, 'ownerToNFTokenIdList', [
    demo,
    0n,
  ]);
  const votePools = VELO_LOCKS.voter.votes.map(([key]) => deployed.pools.get(key)?.pool);
  await chain.write(demo, voter, voterArtifact.abi, 'vote', [
    deployed.voterLock,
    votePools,
    VELO_LOCKS.voter.votes.map(([, w]) => w),
  ]);
  await chain.write(deployer, token(VELO_INCENTIVE.token), tokenAbi, 'approve', [
    deployed.pools.get(VELO_INCENTIVE.pool)?.bribe,
    maxUint256,
  ]);
  STATE.set(chain, deployed);
}

const poolArtifactAbi = parseAbi([
  'function mint(address to) returns (uint256)',
  'function balanceOf(address) view returns (uint256)',
  'function transfer(address to, uint256 value) returns (bool)',
  'function approve(address spender, uint256 value) returns (bool)',
  'function tokens() view returns (address, address)',
  'function swap(uint256 amountIn, address tokenIn, address to) returns (uint256)',
]);
const gaugeAbi = parseAbi([
  'function notifyRewardAmount(uint256 amount)',
  'function setBroken(bool value)',
  'function claimFees() returns (uint256, uint256)',
]);
const voterAbi = parseAbi(['function killGauge(address gauge)']);
const rewardAbi = parseAbi(['function notifyRewardAmount(address token, uint256 amount)']);
const distributorAbi = parseAbi(['function depositFor(uint256 tokenId, uint256 amount)']);

async function velodromeDay(ctx: SeedContext, day: number): Promise<void> {
  const { chain, accounts } = ctx;
  const state = STATE.get(chain);
  if (!state) return;
  const { deployer, trader } = accounts;
  const token = (symbol: string): Address => {
    const a = chain.tokens[symbol];
    if (!a) throw new Error(`velodrome seed: token ${symbol} missing`);
    return a;
  };
  for (const spec of VELO_POOLS) {
    const entry = state.pools.get(spec.key);
    if (!entry) continue;
    for (const [d, amount] of spec.gauge?.notify ?? []) {
      if (d === day && entry.gauge && spec.gauge) {
        await chain.write(deployer, entry.gauge, gaugeAbi, 'notifyRewardAmount', [
          parseUnits(amount, veloDecimals(spec.gauge.reward)),
        ]);
      }
    }
    if (spec.dailySwap) {
      // One swap each way: a in, then b worth about as much back.
      const inA = parseUnits(spec.dailySwap, veloDecimals(spec.a));
      const out = await chain.public.simulateContract({
        account: trader,
        address: entry.pool,
        abi: poolArtifactAbi,
        functionName: 'swap',
        args: [inA, token(spec.a), trader],
      });
      await chain.write(trader, entry.pool, poolArtifactAbi, 'swap', [inA, token(spec.a), trader]);
      await chain.write(trader, entry.pool, poolArtifactAbi, 'swap', [out.result, token(spec.b), trader]);
    }
    if (spec.gauge?.killOnDay === day && entry.gauge) {
      await chain.write(deployer, state.voter, voterAbi, 'killGauge', [entry.gauge]);
    }
    if (spec.gauge?.breakOnDay === day && entry.gauge) {
      await chain.write(deployer, entry.gauge, gaugeAbi, 'setBroken', [true]);
    }
  }
  if (day === VELO_INCENTIVE.day) {
    const bribe = state.pools.get(VELO_INCENTIVE.pool)?.bribe;
    if (bribe) {
      await chain.write(deployer, bribe, rewardAbi, 'notifyRewardAmount', [
        token(VELO_INCENTIVE.token),
        parseUnits(VELO_INCENTIVE.amount, veloDecimals(VELO_INCENTIVE.token)),
      ]);
    }
  }
  if (day === VELO_REBASE.day) {
    await chain.write(deployer, state.distributor, distributorAbi, 'depositFor', [
      state.voterLock,
      parseUnits(VELO_REBASE.amount, 18),
    ]);
  }
  if (day === VELO_FEES_DAY) {
    const gauge = state.pools.get(VELO_INCENTIVE.pool)?.gauge;
    if (gauge) await chain.write(deployer, gauge, gaugeAbi, 'claimFees');
  }
}

export const velodromeSeed: SeedModule = {
  name: 'velodrome',
  after: ['base'],
  seed: seedVelodrome,
  history: { days: VELO_DAYS, onDay: velodromeDay },
};
