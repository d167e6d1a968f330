import { type Address, encodeFunctionData, maxUint256, parseAbi, parseUnits, stringToHex } from 'viem';
import type { ChainId } from '../../lib/chains/registry';
import { poolAbi, factoryAbi as readFactoryAbi } from '../../lib/protocols/uniswap-v3/abi';
import { sortTokens } from '../../lib/protocols/uniswap-v3/addresses';
import { getTickAtSqrtRatio, MAX_TICK, MIN_TICK } from '../../lib/protocols/uniswap-v3/math';
import { linkBytecode, loadArtifact } from '../artifacts';
import type { DevnetChain } from '../chain';
import { compile } from '../solc';
import { FEED_PRICES, GOV_TOKEN, tokenDecimals } from './base';
import type { SeedContext, SeedModule } from './types';

/**
 * Uniswap V3 from the official npm artifacts (v3-core factory, v3-periphery position manager, SwapRouter,
 * QuoterV2, token descriptor), and a second, separate deployment of the same contracts standing for
 * SushiSwap V3 (its V3 is a fork with the same interface) on 10 and 42161. Pools at the feeds' prices;
 * the demo gets positions in range, below, above, full range, closed with fees owed, and positions in
 * pools of tokens with hostile or reverting metadata (chain 10). The trader then swaps once a day for
 * ten simulated days, so fee growth over a past window can be measured.
 *
 * The liquidity comes from the deployer (the NFTs are minted straight to the demo), so the demo's wallet
 * balances are untouched.
 */

const V3_CORE = '@uniswap/v3-core/artifacts/contracts';
const V3_PERIPHERY = '@uniswap/v3-periphery/artifacts/contracts';
const ARTIFACTS = {
  factory: `${V3_CORE}/UniswapV3Factory.sol/UniswapV3Factory.json`,
  positionManager: `${V3_PERIPHERY}/NonfungiblePositionManager.sol/NonfungiblePositionManager.json`,
  swapRouter: `${V3_PERIPHERY}/SwapRouter.sol/SwapRouter.json`,
  quoterV2: `${V3_PERIPHERY}/lens/QuoterV2.sol/QuoterV2.json`,
  descriptor: `${V3_PERIPHERY}/NonfungibleTokenPositionDescriptor.sol/NonfungibleTokenPositionDescriptor.json`,
  nftDescriptorLibrary: `${V3_PERIPHERY}/libraries/NFTDescriptor.sol/NFTDescriptor.json`,
} as const;

export const REVERTING_METADATA_TOKEN = 'UniswapV3.RevertingMetadataToken';

/** Deployments by manifest prefix, and the chains each exists on. */
export const V3_DEPLOYMENTS = {
  UniswapV3: [10, 42161, 324],
  SushiSwapV3: [10, 42161],
} as const satisfies Record<string, readonly ChainId[]>;
export type V3Prefix = keyof typeof V3_DEPLOYMENTS;

/** Days of swaps after the positions are opened; the closed position is closed after `CLOSE_AFTER_DAY`. */
export const SWAP_DAYS = 10;
export const CLOSE_AFTER_DAY = 5;

