import { type Address, maxUint256, parseAbi, parseUnits, zeroAddress } from 'viem';
import { sortTokens } from '../../lib/protocols/uniswap-v3/addresses';
import { getTickAtSqrtRatio } from '../../lib/protocols/uniswap-v3/math';
import type { DevnetChain } from '../chain';
import { compile } from '../solc';
import { tokenDecimals } from './base';
import type { SeedContext, SeedModule } from './types';
import {
  amountsFor,
  type PoolSpec,
  seedPositionManagerAbi,
  seedSwapRouterAbi,
  sqrtPriceFor,
} from './uniswap-v3';

/**
 * Velodrome's Slipstream (concentrated liquidity) on chain 10, standing on Uniswap V3's real pools (the
 * v3-core factory and v3-periphery manager the `uniswap` step deploys from npm): each Slipstream pool is a
 * stand-in view over a new Uniswap V3 pool (Slipstream's `slot0`/`ticks` layouts, staked liquidity, gauge
 * fees), the Slipstream position manager a stand-in holding real Uniswap V3 positions, the CL factory a
 * stand-in lookup by tick spacing, and each CL gauge a stand-in registered in the Velodrome Voter stand-in
 * (see devnet/contracts/velodrome/Slipstream*.sol).
 *
 * The demo gets an unstaked and a staked position in WETH/USDC (tick spacing 100; the deployer stakes a
 * wider one beside it) and a tiny staked position in OP/WETH (tick spacing 200). The trader swaps through
 * both pools every simulated day, so the fee window has data; each gauge is notified once (days 5 and 6),
 * so both still emit at the final block.
 */

export const SLIPSTREAM_DAYS = 10;
export const SLIPSTREAM_MANIFEST = {
  positionManager: 'Velodrome.Slipstream.NonfungiblePositionManager',
  factory: 'Velodrome.Slipstream.CLFactory',
  pool: (key: string) => `Velodrome.Slipstream.Pool.${key}`,
  gauge: (key: string) => `Velodrome.Slipstream.Gauge.${key}`,
} as const;

export interface SlipstreamPoolSpec extends PoolSpec {
  key: string;
  /** The Uniswap V3 fee tier the underlying pool trades at, and its tick spacing (enabled if need be). */
  tickSpacing: number;
  /** VELO notified to the pool's gauge: [simulated day, whole tokens]. */
  notify: readonly (readonly [number, string])[];
}

export const SLIPSTREAM_POOLS: readonly SlipstreamPoolSpec[] = [
  { key: 'wethUsdc', a: 'WETH', b: 'USDC', fee: 400, tickSpacing: 100, swap: '4', notify: [[5, '5000']] },
  { key: 'opWeth', a: 'OP', b: 'WETH', fee: 10_000, tickSpacing: 200, swap: '300', notify: [[6, '700']] },
];

export interface SlipstreamPositionSpec {
  key: string;
  pool: string;
  owner: 'demo' | 'deployer';
  /** Range as multiples of the pool's price of `a` in `b`. */
  range: readonly [number, number];
  /** Whole `a` offered (and its worth of `b`). */
  amount: string;
  staked: boolean;
}

/** In mint order; the demo's Slipstream NFT ids follow it (1, 2, …, skipping the deployer's). */
export const SLIPSTREAM_POSITIONS: readonly SlipstreamPositionSpec[] = [
  { key: 'unstaked', pool: 'wethUsdc', owner: 'demo', range: [0.9, 1.1], amount: '5', staked: false },
  { key: 'staked', pool: 'wethUsdc', owner: 'demo', range: [0.85, 1.15], amount: '10', staked: true },
  { key: 'other', pool: 'wethUsdc', owner: 'deployer', range: [0.8, 1.25], amount: '30', staked: true },
  { key: 'tiny', pool: 'opWeth', owner: 'demo', range: [0.8, 1.25], amount: '100', staked: true },
];

const SOURCES = {
  positionManager: 'SlipstreamPositionManager',
  factory: 'SlipstreamCLFactory',
  pool: 'SlipstreamPool',
  gauge: 'SlipstreamGauge',
} as const;
const artifact = (name: keyof typeof SOURCES) =>
  compile({ path: `devnet/contracts/velodrome/${SOURCES[name]}.sol`, contract: SOURCES[name] });

const tokenAbi = parseAbi(['function approve(address spender, uint256 value) returns (bool)']);
const uniswapFactoryAbi = parseAbi([
  'function enableFeeAmount(uint24 fee, int24 tickSpacing)',
  'function feeAmountTickSpacing(uint24 fee) view returns (int24)',
  'function getPool(address tokenA, address tokenB, uint24 fee) view returns (address)',
]);
const quoterAbi = parseAbi([
  'struct QuoteExactInputSingleParams { address tokenIn; address tokenOut; uint256 amountIn; uint24 fee; uint160 sqrtPriceLimitX96; }',
  'function quoteExactInputSingle(QuoteExactInputSingleParams params) returns (uint256 amountOut, uint160 sqrtPriceX96After, uint32 initializedTicksCrossed, uint256 gasEstimate)',
]);
const nftAbi = parseAbi([
  'function wrap(uint256 uniswapTokenId, address to) returns (uint256)',
  'function approve(address to, uint256 tokenId)',
]);
const gaugeAbi = parseAbi([
  'function deposit(uint256 tokenId)',
  'function notifyRewardAmount(uint256 amount)',
]);
const voterAbi = parseAbi([
  'function registerGauge(address pool, address gauge, address fees, address bribe)',
]);
const DEADLINE = 2n ** 40n;

