import { Token } from '@uniswap/sdk-core';
import { Pool, Position as SdkPosition } from '@uniswap/v3-sdk';
import { type Address, createPublicClient, http, parseAbi, parseUnits } from 'viem';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  SLIPSTREAM_MANIFEST,
  SLIPSTREAM_POOLS,
  SLIPSTREAM_POSITIONS,
  type SlipstreamPoolSpec,
} from '../../../devnet/seed/slipstream';
import { testDevnet } from '../../../devnet/testing';
import { devnetFeedName } from '../../chains/network';
import { readChainPortfolio } from '../../portfolio/read';
import type { Position } from '../../portfolio/types';
import { aggregatorV3Abi } from '../../prices/chainlink';
import { positionManagerAbi as uniswapManagerAbi, poolAbi as uniswapPoolAbi } from '../uniswap-v3/abi';
import { MAX_UINT128 } from '../uniswap-v3/math';
import { clPositionManagerAbi } from './abi';
import { velodromeModule } from './module';
import { isSlipstreamPosition, type SlipstreamPositionDetails } from './types';

/**
 * Slipstream on the devnet (stand-ins over real Uniswap V3 pools), checked against independent oracles:
 * amounts against `@uniswap/v3-sdk`'s Position on the real Uniswap pool's state and the real Uniswap
 * manager's position; uncollected fees and the fee window against static `collect`s (answered by the real
 * Uniswap manager); emissions against the seed's inputs (VELO notified ÷ 7 days × elapsed × liquidity
 * share); gauge fees against static collects of the staked positions; the reward APR recomputed from raw
 * reads and feed answers.
 */
const { manifest, network } = testDevnet();
/** A full public client: the oracles simulate `collect`, which the app's read client cannot. */
const client = createPublicClient({ transport: http(network.chains[10].rpcUrl) });
const demo = manifest.accounts.demo as Address;
const contracts = manifest.chains['10'].contracts;
const tokens = manifest.chains['10'].tokens;
const at = (name: string) => {
  const a = contracts[name];
  if (!a) throw new Error(`manifest: no ${name}`);
  return a;
};
const nft = at(SLIPSTREAM_MANIFEST.positionManager);
const uniswapManager = at('UniswapV3NonfungiblePositionManager');
const DURATION = 7n * 86_400n;
const YEAR = 31_536_000;
const raw = parseAbi([
  'function underlyingId(uint256 tokenId) view returns (uint256)',
  'function rewardRate() view returns (uint256)',
  'function periodFinish() view returns (uint256)',
  'function stakedLiquidity() view returns (uint128)',
  'function gaugeFees() view returns (uint128, uint128)',
]);

let positions: Position[];
let block: bigint;
let blockTs: bigint;

beforeAll(async () => {
  const chain = await readChainPortfolio({
    network,
    chainId: 10,
    client,
    owner: demo,
    protocols: [velodromeModule],
  });
  positions = chain.positions.filter((p) => p.id.includes(':slipstream:'));
  block = chain.blockNumber ?? 0n;
  blockTs = chain.blockTimestamp ?? 0n;
});

/** Slipstream token ids follow the seed's mint order (1, 2, …). */
const tokenIdOf = (key: string) => BigInt(SLIPSTREAM_POSITIONS.findIndex((p) => p.key === key) + 1);
const poolSpec = (key: string): SlipstreamPoolSpec => {
  const s = SLIPSTREAM_POOLS.find((p) => p.key === key);
  if (!s) throw new Error(`no pool ${key}`);
  return s;
};
function positionOf(key: string): { p: Position; d: SlipstreamPositionDetails } {
  const p = positions.find((x) => x.id === `10:velodrome:slipstream:${tokenIdOf(key)}`);
  if (!p || !isSlipstreamPosition(p.details)) throw new Error(`position ${key} not read`);
  return { p, d: p.details };
}
const readRaw = <T>(
  address: Address,
  functionName: string,
  args: readonly unknown[] = [],
  blockNumber = block,
) => client.readContract({ address, abi: raw, functionName, args, blockNumber } as never) as Promise<T>;