const factoryAbi = parseAbi(['function enableFeeAmount(uint24 fee, int24 tickSpacing)']);
const tokenAbi = parseAbi([
  'function mint(address account, uint256 value) returns (bool)',
  'function approve(address spender, uint256 value) returns (bool)',
]);
const wethAbi = parseAbi(['function deposit() payable']);
export const seedPositionManagerAbi = parseAbi([
  'function createAndInitializePoolIfNecessary(address token0, address token1, uint24 fee, uint160 sqrtPriceX96) payable returns (address pool)',
  'struct MintParams { address token0; address token1; uint24 fee; int24 tickLower; int24 tickUpper; uint256 amount0Desired; uint256 amount1Desired; uint256 amount0Min; uint256 amount1Min; address recipient; uint256 deadline; }',
  'function mint(MintParams params) payable returns (uint256 tokenId, uint128 liquidity, uint256 amount0, uint256 amount1)',
  'struct DecreaseLiquidityParams { uint256 tokenId; uint128 liquidity; uint256 amount0Min; uint256 amount1Min; uint256 deadline; }',
  'function decreaseLiquidity(DecreaseLiquidityParams params) payable returns (uint256 amount0, uint256 amount1)',
  'struct CollectParams { uint256 tokenId; address recipient; uint128 amount0Max; uint128 amount1Max; }',
  'function collect(CollectParams params) payable returns (uint256 amount0, uint256 amount1)',
  'function multicall(bytes[] data) payable returns (bytes[] results)',
  'function positions(uint256 tokenId) view returns (uint96 nonce, address operator, address token0, address token1, uint24 fee, int24 tickLower, int24 tickUpper, uint128 liquidity, uint256 feeGrowthInside0LastX128, uint256 feeGrowthInside1LastX128, uint128 tokensOwed0, uint128 tokensOwed1)',
  'function balanceOf(address owner) view returns (uint256)',
  'function tokenOfOwnerByIndex(address owner, uint256 index) view returns (uint256)',
  'function transferFrom(address from, address to, uint256 tokenId)',
]);
export const seedSwapRouterAbi = parseAbi([
  'struct ExactInputSingleParams { address tokenIn; address tokenOut; uint24 fee; address recipient; uint256 deadline; uint256 amountIn; uint256 amountOutMinimum; uint160 sqrtPriceLimitX96; }',
  'function exactInputSingle(ExactInputSingleParams params) payable returns (uint256 amountOut)',
  'function multicall(bytes[] data) payable returns (bytes[] results)',
]);

const seedQuoterAbi = parseAbi([
  'struct QuoteExactInputSingleParams { address tokenIn; address tokenOut; uint256 amountIn; uint24 fee; uint160 sqrtPriceLimitX96; }',
  'function quoteExactInputSingle(QuoteExactInputSingleParams params) returns (uint256 amountOut, uint160 sqrtPriceX96After, uint32 initializedTicksCrossed, uint256 gasEstimate)',
]);

export const TICK_SPACING: Record<number, number> = { 100: 1, 500: 10, 3000: 60, 10000: 200 };

/** A pool: `a` priced in `b` at the ratio of their feeds; `swap` is the amount of `a` swapped each way daily. */
export interface PoolSpec {
  a: string;
  b: string;
  fee: number;
  swap: string;
}

/** A demo position: its range as multiples of the pool's price of `a` in `b` ('full' = the whole tick range). */
export interface PositionSpec {
  name: string;
  pool: PoolSpec;
  range: 'full' | readonly [number, number];
  /** Amount of `a` offered (and its worth of `b`). */
  amount: string;
  closed?: boolean;
}

const SYMBOL_PRICE: Record<string, bigint> = { ...FEED_PRICES, WETH: FEED_PRICES.ETH ?? 0n };
/** Price of the reverting-metadata token: 0.001 WETH. Hostile token: 0.5 WETH. */
const JUNK_PRICES: Record<string, bigint> = {
  HOSTILE: (SYMBOL_PRICE.WETH ?? 0n) / 2n,
  [REVERTING_METADATA_TOKEN]: (SYMBOL_PRICE.WETH ?? 0n) / 1000n,
};
const usdPrice = (symbol: string): bigint => {
  const price = SYMBOL_PRICE[symbol] ?? JUNK_PRICES[symbol];
  if (price === undefined) throw new Error(`uniswap seed: no price for ${symbol}`);
  return price;
};

