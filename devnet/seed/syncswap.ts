import { type Address, parseAbi, parseUnits } from 'viem';
import type { DevnetChain } from '../chain';
import { compile } from '../solc';
import { tokenDecimals } from './base';
import { pairAmounts, pairSeedAbi, V2_FACTORY } from './camelot';
import { loadWaffleArtifact } from './staking-rewards';
import type { SeedContext, SeedModule } from './types';

/**
 * SyncSwap on chain 324. The registry is the PoolMaster stand-in (`pools(i)`, `poolsLength()`); its
 * classic pool is a real `@uniswap/v2-core` UniswapV2Pair (the reads used of a classic pool, token0/1,
 * getReserves' first two words, totalSupply, balanceOf, are common to both; it answers no `poolType()`,
 * which the reader takes as constant product); its stable pools are the stable pool stand-in
 * (`devnet/contracts/syncswap/`), whose reserves the seed sets (no swap logic). The demo holds LP in
 * WETH/USDC (classic) and USDC/USDT (stable); two bad-input pools: USDC/HOSTILE (hostile metadata) and
 * DAI/USDT, which reports zero supply while the demo holds its LP; a classic pair nobody funded.
 */

export const SYNCSWAP_CHAIN = 324;
export const SWAP_DAYS = 10;

/** Classic pool: whole WETH put in by the deployer, the demo's share, and the trader's daily swap. */
export const CLASSIC = { a: 'WETH', b: 'USDC', liquidity: '300', demo: '4', swap: '2' } as const;

/** Stable pools (stand-in): reserves in whole tokens, supply and the demo's LP (18 decimals). */
export const STABLE = {
  usdcUsdt: {
    a: 'USDC',
    b: 'USDT',
    reserveA: '1200000',
    reserveB: '1000000',
    supply: '2200000',
    demo: '5000',
  },
  usdcHostile: {
    a: 'USDC',
    b: 'HOSTILE',
    reserveA: '50000',
    reserveB: '50000',
    supply: '100000',
    demo: '10',
  },
  daiUsdt: { a: 'DAI', b: 'USDT', reserveA: '1000', reserveB: '1000', supply: '2000', demo: '3' },
} as const;

/**
 * The stable pool's daily fees, as the seed's stand-in for swaps: reserves grow by these parts per
 * million each day, the larger side alternating so the pool's balance moves too.
 */
export const STABLE_DAILY_PPM = { big: 300n, small: 100n } as const;

const masterAbi = parseAbi(['function registerPool(address pool)']);
const standInAbi = parseAbi([
  'function setReserves(uint256 r0, uint256 r1)',
  'function mintTo(address to, uint256 amount)',
  'function setTotalSupply(uint256 supply)',
  'function getReserves() view returns (uint256, uint256)',
]);
const tokenAbi = parseAbi([
  'function mint(address account, uint256 value) returns (bool)',
  'function transfer(address to, uint256 value) returns (bool)',
]);
const wethAbi = parseAbi(['function deposit() payable']);

interface SyncSwapState {
  trader: Address;
  classic: { pair: Address; a: Address; b: Address; swap: bigint };
  stable: Address;
}
const STATE = new WeakMap<DevnetChain, SyncSwapState>();

const multiplier = (symbol: string) => 10n ** BigInt(18 - tokenDecimals(symbol));