/** The real Uniswap V3 position behind a Slipstream id, from the Uniswap manager itself. */
async function uniswapPosition(tokenId: bigint, blockNumber = block) {
  const id = await readRaw<bigint>(nft, 'underlyingId', [tokenId], blockNumber);
  const p = await client.readContract({
    address: uniswapManager,
    abi: uniswapManagerAbi,
    functionName: 'positions',
    args: [id],
    blockNumber,
  });
  return { id, fee: p[4], tickLower: p[5], tickUpper: p[6], liquidity: p[7] };
}

async function feed(symbol: string, blockNumber = block): Promise<bigint> {
  const [, answer] = await client.readContract({
    address: at(devnetFeedName(symbol)),
    abi: aggregatorV3Abi,
    functionName: 'latestRoundData',
    blockNumber,
  });
  return answer;
}
const symbolOf = (address: Address) => Object.entries(tokens).find(([, a]) => a === address)?.[0] ?? '?';

/** Oracle: `@uniswap/v3-sdk` Position amounts on the real Uniswap pool's state at the read block. */
async function sdkAmounts(key: string, d: SlipstreamPositionDetails) {
  const spec = SLIPSTREAM_POSITIONS.find((p) => p.key === key);
  const underlying = at(`Velodrome.Slipstream.UniswapPool.${spec?.pool}`);
  const [sqrtPriceX96, tick] = await client.readContract({
    address: underlying,
    abi: uniswapPoolAbi,
    functionName: 'slot0',
    blockNumber: block,
  });
  const u = await uniswapPosition(d.tokenId);
  const t0 = new Token(10, d.token0.address, d.token0.decimals ?? 18);
  const t1 = new Token(10, d.token1.address, d.token1.decimals ?? 18);
  // The SDK knows only Uniswap's fee tiers (it takes the tick spacing from them); amounts do not depend
  // on the fee, so the 0.04 % pool (spacing 100) is given 0.05 % (spacing 10, which divides 100).
  const sdkFee = u.fee === 400 ? 500 : u.fee;
  const pool = new Pool(t0, t1, sdkFee, sqrtPriceX96.toString(), '0', tick);
  const position = new SdkPosition({
    pool,
    liquidity: u.liquidity.toString(),
    tickLower: u.tickLower,
    tickUpper: u.tickUpper,
  });
  return {
    ...u,
    amount0: BigInt(position.amount0.quotient.toString()),
    amount1: BigInt(position.amount1.quotient.toString()),
  };
}

/** Oracle: what `collect` pays, simulated from `from` on a manager at a block. */
async function staticCollect(manager: Address, tokenId: bigint, from: Address, blockNumber = block) {
  const { result } = await client.simulateContract({
    account: from,
    address: manager,
    abi: clPositionManagerAbi,
    functionName: 'collect',
    args: [{ tokenId, recipient: from, amount0Max: MAX_UINT128, amount1Max: MAX_UINT128 }],
    blockNumber,
    // A contract caller holds no ETH for the call's gas; the override changes nothing else.
    stateOverride: [{ address: from, balance: 10n ** 18n }],
  });
  return result;
}

const usdOf = async (d: SlipstreamPositionDetails, a0: bigint, a1: bigint) => {
  const [p0, p1] = await Promise.all([feed(symbolOf(d.token0.address)), feed(symbolOf(d.token1.address))]);
  return (
    (Number(a0) * Number(p0)) / 1e8 / 10 ** (d.token0.decimals ?? 0) +
    (Number(a1) * Number(p1)) / 1e8 / 10 ** (d.token1.decimals ?? 0)
  );
};

