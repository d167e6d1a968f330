import { type Address, maxUint256, parseAbi, parseUnits } from 'viem';
import { loadArtifact } from '../artifacts';
import type { DevnetChain } from '../chain';
import { compile } from '../solc';
import { FEED_PRICES, MINTABLE_ERC20, tokenDecimals } from './base';
import { loadWaffleArtifact } from './staking-rewards';
import type { SeedContext, SeedModule } from './types';

/**
 * Camelot V2 on chain 42161: the pairs are the real `@uniswap/v2-core` UniswapV2Factory/UniswapV2Pair
 * (Camelot's AMM is a fork; the reads used are common to both), GRAIL and xGRAIL are MintableERC20s, and
 * the Master and NFT pools (spNFT staking) are stand-ins (`devnet/contracts/camelot/`), since Camelot's
 * farm contracts are not on npm. The demo holds LP in WETH/USDC and GRAIL/WETH, and an spNFT of WETH/USDC
 * LP locked for 90 days next to an unlocked one of the deployer's; the trader swaps every simulated day.
 */

export const CAMELOT_CHAIN = 42161;
export const V2_FACTORY = '@uniswap/v2-core/build/UniswapV2Factory.json';
export const V2_PAIR = '@uniswap/v2-core/build/UniswapV2Pair.json';

/** GRAIL's price the GRAIL/WETH pool is seeded at (USD, 8 decimals): it has no feed. */
export const GRAIL_USD = 1_50000000n;
/** GRAIL per second for all NFT pools, and the pools' allocations. */
export const EMISSION_RATE = parseUnits('0.0005', 18);
export const ALLOC = { wethUsdc: 100n, grailWeth: 50n } as const;
/** Share of rewards paid in xGRAIL, basis points of 10 000. */
export const XGRAIL_SHARE_BPS = 8000n;
export const DEMO_LOCK_SECONDS = 90n * 86_400n;
export const SWAP_DAYS = 10;

/** Pools: amounts of `a` (whole tokens) put in by the deployer, and how much of it is the demo's. */
export const CAMELOT_POOLS = {
  wethUsdc: { a: 'WETH', b: 'USDC', liquidity: '400', demo: '6', staked: '4', otherStaked: '10', swap: '3' },
  grailWeth: {
    a: 'GRAIL',
    b: 'WETH',
    liquidity: '80000',
    demo: '2000',
    staked: '0',
    otherStaked: '0',
    swap: '500',
  },
} as const;

export const pairSeedAbi = parseAbi([
  'function createPair(address tokenA, address tokenB) returns (address pair)',
  'function getPair(address, address) view returns (address)',
  'function mint(address to) returns (uint256 liquidity)',
  'function swap(uint256 amount0Out, uint256 amount1Out, address to, bytes data)',
  'function getReserves() view returns (uint112, uint112, uint32)',
  'function token0() view returns (address)',
  'function balanceOf(address) view returns (uint256)',
  'function approve(address spender, uint256 value) returns (bool)',
  'function transfer(address to, uint256 value) returns (bool)',
]);
const tokenAbi = parseAbi([
  'function mint(address account, uint256 value) returns (bool)',
  'function transfer(address to, uint256 value) returns (bool)',
]);
const wethAbi = parseAbi(['function deposit() payable']);
const nftPoolAbi = parseAbi(['function createPosition(uint256 amount, uint256 lockDuration)']);
const masterAbi = parseAbi(['function addPool(address pool, uint256 allocPoint)']);

const usd = (symbol: string): bigint => {
  if (symbol === 'GRAIL') return GRAIL_USD;
  const p = FEED_PRICES[symbol === 'WETH' ? 'ETH' : symbol];
  if (p === undefined) throw new Error(`camelot seed: no price for ${symbol}`);
  return p;
};

/** Base units of `amount` whole `a` and of its worth in `b`. */
export function pairAmounts(a: string, b: string, amount: string): { a: bigint; b: bigint } {
  const x = parseUnits(amount, tokenDecimals(a));
  return {
    a: x,
    b: (x * usd(a) * 10n ** BigInt(tokenDecimals(b))) / (usd(b) * 10n ** BigInt(tokenDecimals(a))),
  };
}

interface CamelotState {
  trader: Address;
  pools: { pair: Address; a: Address; b: Address; swap: bigint }[];
}
const STATE = new WeakMap<DevnetChain, CamelotState>();