interface Deployed {
  pools: Map<string, { spec: SlipstreamPoolSpec; pool: Address; gauge: Address }>;
  router: Address;
  quoter: Address;
}
const STATE = new WeakMap<DevnetChain, Deployed>();

function need(map: Record<string, Address>, name: string): Address {
  const a = map[name];
  if (!a) throw new Error(`slipstream seed: ${name} missing`);
  return a;
}

async function seedSlipstream(ctx: SeedContext): Promise<void> {
  const { chain, accounts, chainId } = ctx;
  if (chainId !== 10) return;
  const { deployer, demo } = accounts;
  const uniFactory = need(chain.contracts, 'UniswapV3Factory');
  const uniManager = need(chain.contracts, 'UniswapV3NonfungiblePositionManager');
  const voter = need(chain.contracts, 'Velodrome.Voter');
  const velo = need(chain.contracts, 'Velodrome.VELO');
  const token = (symbol: string) => need(chain.tokens, symbol);

  const factoryArtifact = artifact('factory');
  const factory = await chain.deploy(deployer, factoryArtifact);
  const nft = await chain.deploy(deployer, artifact('positionManager'), [uniManager, factory]);
  chain.contracts[SLIPSTREAM_MANIFEST.factory] = factory;
  chain.contracts[SLIPSTREAM_MANIFEST.positionManager] = nft;
  const why = (what: string) =>
    `devnet/contracts/velodrome/Slipstream*.sol: ${what}, written for the devnet from Slipstream's documented read interface over real Uniswap V3 contracts (Slipstream's code is not on npm)`;
  chain.standIns[SLIPSTREAM_MANIFEST.factory] = why('the CL factory (getPool by tick spacing, allPools)');
  chain.standIns[SLIPSTREAM_MANIFEST.positionManager] = why(
    'the position manager (tick spacing in positions(), collect), holding real Uniswap V3 positions',
  );

  const poolArtifact = artifact('pool');
  const gaugeArtifact = artifact('gauge');
  const deployed: Deployed = {
    pools: new Map(),
    router: need(chain.contracts, 'UniswapV3SwapRouter'),
    quoter: need(chain.contracts, 'UniswapV3QuoterV2'),
  };
  for (const s of new Set(SLIPSTREAM_POOLS.flatMap((p) => [p.a, p.b])))
    await chain.write(deployer, token(s), tokenAbi, 'approve', [uniManager, maxUint256]);
  for (const spec of SLIPSTREAM_POOLS) {
    const spacing = await chain.read<number>(uniFactory, uniswapFactoryAbi, 'feeAmountTickSpacing', [
      spec.fee,
    ]);
    if (spacing === 0)
      await chain.write(deployer, uniFactory, uniswapFactoryAbi, 'enableFeeAmount', [
        spec.fee,
        spec.tickSpacing,
      ]);
    else if (spacing !== spec.tickSpacing)
      throw new Error(`slipstream seed: fee ${spec.fee} has spacing ${spacing}`);
    const [token0] = sortTokens(token(spec.a), token(spec.b));
    const token0IsA = token0 === token(spec.a);
    const [t0, t1] = token0IsA ? [token(spec.a), token(spec.b)] : [token(spec.b), token(spec.a)];
    await chain.write(deployer, uniManager, seedPositionManagerAbi, 'createAndInitializePoolIfNecessary', [
      t0,
      t1,
      spec.fee,
      sqrtPriceFor(spec, 1, token0IsA),
    ]);
    const underlying = await chain.read<Address>(uniFactory, uniswapFactoryAbi, 'getPool', [
      t0,
      t1,
      spec.fee,
    ]);
    const pool = await chain.deploy(deployer, poolArtifact, [underlying, nft]);
    await chain.write(deployer, factory, factoryArtifact.abi, 'register', [pool]);
    const gauge = await chain.deploy(deployer, gaugeArtifact, [pool, nft, velo]);
    await chain.write(deployer, pool, poolArtifact.abi, 'setGauge', [gauge]);
    // A CL gauge is registered in the Voter like any other (it has no fee or incentive rewards here).
    await chain.write(deployer, voter, voterAbi, 'registerGauge', [pool, gauge, zeroAddress, zeroAddress]);
    await chain.write(deployer, velo, tokenAbi, 'approve', [gauge, maxUint256]);
    chain.contracts[SLIPSTREAM_MANIFEST.pool(spec.key)] = pool;
    chain.contracts[SLIPSTREAM_MANIFEST.gauge(spec.key)] = gauge;
    chain.contracts[`Velodrome.Slipstream.UniswapPool.${spec.key}`] = underlying;
    chain.standIns[SLIPSTREAM_MANIFEST.pool(spec.key)] = why(
      'a CL pool (Slipstream slot0/ticks layouts, stakedLiquidity, gaugeFees) over a real Uniswap V3 pool',
    );
    chain.standIns[SLIPSTREAM_MANIFEST.gauge(spec.key)] = why(
      'a CL gauge (7-day emissions per staked liquidity)',
    );
    deployed.pools.set(spec.key, { spec, pool, gauge });
  }

  // Positions: real Uniswap V3 positions minted by the deployer to the Slipstream manager, issued to their
  // owner, then staked where the spec says (by the owner, as Slipstream's gauge requires).
  for (const p of SLIPSTREAM_POSITIONS) {
    const entry = deployed.pools.get(p.pool);
    if (!entry) throw new Error(`slipstream seed: pool ${p.pool} missing`);
    const spec = entry.spec;
    const [token0] = sortTokens(token(spec.a), token(spec.b));
    const token0IsA = token0 === token(spec.a);
    const ticks = p.range.map((m) => {
      const t = getTickAtSqrtRatio(sqrtPriceFor(spec, m, token0IsA));
      return Math.round(t / spec.tickSpacing) * spec.tickSpacing;
    });
    const [tickLower, tickUpper] = [Math.min(...ticks), Math.max(...ticks)];
    const { a, b } = amountsFor(spec, p.amount);
    const params = {
      token0: token0IsA ? token(spec.a) : token(spec.b),
      token1: token0IsA ? token(spec.b) : token(spec.a),
      fee: spec.fee,
      tickLower: tickLower ?? 0,
      tickUpper: tickUpper ?? 0,
      amount0Desired: token0IsA ? a : b,
      amount1Desired: token0IsA ? b : a,
      amount0Min: 0n,
      amount1Min: 0n,
      recipient: nft,
      deadline: DEADLINE,
    };
    const { result } = await chain.public.simulateContract({
      account: deployer,
      address: uniManager,
      abi: seedPositionManagerAbi,
      functionName: 'mint',
      args: [params],
    });
    await chain.write(deployer, uniManager, seedPositionManagerAbi, 'mint', [params]);
    const owner = p.owner === 'demo' ? demo : deployer;
    const { result: tokenId } = await chain.public.simulateContract({
      account: deployer,
      address: nft,
      abi: nftAbi,
      functionName: 'wrap',
      args: [result[0], owner],
    });
    await chain.write(deployer, nft, nftAbi, 'wrap', [result[0], owner]);
    if (p.staked) {
      await chain.write(owner, nft, nftAbi, 'approve', [entry.gauge, tokenId]);
      await chain.write(owner, entry.gauge, gaugeAbi, 'deposit', [tokenId]);
    }
  }
  STATE.set(chain, deployed);
}