function pools(chainId: ChainId) {
  const gov = GOV_TOKEN[chainId];
  return {
    wethUsdc005: { a: 'WETH', b: 'USDC', fee: 500, swap: '3' },
    wethUsdc03: { a: 'WETH', b: 'USDC', fee: 3000, swap: '2' },
    usdcDai001: { a: 'USDC', b: 'DAI', fee: 100, swap: '20000' },
    govWeth03: { a: gov, b: 'WETH', fee: 3000, swap: chainId === 324 ? '20000' : '2000' },
    hostileWeth03: { a: 'HOSTILE', b: 'WETH', fee: 3000, swap: '1' },
    revertingWeth03: { a: REVERTING_METADATA_TOKEN, b: 'WETH', fee: 3000, swap: '50' },
  } satisfies Record<string, PoolSpec>;
}

/** The demo's positions per deployment and chain, in mint order. */
export function demoPositions(prefix: V3Prefix, chainId: ChainId): PositionSpec[] {
  const p = pools(chainId);
  if (prefix === 'SushiSwapV3') {
    return [
      { name: 'in range', pool: p.wethUsdc005, range: [0.93, 1.07], amount: '8' },
      { name: 'full range', pool: p.govWeth03, range: 'full', amount: chainId === 324 ? '200000' : '20000' },
    ];
  }
  const list: PositionSpec[] = [
    { name: 'in range', pool: p.wethUsdc005, range: [0.9, 1.1], amount: '20' },
    { name: 'range below the price', pool: p.wethUsdc005, range: [2000 / 3000, 2500 / 3000], amount: '10' },
    { name: 'range above the price', pool: p.wethUsdc005, range: [3500 / 3000, 4000 / 3000], amount: '10' },
    { name: 'full range', pool: p.wethUsdc03, range: 'full', amount: '15' },
    { name: 'stable pair', pool: p.usdcDai001, range: [0.995, 1.005], amount: '250000' },
    {
      name: 'governance token',
      pool: p.govWeth03,
      range: [0.7, 1.4],
      amount: chainId === 324 ? '500000' : '50000',
    },
    { name: 'closed', pool: p.wethUsdc005, range: [0.85, 1.2], amount: '6', closed: true },
  ];
  if (chainId === 10) {
    list.push(
      { name: 'hostile metadata', pool: p.hostileWeth03, range: [0.5, 2], amount: '40' },
      { name: 'reverting metadata', pool: p.revertingWeth03, range: 'full', amount: '20000' },
    );
  }
  return list;
}

/** floor(sqrt(n)): Newton's method from a power of two above the root, so it only descends. */
function isqrt(n: bigint): bigint {
  if (n < 2n) return n;
  let x = 1n << BigInt(Math.ceil(n.toString(2).length / 2));
  for (;;) {
    const y = (x + n / x) >> 1n;
    if (y >= x) return x;
    x = y;
  }
}

const SCALE = 1_000_000n;

/**
 * sqrtPriceX96 where one whole `a` is worth `multiple` × (usd(a)/usd(b)) whole `b`, in token0/token1 order.
 */
export function sqrtPriceFor(spec: PoolSpec, multiple: number, token0IsA: boolean): bigint {
  const decA = BigInt(tokenDecimals(spec.a));
  const decB = BigInt(tokenDecimals(spec.b));
  const m = BigInt(Math.round(multiple * Number(SCALE)));
  // raw price of a in b (base units): usdA·m·10^decB / (usdB·SCALE·10^decA)
  const num = usdPrice(spec.a) * m * 10n ** decB;
  const den = usdPrice(spec.b) * SCALE * 10n ** decA;
  const [n, d] = token0IsA ? [num, den] : [den, num];
  return isqrt((n << 192n) / d);
}

function usableTick(tick: number, spacing: number): number {
  const rounded = Math.round(tick / spacing) * spacing;
  if (rounded < MIN_TICK) return rounded + spacing;
  if (rounded > MAX_TICK) return rounded - spacing;
  return rounded;
}

