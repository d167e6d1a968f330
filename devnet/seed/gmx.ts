import { type Address, parseAbi, parseUnits } from 'viem';
import { loadArtifact } from '../artifacts';
import { compile } from '../solc';
import { DEMO_HOLDINGS, deployFeed, MINTABLE_ERC20 } from './base';
import type { SeedContext, SeedModule } from './types';

/**
 * GMX staking on the Arbitrum devnet. GMX's trackers, vester and GlpManager are not on npm, so they are
 * stand-ins written for the devnet (devnet/contracts/gmx/) implementing the read interface of
 * @gmx-io/sdk's ABIs; the tokens (GMX, esGMX, bnGMX, GLP) are Aave's MintableERC20 from npm and GMX/USD a
 * Chainlink MockV3Aggregator. The trackers are chained as GMX's RewardRouterV2 chains them: GMX and esGMX
 * into the staked tracker (esGMX emissions), that into the bonus tracker (multiplier points, bnGMX), that
 * and bnGMX into the extended tracker, that into the fee tracker (fees in WETH). `demo` and `delegator`
 * stake in one transaction per tracker, so each tracker's rewards since then are exactly
 * `tokensPerInterval × elapsed × stake ÷ supply` (the tests' ground truth, from the numbers below).
 */

const YEAR = 31_536_000n;
const e18 = (v: string) => parseUnits(v, 18);

/** GMX/USD on the devnet (8 decimals). */
export const GMX_USD = 14_00000000n;

export interface TrackerSeed {
  /** Manifest name (`GMX.<name>`). */
  name: string;
  symbol: string;
  /** Reward token: a manifest token/contract name. */
  reward: 'esGMX' | 'bnGMX' | 'WETH' | 'GMX';
  tokensPerInterval: bigint;
  /** [account role, deposit token name, amount], staked in one transaction. */
  stakes: readonly (readonly ['demo' | 'delegator', string, bigint])[];
}

/**
 * The seed's inputs. Rates: esGMX emissions ~8 % a year on the staked supply, multiplier points 100 % a
 * year of sbGMX (as GMX's bonus distributor), fees ~12 % a year for GMX at $14 and ETH at $3,000; GLP
 * fees ~10 % and esGMX ~3 % a year on $1.45 GLP.
 */
export const GMX_SEED = {
  trackers: [
    {
      name: 'StakedGmxTracker',
      symbol: 'sGMX',
      reward: 'esGMX',
      tokensPerInterval: (e18('1050') * 8n) / 100n / YEAR,
      stakes: [
        ['demo', 'GMX', e18('250')],
        ['demo', 'esGMX', e18('50')],
        ['delegator', 'GMX', e18('750')],
      ],
    },
    {
      name: 'BonusGmxTracker',
      symbol: 'sbGMX',
      reward: 'bnGMX',
      tokensPerInterval: e18('1050') / YEAR,
      stakes: [
        ['demo', 'StakedGmxTracker', e18('300')],
        ['delegator', 'StakedGmxTracker', e18('750')],
      ],
    },
    {
      name: 'ExtendedGmxTracker',
      symbol: 'sbeGMX',
      reward: 'GMX',
      tokensPerInterval: 0n,
      stakes: [
        ['demo', 'BonusGmxTracker', e18('300')],
        ['demo', 'bnGMX', e18('20')],
        ['delegator', 'BonusGmxTracker', e18('750')],
        ['delegator', 'bnGMX', e18('80')],
      ],
    },
    {
      name: 'FeeGmxTracker',
      symbol: 'sbfGMX',
      reward: 'WETH',
      tokensPerInterval: (e18('1050') * 12n * 14n) / 100n / 3000n / YEAR,
      stakes: [
        ['demo', 'ExtendedGmxTracker', e18('320')],
        ['delegator', 'ExtendedGmxTracker', e18('830')],
      ],
    },
    {
      name: 'FeeGlpTracker',
      symbol: 'fGLP',
      reward: 'WETH',
      tokensPerInterval: (e18('2000') * 145n * 10n) / 100n / 100n / 3000n / YEAR,
      stakes: [
        ['demo', 'GLP', e18('500')],
        ['delegator', 'GLP', e18('1500')],
      ],
    },
    {
      name: 'StakedGlpTracker',
      symbol: 'fsGLP',
      reward: 'esGMX',
      tokensPerInterval: (e18('2000') * 145n * 3n) / 100n / 100n / 14n / YEAR,
      stakes: [
        ['demo', 'FeeGlpTracker', e18('500')],
        ['delegator', 'FeeGlpTracker', e18('1500')],
      ],
    },
    // Bad input: a tracker nobody stakes in (zero supply) that still has a reward rate.
    { name: 'EmptyTracker', symbol: 'eGMX', reward: 'WETH', tokensPerInterval: 1_000_000n, stakes: [] },
  ] satisfies TrackerSeed[],
  /** esGMX the demo vests (the vester reserves as much sbfGMX), over GMX's one-year vesting. */
  vesting: { amount: e18('100'), pair: e18('100'), duration: YEAR },
  /** GLP: total supply and the pool's assets under management (USD, 30 decimals; min and max). */
  glp: { supply: e18('10000'), aumMin: 14_500n * 10n ** 30n, aumMax: 14_600n * 10n ** 30n },
} as const;