async function seedSyncSwap(ctx: SeedContext): Promise<void> {
  if (ctx.chainId !== SYNCSWAP_CHAIN) return;
  const { chain, accounts } = ctx;
  const { deployer, demo, trader } = accounts;
  const token = (s: string): Address => {
    const t = chain.tokens[s];
    if (!t) throw new Error(`syncswap seed: no ${s}`);
    return t;
  };
  const master = await chain.deploy(
    deployer,
    compile({
      path: 'devnet/contracts/syncswap/SyncSwapPoolMasterStandIn.sol',
      contract: 'SyncSwapPoolMasterStandIn',
    }),
    [],
  );
  chain.contracts['SyncSwap.PoolMaster'] = master;
  chain.standIns['SyncSwap.PoolMaster'] =
    "devnet/contracts/syncswap/SyncSwapPoolMasterStandIn.sol: SyncSwap's PoolMaster (registry of every pool: poolsLength, pools(i)); not on npm";

  // Classic pool: a real UniswapV2Pair, funded by the deployer, the demo's LP minted straight to it.
  for (const [who, eth] of [
    [deployer, '400'],
    [trader, '100'],
  ] as const) {
    await chain.write(who, token('WETH'), wethAbi, 'deposit', [], parseUnits(eth, 18));
    await chain.write(deployer, token('USDC'), tokenAbi, 'mint', [who, parseUnits('5000000', 6)]);
  }
  const factory = await chain.deploy(deployer, loadWaffleArtifact(V2_FACTORY), [deployer]);
  chain.contracts['SyncSwap.ClassicFactory'] = factory;
  const [a, b] = [token(CLASSIC.a), token(CLASSIC.b)];
  await chain.write(deployer, factory, pairSeedAbi, 'createPair', [a, b]);
  const pair = await chain.read<Address>(factory, pairSeedAbi, 'getPair', [a, b]);
  for (const [to, amount] of [
    [deployer, CLASSIC.liquidity],
    [demo, CLASSIC.demo],
  ] as const) {
    const x = pairAmounts(CLASSIC.a, CLASSIC.b, amount);
    await chain.write(deployer, a, tokenAbi, 'transfer', [pair, x.a]);
    await chain.write(deployer, b, tokenAbi, 'transfer', [pair, x.b]);
    await chain.write(deployer, pair, pairSeedAbi, 'mint', [to]);
  }
  chain.contracts['SyncSwap.Classic.WETH-USDC'] = pair;
  await chain.write(deployer, master, masterAbi, 'registerPool', [pair]);
  // A classic pool nobody funded (zero supply, no holder): discovery must get past it.
  await chain.write(deployer, factory, pairSeedAbi, 'createPair', [token('USDT'), token('DAI')]);
  const empty = await chain.read<Address>(factory, pairSeedAbi, 'getPair', [token('USDT'), token('DAI')]);
  await chain.write(deployer, master, masterAbi, 'registerPool', [empty]);

  const stableArtifact = compile({
    path: 'devnet/contracts/syncswap/SyncSwapStablePoolStandIn.sol',
    contract: 'SyncSwapStablePoolStandIn',
  });
  let stable: Address | null = null;
  for (const [name, spec] of Object.entries(STABLE)) {
    const pool = await chain.deploy(deployer, stableArtifact, [
      token(spec.a),
      token(spec.b),
      multiplier(spec.a),
      multiplier(spec.b),
    ]);
    await chain.write(deployer, pool, standInAbi, 'setReserves', [
      parseUnits(spec.reserveA, tokenDecimals(spec.a)),
      parseUnits(spec.reserveB, tokenDecimals(spec.b)),
    ]);
    const demoLp = parseUnits(spec.demo, 18);
    await chain.write(deployer, pool, standInAbi, 'mintTo', [deployer, parseUnits(spec.supply, 18) - demoLp]);
    await chain.write(deployer, pool, standInAbi, 'mintTo', [demo, demoLp]);
    if (name === 'daiUsdt') await chain.write(deployer, pool, standInAbi, 'setTotalSupply', [0n]);
    await chain.write(deployer, master, masterAbi, 'registerPool', [pool]);
    const key = `SyncSwap.Stable.${spec.a}-${spec.b}`;
    chain.contracts[key] = pool;
    chain.standIns[key] =
      name === 'daiUsdt'
        ? 'devnet/contracts/syncswap/SyncSwapStablePoolStandIn.sol: bad input, a stable pool reporting zero supply while the demo holds its LP'
        : "devnet/contracts/syncswap/SyncSwapStablePoolStandIn.sol: a SyncSwap stable pool (poolType 2, precision multipliers); SyncSwap's pools are not on npm";
    if (name === 'usdcUsdt') stable = pool;
  }
  if (!stable) throw new Error('syncswap seed: no stable pool');
  STATE.set(chain, { trader, classic: { pair, a, b, swap: parseUnits(CLASSIC.swap, 18) }, stable });
}

/** One day: the classic pool swapped one way and back; the stable pool's reserves grow by a day's fees. */
async function tradeDay(ctx: SeedContext, day: number): Promise<void> {
  const state = STATE.get(ctx.chain);
  if (!state) return;
  const { chain } = ctx;
  const p = state.classic;
  let amountIn = p.swap;
  for (const tokenIn of [p.a, p.b]) {
    const token0 = await chain.read<Address>(p.pair, pairSeedAbi, 'token0');
    const [r0, r1] = await chain.read<readonly [bigint, bigint, number]>(p.pair, pairSeedAbi, 'getReserves');
    const zeroIn = tokenIn.toLowerCase() === token0.toLowerCase();
    const [rIn, rOut] = zeroIn ? [r0, r1] : [r1, r0];
    const out = (amountIn * 997n * rOut) / (rIn * 1000n + amountIn * 997n);
    await chain.write(state.trader, tokenIn, tokenAbi, 'transfer', [p.pair, amountIn]);
    await chain.write(state.trader, p.pair, pairSeedAbi, 'swap', [
      zeroIn ? 0n : out,
      zeroIn ? out : 0n,
      state.trader,
      '0x',
    ]);
    amountIn = out;
  }
  const [s0, s1] = await chain.read<readonly [bigint, bigint]>(state.stable, standInAbi, 'getReserves');
  const [g0, g1] =
    day % 2 === 0
      ? [STABLE_DAILY_PPM.big, STABLE_DAILY_PPM.small]
      : [STABLE_DAILY_PPM.small, STABLE_DAILY_PPM.big];
  await chain.write(ctx.accounts.deployer, state.stable, standInAbi, 'setReserves', [
    s0 + (s0 * g0) / 1_000_000n,
    s1 + (s1 * g1) / 1_000_000n,
  ]);
}

export const syncswapSeed: SeedModule = {
  name: 'syncswap',
  after: ['base'],
  seed: seedSyncSwap,
  history: { days: SWAP_DAYS, onDay: tradeDay },
};