function rangeTicks(spec: PositionSpec, token0IsA: boolean): [number, number] {
  const spacing = TICK_SPACING[spec.pool.fee] ?? 60;
  if (spec.range === 'full') {
    return [Math.ceil(MIN_TICK / spacing) * spacing, Math.floor(MAX_TICK / spacing) * spacing];
  }
  const [lo, hi] = spec.range;
  const t1 = usableTick(getTickAtSqrtRatio(sqrtPriceFor(spec.pool, lo, token0IsA)), spacing);
  const t2 = usableTick(getTickAtSqrtRatio(sqrtPriceFor(spec.pool, hi, token0IsA)), spacing);
  return t1 < t2 ? [t1, t2] : [t2, t1];
}

/** Base units of `amount` whole `a`, and of its worth in `b` at the pool's price. */
export function amountsFor(pool: PoolSpec, amount: string): { a: bigint; b: bigint } {
  const a = parseUnits(amount, tokenDecimals(pool.a));
  const b =
    (a * usdPrice(pool.a) * 10n ** BigInt(tokenDecimals(pool.b))) /
    (usdPrice(pool.b) * 10n ** BigInt(tokenDecimals(pool.a)));
  return { a, b };
}

interface V3Contracts {
  factory: Address;
  positionManager: Address;
  swapRouter: Address;
  quoterV2: Address;
}

async function deployV3(ctx: SeedContext, prefix: V3Prefix, weth: Address, descriptor: Address) {
  const { chain, accounts } = ctx;
  const factory = await chain.deploy(accounts.deployer, loadArtifact(ARTIFACTS.factory));
  // The 0.01 % tier is not enabled in a fresh factory (governance enabled it on mainnet later).
  await chain.write(accounts.deployer, factory, factoryAbi, 'enableFeeAmount', [100, 1]);
  const positionManager = await chain.deploy(accounts.deployer, loadArtifact(ARTIFACTS.positionManager), [
    factory,
    weth,
    descriptor,
  ]);
  const swapRouter = await chain.deploy(accounts.deployer, loadArtifact(ARTIFACTS.swapRouter), [
    factory,
    weth,
  ]);
  const quoterV2 = await chain.deploy(accounts.deployer, loadArtifact(ARTIFACTS.quoterV2), [factory, weth]);
  chain.contracts[`${prefix}Factory`] = factory;
  chain.contracts[`${prefix}NonfungiblePositionManager`] = positionManager;
  chain.contracts[`${prefix}SwapRouter`] = swapRouter;
  chain.contracts[`${prefix}QuoterV2`] = quoterV2;
  return { factory, positionManager, swapRouter, quoterV2 } satisfies V3Contracts;
}

const DEADLINE = 2n ** 40n;