const trackerAbi = parseAbi([
  'function stakeFor(address[] accounts, address[] tokens, uint256[] amounts)',
  'event Stake(address indexed account, address indexed depositToken, uint256 amount)',
]);
const vesterAbi = parseAbi(['function depositFor(address account, uint256 amount, uint256 pairAmount)']);
const mintAbi = parseAbi(['function mint(address account, uint256 value) returns (bool)']);

export const GMX_STAND_INS = {
  tracker: { path: 'devnet/contracts/gmx/RewardTrackerStandIn.sol', contract: 'RewardTrackerStandIn' },
  vester: { path: 'devnet/contracts/gmx/VesterStandIn.sol', contract: 'VesterStandIn' },
  glpManager: { path: 'devnet/contracts/gmx/GlpManagerStandIn.sol', contract: 'GlpManagerStandIn' },
} as const;

async function seedGmx(ctx: SeedContext): Promise<void> {
  const { chain, accounts, chainId } = ctx;
  if (chainId !== 42161) return;
  const { deployer } = accounts;
  const weth = chain.tokens.WETH;
  if (!weth) throw new Error('gmx seed: base must deploy WETH first');

  const mintable = loadArtifact(MINTABLE_ERC20);
  const names: Record<string, Address> = { WETH: weth };
  for (const [symbol, name] of [
    ['GMX', 'GMX'],
    ['esGMX', 'Escrowed GMX'],
    ['bnGMX', 'Bonus GMX'],
    ['GLP', 'GMX LP'],
  ] as const) {
    const token = await chain.deploy(deployer, mintable, [name, symbol, 18]);
    names[symbol] = token;
    // GMX is also a wallet token (priced by GMX/USD); the rest only live in the trackers.
    if (symbol === 'GMX') chain.tokens.GMX = token;
    chain.contracts[`GMX.${symbol}`] = token;
  }
  await deployFeed(ctx, 'GMX/USD', GMX_USD);
  // Unstaked GMX in the demo's wallet, as base's holdings list says.
  await chain.write(deployer, names.GMX as Address, mintAbi, 'mint', [
    accounts.demo,
    e18(DEMO_HOLDINGS[42161].GMX ?? '0'),
  ]);

  const tracker = compile(GMX_STAND_INS.tracker);
  for (const t of GMX_SEED.trackers) {
    const reward = names[t.reward];
    if (!reward) throw new Error(`gmx seed: no ${t.reward}`);
    const address = await chain.deploy(deployer, tracker, [t.name, t.symbol, reward, t.tokensPerInterval]);
    names[t.name] = address;
    chain.contracts[`GMX.${t.name}`] = address;
    if (t.stakes.length === 0) continue;
    const tokenOf = (n: string) => {
      const a = names[n];
      if (!a) throw new Error(`gmx seed: ${n} before it is deployed`);
      return a;
    };
    await chain.write(deployer, address, trackerAbi, 'stakeFor', [
      t.stakes.map(([who]) => accounts[who]),
      t.stakes.map(([, token]) => tokenOf(token)),
      t.stakes.map(([, , amount]) => amount),
    ]);
  }
  chain.standIns['GMX.RewardTracker'] =
    'devnet/contracts/gmx/RewardTrackerStandIn.sol: the read interface of @gmx-io/sdk RewardTracker (GMX trackers are not on npm)';

  // Staked tokens sit in the staked trackers, as GMX's would.
  const at = (n: string) => names[n] as Address;
  await chain.write(deployer, at('GMX'), mintAbi, 'mint', [at('StakedGmxTracker'), e18('1000')]);
  await chain.write(deployer, at('esGMX'), mintAbi, 'mint', [at('StakedGmxTracker'), e18('50')]);
  await chain.write(deployer, at('GLP'), mintAbi, 'mint', [at('FeeGlpTracker'), e18('2000')]);
  await chain.write(deployer, at('GLP'), mintAbi, 'mint', [deployer, GMX_SEED.glp.supply - e18('2000')]);

  const vester = await chain.deploy(deployer, compile(GMX_STAND_INS.vester), [
    'Vested GMX',
    'vGMX',
    GMX_SEED.vesting.duration,
    at('esGMX'),
    at('FeeGmxTracker'),
    at('GMX'),
    at('StakedGmxTracker'),
  ]);
  chain.contracts['GMX.GmxVester'] = vester;
  await chain.write(deployer, at('esGMX'), mintAbi, 'mint', [vester, GMX_SEED.vesting.amount]);
  await chain.write(deployer, vester, vesterAbi, 'depositFor', [
    accounts.demo,
    GMX_SEED.vesting.amount,
    GMX_SEED.vesting.pair,
  ]);
  chain.standIns['GMX.GmxVester'] =
    'devnet/contracts/gmx/VesterStandIn.sol: the read interface of @gmx-io/sdk Vester (not on npm)';

  chain.contracts['GMX.GlpManager'] = await chain.deploy(deployer, compile(GMX_STAND_INS.glpManager), [
    at('GLP'),
    GMX_SEED.glp.aumMin,
    GMX_SEED.glp.aumMax,
  ]);
  chain.standIns['GMX.GlpManager'] =
    'devnet/contracts/gmx/GlpManagerStandIn.sol: getAum of @gmx-io/sdk GlpManager, AUM set by the seed (not on npm)';
}

/**
 * Rewards accrue by time alone, so the step only asks for days to pass: at least a week between staking
 * and the final block.
 */
export const gmxSeed: SeedModule = {
  name: 'gmx',
  after: ['base'],
  seed: seedGmx,
  history: { days: 7, onDay: async () => {} },
};