describe('Slipstream positions of the demo', () => {
  it('lists the unstaked and the staked positions, with stable ids and their kinds', () => {
    const demoKeys = SLIPSTREAM_POSITIONS.filter((p) => p.owner === 'demo');
    expect(positions.map((p) => p.id).sort()).toEqual(
      demoKeys.map((p) => `10:velodrome:slipstream:${tokenIdOf(p.key)}`).sort(),
    );
    for (const spec of demoKeys) {
      const { p, d } = positionOf(spec.key);
      expect(p.kind).toBe(spec.staked ? 'farming' : 'liquidity');
      expect(d.staked).toBe(spec.staked);
      expect(d.tickSpacing).toBe(poolSpec(spec.pool).tickSpacing);
      expect(p.warning).toBeNull();
    }
  });

  it.each(SLIPSTREAM_POSITIONS.filter((p) => p.owner === 'demo').map((p) => p.key))(
    '%s: amounts equal @uniswap/v3-sdk on the same pool state; range from the real position',
    async (key) => {
      const { p, d } = positionOf(key);
      const sdk = await sdkAmounts(key, d);
      expect(p.assets.map((a) => a.amount)).toEqual([sdk.amount0, sdk.amount1]);
      expect([d.tickLower, d.tickUpper, d.liquidity]).toEqual([sdk.tickLower, sdk.tickUpper, sdk.liquidity]);
      expect(d.rangeStatus).toBe('in-range');
      // The CL factory finds the pool by tick spacing.
      expect(d.pool).toBe(
        at(SLIPSTREAM_MANIFEST.pool(SLIPSTREAM_POSITIONS.find((x) => x.key === key)?.pool ?? '')),
      );
    },
  );

  it('unstaked: uncollected fees equal a static collect from the owner; fees only, over the stated window', async () => {
    const { p, d } = positionOf('unstaked');
    const [fees0, fees1] = await staticCollect(nft, d.tokenId, demo);
    expect(fees0 > 0n && fees1 > 0n).toBe(true);
    expect(p.rewards.map((r) => r.amount)).toEqual([fees0, fees1]);

    const fa = d.feeApr;
    if (!fa || fa.fromBlock === null || fa.seconds === null) throw new Error('no fee window');
    const [b0, b1] = await staticCollect(nft, d.tokenId, demo, fa.fromBlock);
    const earned0 = fees0 - b0;
    const earned1 = fees1 - b1;
    // The reader applies fee growth inside over the window; two collects floor separately (±1 wei).
    expect(Number((fa.earned0 ?? 0n) - earned0)).toBeLessThanOrEqual(1);
    expect(Number(earned0 - (fa.earned0 ?? 0n))).toBeLessThanOrEqual(1);
    expect(Number((fa.earned1 ?? 0n) - earned1)).toBeLessThanOrEqual(1);
    expect(Number(earned1 - (fa.earned1 ?? 0n))).toBeLessThanOrEqual(1);
    const [from, to] = await Promise.all([
      client.getBlock({ blockNumber: fa.fromBlock }),
      client.getBlock({ blockNumber: block }),
    ]);
    const seconds = to.timestamp - from.timestamp;
    expect(fa.seconds).toBe(seconds);
    expect(Number(seconds)).toBeGreaterThanOrEqual(6.9 * 86_400);
    const sdk = await sdkAmounts('unstaked', d);
    const apr =
      ((await usdOf(d, earned0, earned1)) / (await usdOf(d, sdk.amount0, sdk.amount1))) *
      (YEAR / Number(seconds));
    expect(p.yield?.rewardApr).toBe(0);
    expect(p.yield?.baseApr).toBeCloseTo(apr, 6);
    expect(p.yield?.window).toBe('7d');
    expect(p.yield?.source).toMatch(new RegExp(`blocks ${fa.fromBlock}–${block}`));
  });

  it('staked: earned VELO equals the seed’s notified emissions × elapsed × liquidity share', async () => {
    const { p, d } = positionOf('staked');
    const spec = poolSpec('wethUsdc');
    const gauge = at(SLIPSTREAM_MANIFEST.gauge('wethUsdc'));
    const [[, amount]] = spec.notify as [[number, string]];
    const rate = parseUnits(amount, 18) / DURATION;
    expect(await readRaw<bigint>(gauge, 'rewardRate')).toBe(rate);
    const finish = await readRaw<bigint>(gauge, 'periodFinish');
    const start = finish - DURATION;
    const elapsed = (blockTs < finish ? blockTs : finish) - start;
    const stakedIds = SLIPSTREAM_POSITIONS.filter((x) => x.pool === 'wethUsdc' && x.staked).map((x) =>
      tokenIdOf(x.key),
    );
    const liquidities = await Promise.all(stakedIds.map(async (id) => (await uniswapPosition(id)).liquidity));
    const total = liquidities.reduce((a, b) => a + b, 0n);
    const expected = (rate * elapsed * d.liquidity) / total;
    const got = p.rewards[0]?.amount ?? 0n;
    expect(p.rewards[0]?.symbol).toBe('VELO');
    expect(Number(got > expected ? got - expected : expected - got)).toBeLessThanOrEqual(
      Number(expected / 10n ** 12n),
    );
    // The pool's staked liquidity in range is every staked position's (all in range), from the real positions.
    expect(d.gauge?.totalSupply).toBe(total);
  });

  it('staked: emissions only; the reward APR recomputed from raw reads', async () => {
    const { p, d } = positionOf('staked');
    const pool = at(SLIPSTREAM_MANIFEST.pool('wethUsdc'));
    const gauge = at(SLIPSTREAM_MANIFEST.gauge('wethUsdc'));
    const [rate, stakedLiquidity, velo, sdk] = await Promise.all([
      readRaw<bigint>(gauge, 'rewardRate'),
      readRaw<bigint>(pool, 'stakedLiquidity'),
      feed('VELO'),
      sdkAmounts('staked', d),
    ]);
    const value = await usdOf(d, sdk.amount0, sdk.amount1);
    const stakedUsd = (value * Number(stakedLiquidity)) / Number(d.liquidity);
    const apr = ((Number(rate) / 1e18) * YEAR * (Number(velo) / 1e8)) / stakedUsd;
    expect(stakedUsd).toBeGreaterThan(1_000);
    expect(p.yield?.baseApr).toBe(0);
    expect(p.yield?.rewardApr).toBeCloseTo(apr, 6);
    expect(p.yield?.rewards?.[0]?.symbol).toBe('VELO');
    expect(d.gauge?.state).toBe('emitting');
  });

  it('staked: the pool’s gauge fees equal static collects of the staked positions on the real Uniswap manager', async () => {
    const { d } = positionOf('staked');
    const stakedIds = SLIPSTREAM_POSITIONS.filter((x) => x.pool === 'wethUsdc' && x.staked).map((x) =>
      tokenIdOf(x.key),
    );
    let sum0 = 0n;
    let sum1 = 0n;
    for (const id of stakedIds) {
      const u = await uniswapPosition(id);
      // The Slipstream manager holds the Uniswap positions: a collect from it is the owner's.
      const [a0, a1] = await staticCollect(uniswapManager, u.id, nft);
      sum0 += a0;
      sum1 += a1;
    }
    expect(sum0 > 0n).toBe(true);
    expect(d.gaugeFees).toEqual({ amount0: sum0, amount1: sum1 });
  });

  it('a tiny stake: the APR is shown as unreliable and the yield is unknown, with the reason in words', async () => {
    const { p, d } = positionOf('tiny');
    const sdk = await sdkAmounts('tiny', d);
    const value = await usdOf(d, sdk.amount0, sdk.amount1);
    expect(value).toBeLessThan(1_000);
    expect(p.yield).toBeNull();
    expect(d.unreliableApr).toBeGreaterThan(0);
    expect(d.yieldNote).toMatch(/unreliable: tiny stake/);
    expect(p.rewards[0]?.symbol).toBe('VELO');
  });
});