async function seedUniswap(ctx: SeedContext): Promise<void> {
  const { chain, accounts, chainId } = ctx;
  const { deployer, trader, demo } = accounts;
  const weth = chain.tokens.WETH;
  if (!weth) throw new Error('uniswap seed: base must deploy WETH first');

  // Token descriptor (tokenURI), shared by both deployments: NFTDescriptor library linked in.
  const library = await chain.deploy(deployer, loadArtifact(ARTIFACTS.nftDescriptorLibrary));
  const descriptorArtifact = loadArtifact(ARTIFACTS.descriptor);
  const descriptor = await chain.deploy(
    deployer,
    descriptorArtifact,
    [weth, stringToHex('ETH', { size: 32 })],
    linkBytecode(descriptorArtifact, { NFTDescriptor: library }),
  );
  chain.contracts.UniswapV3NFTDescriptorLibrary = library;
  chain.contracts.UniswapV3NonfungibleTokenPositionDescriptor = descriptor;

  const prefixes = (Object.keys(V3_DEPLOYMENTS) as V3Prefix[]).filter((p) =>
    (V3_DEPLOYMENTS[p] as readonly ChainId[]).includes(chainId),
  );
  const deployed = new Map<V3Prefix, V3Contracts>();
  for (const prefix of prefixes) deployed.set(prefix, await deployV3(ctx, prefix, weth, descriptor));

  const tokens: Record<string, Address> = { ...chain.tokens };
  if (chainId === 10) {
    const reverting = await chain.deploy(
      deployer,
      compile({ path: 'devnet/contracts/RevertingMetadataToken.sol', contract: 'RevertingMetadataToken' }),
    );
    tokens[REVERTING_METADATA_TOKEN] = reverting;
    chain.contracts[REVERTING_METADATA_TOKEN] = reverting;
    chain.standIns[REVERTING_METADATA_TOKEN] =
      'devnet/contracts/RevertingMetadataToken.sol: an ERC-20 whose symbol/name/decimals revert (no npm artifact exists)';
  }
  const address = (symbol: string): Address => {
    const a = tokens[symbol];
    if (!a) throw new Error(`uniswap seed: token ${symbol} missing on chain ${chainId}`);
    return a;
  };

  // Funding: the deployer provides liquidity, the trader swaps. Mintable tokens are minted; WETH is wrapped.
  const plans = prefixes.map((prefix) => ({ prefix, positions: demoPositions(prefix, chainId) }));
  const symbols = new Set<string>();
  for (const { positions } of plans) for (const p of positions) symbols.add(p.pool.a).add(p.pool.b);
  for (const [account, ether] of [
    [deployer, '2000'],
    [trader, '500'],
  ] as const) {
    await chain.write(account, weth, wethAbi, 'deposit', [], parseUnits(ether, 18));
    for (const symbol of symbols) {
      if (symbol === 'WETH') continue;
      // Minted by the deployer: OP's GovernanceToken lets only its owner mint.
      await chain.write(deployer, address(symbol), tokenAbi, 'mint', [
        account,
        parseUnits('100000000', tokenDecimals(symbol)),
      ]);
    }
  }
  for (const [prefix, c] of deployed) {
    const used = new Set<string>();
    for (const p of plans.find((x) => x.prefix === prefix)?.positions ?? []) used.add(p.pool.a).add(p.pool.b);
    for (const symbol of used) {
      await chain.write(deployer, address(symbol), tokenAbi, 'approve', [c.positionManager, maxUint256]);
      await chain.write(trader, address(symbol), tokenAbi, 'approve', [c.swapRouter, maxUint256]);
    }
  }

  // Pools (one transaction each: a pool deployment costs ~5M gas), then every position in one multicall.
  const swaps: { router: Address; quoter: Address; pool: PoolSpec }[] = [];
  const closing: Address[] = [];
  for (const { prefix, positions } of plans) {
    const c = deployed.get(prefix);
    if (!c) continue;
    const created = new Set<string>();
    const mints: `0x${string}`[] = [];
    for (const spec of positions) {
      const { pool } = spec;
      const [token0] = sortTokens(address(pool.a), address(pool.b));
      const token0IsA = token0 === address(pool.a);
      const key = `${pool.a}/${pool.b}/${pool.fee}`;
      if (!created.has(key)) {
        created.add(key);
        swaps.push({ router: c.swapRouter, quoter: c.quoterV2, pool });
        await chain.write(
          deployer,
          c.positionManager,
          seedPositionManagerAbi,
          'createAndInitializePoolIfNecessary',
          [
            token0IsA ? address(pool.a) : address(pool.b),
            token0IsA ? address(pool.b) : address(pool.a),
            pool.fee,
            sqrtPriceFor(pool, 1, token0IsA),
          ],
        );
      }
      const [tickLower, tickUpper] = rangeTicks(spec, token0IsA);
      const { a, b } = amountsFor(pool, spec.amount);
      if (spec.closed) closing.push(c.positionManager);
      mints.push(
        encodeFunctionData({
          abi: seedPositionManagerAbi,
          functionName: 'mint',
          args: [
            {
              token0: token0IsA ? address(pool.a) : address(pool.b),
              token1: token0IsA ? address(pool.b) : address(pool.a),
              fee: pool.fee,
              tickLower,
              tickUpper,
              amount0Desired: token0IsA ? a : b,
              amount1Desired: token0IsA ? b : a,
              amount0Min: 0n,
              amount1Min: 0n,
              // The closed position is opened by the deployer and handed to the demo once closed.
              recipient: spec.closed ? deployer : demo,
              deadline: DEADLINE,
            },
          ],
        }),
      );
    }
    await chain.write(deployer, c.positionManager, seedPositionManagerAbi, 'multicall', [mints]);
  }

  // A day of trading: every pool swapped both ways in one transaction (fees accrue in both tokens). The way
  // back swaps exactly what the way out returned (QuoterV2), so prices stay at the feeds' and do not drift.
  const trade = async () => {
    const quoted = await Promise.all(
      swaps.map(async ({ router, quoter, pool }) => {
        const { a } = amountsFor(pool, pool.swap);
        const { result } = await chain.public.simulateContract({
          account: trader,
          address: quoter,
          abi: seedQuoterAbi,
          functionName: 'quoteExactInputSingle',
          args: [
            {
              tokenIn: address(pool.a),
              tokenOut: address(pool.b),
              amountIn: a,
              fee: pool.fee,
              sqrtPriceLimitX96: 0n,
            },
          ],
        });
        return { router, pool, a, b: result[0] };
      }),
    );
    const byRouter = new Map<Address, `0x${string}`[]>();
    for (const { router, pool, a, b } of quoted) {
      const calls = byRouter.get(router) ?? [];
      for (const [tokenIn, tokenOut, amountIn] of [
        [address(pool.a), address(pool.b), a],
        [address(pool.b), address(pool.a), b],
      ] as const) {
        calls.push(
          encodeFunctionData({
            abi: seedSwapRouterAbi,
            functionName: 'exactInputSingle',
            args: [
              {
                tokenIn,
                tokenOut,
                fee: pool.fee,
                recipient: trader,
                deadline: DEADLINE,
                amountIn,
                amountOutMinimum: 0n,
                sqrtPriceLimitX96: 0n,
              },
            ],
          }),
        );
      }
      byRouter.set(router, calls);
    }
    for (const [router, calls] of byRouter) {
      await chain.write(trader, router, seedSwapRouterAbi, 'multicall', [calls]);
    }
  };

  // The swaps happen over the shared simulated history (see `uniswapSeed.history`).
  SWAPS.set(chain, { trade, closing });
}