/** A day: every pool swapped both ways (the way back returns what the way out gave, QuoterV2), notifications. */
async function slipstreamDay(ctx: SeedContext, day: number): Promise<void> {
  const { chain, accounts } = ctx;
  const state = STATE.get(chain);
  if (!state) return;
  const { trader, deployer } = accounts;
  const token = (symbol: string) => need(chain.tokens, symbol);
  for (const { spec, gauge } of state.pools.values()) {
    for (const [d, amount] of spec.notify) {
      if (d === day)
        await chain.write(deployer, gauge, gaugeAbi, 'notifyRewardAmount', [parseUnits(amount, 18)]);
    }
    const { a } = amountsFor(spec, spec.swap);
    if (day === 1) {
      for (const s of [spec.a, spec.b])
        await chain.write(trader, token(s), tokenAbi, 'approve', [state.router, maxUint256]);
    }
    const { result } = await chain.public.simulateContract({
      account: trader,
      address: state.quoter,
      abi: quoterAbi,
      functionName: 'quoteExactInputSingle',
      args: [
        {
          tokenIn: token(spec.a),
          tokenOut: token(spec.b),
          amountIn: a,
          fee: spec.fee,
          sqrtPriceLimitX96: 0n,
        },
      ],
    });
    for (const [tokenIn, tokenOut, amountIn] of [
      [token(spec.a), token(spec.b), a],
      [token(spec.b), token(spec.a), result[0]],
    ] as const) {
      await chain.write(trader, state.router, seedSwapRouterAbi, 'exactInputSingle', [
        {
          tokenIn,
          tokenOut,
          fee: spec.fee,
          recipient: trader,
          deadline: DEADLINE,
          amountIn,
          amountOutMinimum: 0n,
          sqrtPriceLimitX96: 0n,
        },
      ]);
    }
  }
}

/** Decimals of a Slipstream pool token (the devnet's standard tokens). */
export const slipstreamDecimals = (symbol: string) => tokenDecimals(symbol);

export const slipstreamSeed: SeedModule = {
  name: 'slipstream',
  after: ['velodrome', 'uniswap'],
  seed: seedSlipstream,
  history: { days: SLIPSTREAM_DAYS, onDay: slipstreamDay },
};