async function seedCamelot(ctx: SeedContext): Promise<void> {
  if (ctx.chainId !== CAMELOT_CHAIN) return;
  const { chain, accounts } = ctx;
  const { deployer, demo, trader } = accounts;
  const mintable = loadArtifact(MINTABLE_ERC20);
  const grail = await chain.deploy(deployer, mintable, ['Camelot token', 'GRAIL', 18]);
  const xGrail = await chain.deploy(deployer, mintable, ['Camelot escrowed token', 'xGRAIL', 18]);
  chain.contracts['Camelot.GRAIL'] = grail;
  chain.contracts['Camelot.xGRAIL'] = xGrail;
  const factory = await chain.deploy(deployer, loadWaffleArtifact(V2_FACTORY), [deployer]);
  chain.contracts['Camelot.Factory'] = factory;
  const tokens: Record<string, Address> = { ...chain.tokens, GRAIL: grail };
  const token = (s: string) => {
    const t = tokens[s];
    if (!t) throw new Error(`camelot seed: no ${s}`);
    return t;
  };
  // Funding: the deployer provides the liquidity, the trader swaps.
  for (const [who, eth] of [
    [deployer, '600'],
    [trader, '200'],
  ] as const) {
    await chain.write(who, token('WETH'), wethAbi, 'deposit', [], parseUnits(eth, 18));
    for (const s of ['USDC', 'GRAIL'])
      await chain.write(deployer, token(s), tokenAbi, 'mint', [
        who,
        parseUnits('10000000', tokenDecimals(s)),
      ]);
  }
  const state: CamelotState = { trader, pools: [] };
  const pairs: Record<string, Address> = {};
  for (const [name, spec] of Object.entries(CAMELOT_POOLS)) {
    await chain.write(deployer, factory, pairSeedAbi, 'createPair', [token(spec.a), token(spec.b)]);
    const pair = await chain.read<Address>(factory, pairSeedAbi, 'getPair', [token(spec.a), token(spec.b)]);
    pairs[name] = pair;
    chain.contracts[`Camelot.Pair.${spec.a}-${spec.b}`] = pair;
    // The deployer's liquidity, then the demo's (minted straight to the demo: its wallet is untouched).
    for (const [to, amount] of [
      [deployer, spec.liquidity],
      [demo, spec.demo],
    ] as const) {
      const { a, b } = pairAmounts(spec.a, spec.b, amount);
      await chain.write(deployer, token(spec.a), tokenAbi, 'transfer', [pair, a]);
      await chain.write(deployer, token(spec.b), tokenAbi, 'transfer', [pair, b]);
      await chain.write(deployer, pair, pairSeedAbi, 'mint', [to]);
    }
    state.pools.push({
      pair,
      a: token(spec.a),
      b: token(spec.b),
      swap: parseUnits(spec.swap, tokenDecimals(spec.a)),
    });
  }
  // A pair nobody added liquidity to (zero supply): the reader must get past it.
  await chain.write(deployer, factory, pairSeedAbi, 'createPair', [token('USDC'), token('DAI')]);

  const master = await chain.deploy(
    deployer,
    compile({ path: 'devnet/contracts/camelot/CamelotMasterStandIn.sol', contract: 'CamelotMasterStandIn' }),
    [EMISSION_RATE],
  );
  chain.contracts['Camelot.Master'] = master;
  chain.standIns['Camelot.Master'] =
    "devnet/contracts/camelot/CamelotMasterStandIn.sol: Camelot's Master (NFT pool registry, GRAIL emission rate); not on npm";
  const nftPoolArtifact = compile({
    path: 'devnet/contracts/camelot/NFTPoolStandIn.sol',
    contract: 'NFTPoolStandIn',
  });
  for (const [name, alloc] of Object.entries(ALLOC)) {
    const pair = pairs[name];
    if (!pair) continue;
    const pool = await chain.deploy(deployer, nftPoolArtifact, [
      master,
      pair,
      grail,
      xGrail,
      XGRAIL_SHARE_BPS,
    ]);
    await chain.write(deployer, master, masterAbi, 'addPool', [pool, alloc]);
    const key = `Camelot.NFTPool.${name}`;
    chain.contracts[key] = pool;
    chain.standIns[key] =
      "devnet/contracts/camelot/NFTPoolStandIn.sol: a Camelot NFT pool (spNFT staking positions); Camelot's NFTPool is not on npm";
    const spec = CAMELOT_POOLS[name as keyof typeof CAMELOT_POOLS];
    // Staked LP: the deployer's unlocked position, then the demo's locked one (LP minted to each first).
    for (const [who, amount, lock] of [
      [deployer, spec.otherStaked, 0n],
      [demo, spec.staked, DEMO_LOCK_SECONDS],
    ] as const) {
      if (amount === '0') continue;
      const { a, b } = pairAmounts(spec.a, spec.b, amount);
      await chain.write(deployer, token(spec.a), tokenAbi, 'transfer', [pair, a]);
      await chain.write(deployer, token(spec.b), tokenAbi, 'transfer', [pair, b]);
      const before = await chain.read<bigint>(pair, pairSeedAbi, 'balanceOf', [who]);
      await chain.write(deployer, pair, pairSeedAbi, 'mint', [who]);
      const lp = (await chain.read<bigint>(pair, pairSeedAbi, 'balanceOf', [who])) - before;
      await chain.write(who, pair, pairSeedAbi, 'approve', [pool, maxUint256]);
      await chain.write(who, pool, nftPoolAbi, 'createPosition', [lp, lock]);
    }
  }
  STATE.set(chain, state);
}

/** One day of trading: each pool swapped one way and back (fees stay in the pool, the price barely moves). */
async function tradeDay(ctx: SeedContext): Promise<void> {
  const state = STATE.get(ctx.chain);
  if (!state) return;
  const { chain } = ctx;
  for (const p of state.pools) {
    let amountIn = p.swap;
    for (const [tokenIn] of [[p.a], [p.b]] as const) {
      const token0 = await chain.read<Address>(p.pair, pairSeedAbi, 'token0');
      const [r0, r1] = await chain.read<readonly [bigint, bigint, number]>(
        p.pair,
        pairSeedAbi,
        'getReserves',
      );
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
  }
}

export const camelotSeed: SeedModule = {
  name: 'camelot',
  after: ['base'],
  seed: seedCamelot,
  history: { days: SWAP_DAYS, onDay: tradeDay },
};