/** What the seed leaves for its simulated days, per chain. */
const SWAPS = new WeakMap<DevnetChain, { trade: () => Promise<void>; closing: Address[] }>();

async function swapDay(ctx: SeedContext, day: number): Promise<void> {
  const state = SWAPS.get(ctx.chain);
  if (!state) return;
  await state.trade();
  if (day === CLOSE_AFTER_DAY) {
    for (const positionManager of state.closing) await closePosition(ctx, positionManager);
  }
}

/**
 * Closes the deployer's position (its only one): all liquidity removed and the principal collected, so only
 * the fees stay owed; then the NFT goes to the demo.
 */
async function closePosition(ctx: SeedContext, positionManager: Address): Promise<void> {
  const { chain, accounts } = ctx;
  const { deployer, demo } = accounts;
  const tokenId = await chain.read<bigint>(positionManager, seedPositionManagerAbi, 'tokenOfOwnerByIndex', [
    deployer,
    0n,
  ]);
  const position = await chain.read<readonly unknown[]>(
    positionManager,
    seedPositionManagerAbi,
    'positions',
    [tokenId],
  );
  const liquidity = position[7] as bigint;
  const decrease = {
    tokenId,
    liquidity,
    amount0Min: 0n,
    amount1Min: 0n,
    deadline: DEADLINE,
  };
  // What the decrease returns is the principal; simulated first, so exactly that much is collected.
  const { result } = await chain.public.simulateContract({
    account: deployer,
    address: positionManager,
    abi: seedPositionManagerAbi,
    functionName: 'decreaseLiquidity',
    args: [decrease],
  });
  const [principal0, principal1] = result;
  await chain.write(deployer, positionManager, seedPositionManagerAbi, 'multicall', [
    [
      encodeFunctionData({
        abi: seedPositionManagerAbi,
        functionName: 'decreaseLiquidity',
        args: [decrease],
      }),
      encodeFunctionData({
        abi: seedPositionManagerAbi,
        functionName: 'collect',
        args: [{ tokenId, recipient: deployer, amount0Max: principal0, amount1Max: principal1 }],
      }),
    ],
  ]);
  await chain.write(deployer, positionManager, seedPositionManagerAbi, 'transferFrom', [
    deployer,
    demo,
    tokenId,
  ]);
}

export const uniswapSeed: SeedModule = {
  name: 'uniswap',
  after: ['base'],
  seed: seedUniswap,
  // Swaps every simulated day, so fee growth over a past window (7 days at most) can be measured.
  history: { days: SWAP_DAYS, onDay: swapDay },
};

/**
 * Mints `count` positions in one pool to `recipient`, each with its own range around the current tick (all
 * in range, every range distinct), 20 per transaction. For tests and benches, inside a snapshot.
 */
export async function mintManyPositions(
  chain: DevnetChain,
  options: {
    lp: Address;
    positionManager: Address;
    token0: Address;
    token1: Address;
    fee: number;
    tickCurrent: number;
    recipient: Address;
    count: number;
    amount0: bigint;
    amount1: bigint;
  },
): Promise<void> {
  const spacing = TICK_SPACING[options.fee] ?? 60;
  const base = Math.floor(options.tickCurrent / spacing) * spacing;
  const mints = Array.from({ length: options.count }, (_, i) =>
    encodeFunctionData({
      abi: seedPositionManagerAbi,
      functionName: 'mint',
      args: [
        {
          token0: options.token0,
          token1: options.token1,
          fee: options.fee,
          tickLower: base - spacing * (i + 1),
          tickUpper: base + spacing * (i + 2),
          amount0Desired: options.amount0,
          amount1Desired: options.amount1,
          amount0Min: 0n,
          amount1Min: 0n,
          recipient: options.recipient,
          deadline: DEADLINE,
        },
      ],
    }),
  );
  for (let i = 0; i < mints.length; i += 20) {
    await chain.write(options.lp, options.positionManager, seedPositionManagerAbi, 'multicall', [
      mints.slice(i, i + 20),
    ]);
  }
}

/**
 * Mints `count` in-range positions in the WETH/USDC 0.05% pool to `recipient` (0.01 WETH and 30 USDC
 * desired each): finds the pool and its current tick, then `mintManyPositions`. Inside a snapshot.
 */
export async function mintManyWethUsdcPositions(
  chain: DevnetChain,
  options: {
    factory: Address;
    positionManager: Address;
    weth: Address;
    usdc: Address;
    lp: Address;
    recipient: Address;
    count: number;
  },
): Promise<void> {
  const [token0, token1] = sortTokens(options.weth, options.usdc);
  const pool = await chain.public.readContract({
    address: options.factory,
    abi: readFactoryAbi,
    functionName: 'getPool',
    args: [token0, token1, 500],
  });
  const [, tickCurrent] = await chain.public.readContract({
    address: pool,
    abi: poolAbi,
    functionName: 'slot0',
  });
  const weth = parseUnits('0.01', 18);
  const usdc = parseUnits('30', 6);
  const wethIs0 = token0.toLowerCase() === options.weth.toLowerCase();
  await mintManyPositions(chain, {
    lp: options.lp,
    positionManager: options.positionManager,
    token0,
    token1,
    fee: 500,
    tickCurrent,
    recipient: options.recipient,
    count: options.count,
    amount0: wethIs0 ? weth : usdc,
    amount1: wethIs0 ? usdc : weth,
  });
}
