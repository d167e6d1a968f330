import { Token } from '@uniswap/sdk-core';
import { Pool, Position as SdkPosition } from '@uniswap/v3-sdk';
import { type Address, encodeAbiParameters, type Hex, keccak256, parseAbi, parseUnits, toHex } from 'viem';
import { simulateContract } from 'viem/actions';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DevnetChain } from '../../../devnet/chain';
import { recordingClient, sequentialDepth } from '../../../devnet/rpc-recorder';
import {
  demoPositions,
  mintManyWethUsdcPositions,
  seedSwapRouterAbi,
  V3_DEPLOYMENTS,
  type V3Prefix,
} from '../../../devnet/seed/uniswap-v3';
import { testDevnet } from '../../../devnet/testing';
import type { ReadClient } from '../../chains/client';
import { devnetFeedName } from '../../chains/network';
import type { ChainId } from '../../chains/registry';
import { readChainPortfolio } from '../../portfolio/read';
import type { Position } from '../../portfolio/types';
import { positionValue } from '../../portfolio/value';
import { aggregatorV3Abi } from '../../prices/chainlink';
import { factoryAbi, poolAbi, positionManagerAbi } from './abi';
import { devnetV3Deployment } from './addresses';
import { checkV3Deployment } from './check';
import { formatWindow, MAX_TICK, MAX_UINT128, MIN_TICK } from './math';
import { isV3Details, v3Module } from './module';
import { SUSHISWAP_V3, UNISWAP_V3, type V3ProtocolSpec } from './read';
import type { UniswapV3PositionDetails } from './types';

const { manifest, network, clients } = testDevnet();
const demo = manifest.accounts.demo as Address;
const SPECS: Record<V3Prefix, V3ProtocolSpec> = { UniswapV3: UNISWAP_V3, SushiSwapV3: SUSHISWAP_V3 };
const DEPLOYMENTS = (Object.entries(V3_DEPLOYMENTS) as [V3Prefix, readonly ChainId[]][]).flatMap(
  ([prefix, ids]) => ids.map((chainId) => ({ prefix, chainId })),
);
const WEEK = 7n * 86_400n;

/**
 * Reverts to a snapshot, then mines one empty block: anvil's evm_revert restores state but not its base-fee
 * tracker, so until the next block an eth_call sees another block.basefee than the latest header says
 * (which files run after this one, e.g. the fee quotes, rely on).
 */
async function revertTo(chain: DevnetChain, snapshot: Hex): Promise<void> {
  await chain.revert(snapshot);
  await chain.mine();
}
const YEAR = 365n * 86_400n;

const contract = (chainId: ChainId, name: string): Address => {
  const address = manifest.chains[`${chainId}`].contracts[name];
  if (!address) throw new Error(`manifest: no ${name} on ${chainId}`);
  return address;
};

function detailsOf(p: Position): UniswapV3PositionDetails {
  if (!isV3Details(p.details)) throw new Error(`${p.id} has no uniswap-v3 details`);
  return p.details;
}

async function readV3(
  chainId: ChainId,
  spec: V3ProtocolSpec,
  options: { client?: ReadClient; owner?: Address; windowSeconds?: number; blockNumber?: bigint } = {},
) {
  const chain = await readChainPortfolio({
    network,
    chainId,
    client: options.client ?? clients[chainId],
    owner: options.owner ?? demo,
    ...(options.blockNumber === undefined ? {} : { blockNumber: options.blockNumber }),
    protocols: [v3Module(spec, 10, options.windowSeconds ? { windowSeconds: options.windowSeconds } : {})],
  });
  if (chain.blockNumber === null || chain.blockTimestamp === null) throw new Error(`chain ${chainId} unread`);
  return {
    ...chain,
    blockNumber: chain.blockNumber,
    blockTimestamp: chain.blockTimestamp,
    v3: chain.positions.filter((p) => p.protocol === spec.id),
  };
}

/** Oracle: `@uniswap/v3-sdk` Position amounts from pool state the test reads itself (pool from factory.getPool). */
async function sdkAmounts(
  client: ReadClient,
  chainId: ChainId,
  prefix: V3Prefix,
  d: UniswapV3PositionDetails,
  block: bigint,
) {
  const pool = await client.readContract({
    address: contract(chainId, `${prefix}Factory`),
    abi: factoryAbi,
    functionName: 'getPool',
    args: [d.token0.address, d.token1.address, d.fee],
    blockNumber: block,
  });
  const [sqrtPriceX96, tick] = await client.readContract({
    address: pool,
    abi: poolAbi,
    functionName: 'slot0',
    blockNumber: block,
  });
  const onChain = await client.readContract({
    address: d.positionManager,
    abi: positionManagerAbi,
    functionName: 'positions',
    args: [d.tokenId],
    blockNumber: block,
  });
  const liquidity = onChain[7];
  const token0 = new Token(chainId, d.token0.address, d.token0.decimals ?? 18);
  const token1 = new Token(chainId, d.token1.address, d.token1.decimals ?? 18);
  const sdkPool = new Pool(token0, token1, d.fee, sqrtPriceX96.toString(), '0', tick);
  const position = new SdkPosition({
    pool: sdkPool,
    liquidity: liquidity.toString(),
    tickLower: onChain[5],
    tickUpper: onChain[6],
  });
  return {
    pool,
    tick,
    amount0: BigInt(position.amount0.quotient.toString()),
    amount1: BigInt(position.amount1.quotient.toString()),
  };
}

/** Oracle: what `collect` pays the owner, simulated with eth_call from the owner at a block. */
async function staticCollect(client: ReadClient, d: UniswapV3PositionDetails, owner: Address, block: bigint) {
  const { result } = await simulateContract(client, {
    account: owner,
    address: d.positionManager,
    abi: positionManagerAbi,
    functionName: 'collect',
    args: [{ tokenId: d.tokenId, recipient: owner, amount0Max: MAX_UINT128, amount1Max: MAX_UINT128 }],
    blockNumber: block,
  });
  return { fees0: result[0], fees1: result[1] };
}

/** The feed answer of a token's USD feed at a block (8 decimals), straight from the aggregator. */
async function feedAnswer(
  client: ReadClient,
  chainId: ChainId,
  token: Address,
  block: bigint,
): Promise<bigint> {
  const symbol = Object.entries(manifest.chains[`${chainId}`].tokens).find(([, a]) => a === token)?.[0];
  if (!symbol) throw new Error(`no devnet symbol for ${token}`);
  const [, answer] = await client.readContract({
    address: contract(chainId, devnetFeedName(symbol)),
    abi: aggregatorV3Abi,
    functionName: 'latestRoundData',
    blockNumber: block,
  });
  return answer;
}

/**
 * The fee APR recomputed from independent figures: fees the contracts pay between two blocks (static
 * collects), SDK amounts, feed answers, and the two blocks' header timestamps.
 */
async function oracleApr(
  client: ReadClient,
  chainId: ChainId,
  prefix: V3Prefix,
  d: UniswapV3PositionDetails,
  from: bigint,
  to: bigint,
) {
  const [before, after, amounts, p0, p1, blockA, blockB] = await Promise.all([
    staticCollect(client, d, demo, from),
    staticCollect(client, d, demo, to),
    sdkAmounts(client, chainId, prefix, d, to),
    feedAnswer(client, chainId, d.token0.address, to),
    feedAnswer(client, chainId, d.token1.address, to),
    client.getBlock({ blockNumber: from }),
    client.getBlock({ blockNumber: to }),
  ]);
  const earned0 = after.fees0 - before.fees0;
  const earned1 = after.fees1 - before.fees1;
  const usd = (amount: bigint, price: bigint, decimals: number | null) =>
    (Number(amount) * Number(price)) / 1e8 / 10 ** (decimals ?? 0);
  const earned = usd(earned0, p0, d.token0.decimals) + usd(earned1, p1, d.token1.decimals);
  const value = usd(amounts.amount0, p0, d.token0.decimals) + usd(amounts.amount1, p1, d.token1.decimals);
  const seconds = blockB.timestamp - blockA.timestamp;
  return { earned0, earned1, seconds, apr: ((earned / value) * Number(YEAR)) / Number(seconds) };
}

function relativeError(a: number, b: number): number {
  return Math.abs(a - b) / Math.max(Math.abs(b), 1e-12);
}

describe('Uniswap V3 and SushiSwap V3 positions on the devnet', () => {
  for (const { prefix, chainId } of DEPLOYMENTS) {
    it(`${prefix} on ${chainId}: every seeded position, amounts = v3-sdk Position and fees = static collect, to the wei`, async () => {
      const spec = SPECS[prefix];
      const client = clients[chainId];
      const chain = await readV3(chainId, spec);
      expect(chain.protocolErrors).toEqual([]);
      expect(chain.v3).toHaveLength(demoPositions(prefix, chainId).length);
      const kinds = new Set<string>();
      for (const p of chain.v3) {
        const d = detailsOf(p);
        const label = `${chainId} ${p.label} #${d.tokenId}`;
        const oracle = await sdkAmounts(client, chainId, prefix, d, chain.blockNumber);
        expect(d.pool, label).toBe(oracle.pool); // CREATE2 derivation = factory.getPool
        expect(d.tickCurrent, label).toBe(oracle.tick);
        expect(
          p.assets.map((a) => a.amount),
          label,
        ).toEqual([oracle.amount0, oracle.amount1]);
        const fees = await staticCollect(client, d, demo, chain.blockNumber);
        expect(
          p.rewards.map((a) => a.amount),
          label,
        ).toEqual([fees.fees0, fees.fees1]);
        expect(p.id).toBe(`${chainId}:${spec.id}:${d.tokenId}`);
        kinds.add(d.closed ? 'closed' : (d.rangeStatus ?? 'unknown'));
        if (d.tickLower <= MIN_TICK + 200 && d.tickUpper >= MAX_TICK - 200) kinds.add('full range');
        if (d.closed) expect(fees.fees0 + fees.fees1, `${label}: closed with fees owed`).toBeGreaterThan(0n);
      }
      expect(kinds.has('in-range')).toBe(true);
      expect(kinds.has('full range')).toBe(true);
      if (prefix === 'UniswapV3') {
        for (const k of ['below-range', 'above-range', 'closed']) expect(kinds.has(k), k).toBe(true);
      }
    });
  }

  it('the deployment check (npm run check:mainnet) confirms each devnet deployment', async () => {
    for (const { prefix, chainId } of DEPLOYMENTS) {
      const deployment = devnetV3Deployment(manifest.chains[`${chainId}`].contracts, prefix);
      if (!deployment) throw new Error(`${prefix} missing on ${chainId}`);
      const checks = await checkV3Deployment(
        clients[chainId],
        chainId,
        deployment,
        network.chains[chainId].tokens,
        SPECS[prefix].name,
      );
      // Uniswap has WETH/USDC at 0.05 % and 0.3 %, the SushiSwap stand-in at 0.05 % only.
      expect(checks).toHaveLength(prefix === 'UniswapV3' ? 3 : 2);
      expect(checks.filter((c) => !c.ok)).toEqual([]);
    }
  });

  it('prices both ways and the range status agree with the pool’s own tick', async () => {
    const chain = await readV3(10, UNISWAP_V3);
    const weth = manifest.chains['10'].tokens.WETH;
    for (const p of chain.v3) {
      const d = detailsOf(p);
      if (d.closed || d.tickCurrent === null) continue;
      const expected =
        d.tickCurrent < d.tickLower
          ? 'below-range'
          : d.tickCurrent >= d.tickUpper
            ? 'above-range'
            : 'in-range';
      expect(d.rangeStatus).toBe(expected);
      expect(d.inRange).toBe(expected === 'in-range');
      const t0 = d.prices.token0;
      const t1 = d.prices.token1;
      expect(Number(t0.lower)).toBeLessThan(Number(t0.upper));
      // token1 in token0 is the inverse, bounds swapped (to 6 significant digits).
      expect(relativeError(Number(t1.lower), 1 / Number(t0.upper))).toBeLessThan(1e-5);
      expect(relativeError(Number(t1.current), 1 / Number(t0.current))).toBeLessThan(1e-5);
      if (d.token0.symbol === 'WETH' || d.token1.symbol === 'WETH')
        expect([d.token0.address, d.token1.address]).toContain(weth);
    }
    // The WETH/USDC pools sit at the ETH/USD feed's 3000 (USDC per WETH), whichever token sorts first.
    const wethUsdc = chain.v3.map(detailsOf).find((d) => d.feeLabel === '0.05%' && !d.closed);
    expect(wethUsdc).toBeDefined();
    if (wethUsdc) {
      const usdcPerWeth =
        wethUsdc.token0.symbol === 'WETH' ? wethUsdc.prices.token0.current : wethUsdc.prices.token1.current;
      expect(Math.abs(Number(usdcPerWeth) - 3000)).toBeLessThan(30);
    }
  });

  it('fee APR over the 7-day window equals the fees the contracts paid over the same blocks', async () => {
    let measured = 0;
    for (const { prefix, chainId } of DEPLOYMENTS) {
      const client = clients[chainId];
      // Pinned half a minute below the head: other files share this devnet and revert their snapshots,
      // which drops the newest blocks (and every header up to the read block is fetched below).
      const chain = await readV3(chainId, SPECS[prefix], {
        blockNumber: (await client.getBlockNumber()) - 30n,
      });
      // The past block is the block closest to 7 days before the pinned one (every header checked).
      const target = chain.blockTimestamp - WEEK;
      const headers = await Promise.all(
        Array.from({ length: Number(chain.blockNumber) }, (_, i) =>
          client.getBlock({ blockNumber: BigInt(i) }),
        ),
      );
      const distance = (t: bigint) => (t > target ? t - target : target - t);
      const closest = headers.reduce((best, h) =>
        distance(h.timestamp) < distance(best.timestamp) ? h : best,
      );
      for (const p of chain.v3) {
        const d = detailsOf(p);
        if (d.closed || !d.inRange) continue;
        if (d.token0.decimals === null || p.assets.some((a) => a.usdE18 === null)) {
          expect(p.yield).toBeNull();
          expect(d.feeApr.note).toMatch(/needs a USD price/);
          continue;
        }
        const from = d.feeApr.fromBlock;
        expect(from, p.label).not.toBeNull();
        if (from === null) continue;
        // Within the search's tolerance (a 500th of the window) of the closest block there is.
        const tolerance = WEEK / 500n;
        const chosen = distance(headers[Number(from)]?.timestamp ?? 0n);
        expect(chosen).toBeLessThanOrEqual(
          distance(closest.timestamp) > tolerance ? distance(closest.timestamp) : tolerance,
        );
        const oracle = await oracleApr(client, chainId, prefix, d, from, chain.blockNumber);
        expect(d.feeApr.seconds).toBe(oracle.seconds);
        // floor(L·Δ) against a difference of two floors: at most one wei apart.
        expect(Number((d.feeApr.earned0 ?? -9n) - oracle.earned0)).toBeGreaterThanOrEqual(-1);
        expect(Number((d.feeApr.earned0 ?? 9n) - oracle.earned0)).toBeLessThanOrEqual(1);
        expect(Number((d.feeApr.earned1 ?? -9n) - oracle.earned1)).toBeGreaterThanOrEqual(-1);
        expect(Number((d.feeApr.earned1 ?? 9n) - oracle.earned1)).toBeLessThanOrEqual(1);
        expect(p.yield).toEqual({
          baseApr: expect.any(Number),
          rewardApr: 0,
          // Fees are claimed, not reinvested: a simple rate, no APY.
          apy: null,
          compounds: false,
          window: formatWindow(oracle.seconds),
          source: `fee growth, blocks ${from}–${chain.blockNumber}`,
        });
        expect(relativeError(p.yield?.baseApr ?? Number.NaN, oracle.apr)).toBeLessThan(1e-6);
        measured += 1;
      }
    }
    expect(measured).toBeGreaterThanOrEqual(DEPLOYMENTS.length);
  });

  it('gives out-of-range and closed positions a zero fee APR that says why', async () => {
    const chain = await readV3(42161, UNISWAP_V3);
    const idle = chain.v3.filter((p) => !detailsOf(p).inRange);
    expect(idle.length).toBeGreaterThanOrEqual(3);
    for (const p of idle) {
      const d = detailsOf(p);
      expect(p.yield?.baseApr).toBe(0);
      expect(p.yield?.source).toMatch(d.closed ? /closed: no liquidity/ : /out of range at block/);
      // Out of range: the whole position is in one token.
      if (!d.closed) expect(p.assets.filter((a) => a.amount > 0n)).toHaveLength(1);
    }
  });

  it('lists positions in pools of hostile and reverting-metadata tokens, saying what is wrong', async () => {
    const chain = await readV3(10, UNISWAP_V3);
    const hostile = chain.v3.find(
      (p) =>
        detailsOf(p).token0.address === manifest.chains['10'].tokens.HOSTILE ||
        detailsOf(p).token1.address === manifest.chains['10'].tokens.HOSTILE,
    );
    expect(hostile?.warning).toMatch(/symbol shortened/);
    expect(hostile?.label).not.toContain('<img src=x onerror=alert(1)>');
    expect(hostile?.assets.every((a) => a.amount >= 0n)).toBe(true);
    const reverting = contract(10, 'UniswapV3.RevertingMetadataToken');
    const broken = chain.v3.find((p) =>
      [detailsOf(p).token0.address, detailsOf(p).token1.address].includes(reverting),
    );
    expect(broken?.warning).toMatch(/symbol\(\) reverted/);
    expect(broken?.warning).toMatch(/decimals\(\) reverted/);
    const d = broken ? detailsOf(broken) : null;
    expect(d?.prices.inBaseUnits).toBe(true);
    const revertingAsset = broken?.assets.find((a) => a.token === reverting);
    expect(revertingAsset?.decimals).toBeNull();
    expect(revertingAsset?.usdE18).toBeNull();
    expect(revertingAsset?.amount).toBeGreaterThan(0n);
  });
});

describe('bad input and unreliable RPCs', () => {
  const chainId: ChainId = 10;
  const devnet = new DevnetChain(chainId, manifest.chains['10'].rpcUrl, []);
  let snapshot: Hex | null = null;
  beforeEach(async () => {
    snapshot = await devnet.request<Hex>('evm_snapshot', []);
  });
  afterEach(async () => {
    if (snapshot) await revertTo(devnet, snapshot);
    snapshot = null;
  });

  /** The storage slot of `_positions[tokenId]` in the real NonfungiblePositionManager, found by its content. */
  async function positionStorage(
    npm: Address,
    tokenId: bigint,
    liquidity: bigint,
  ): Promise<{ slot: bigint; word: bigint }> {
    for (let index = 0n; index < 64n; index++) {
      const slot =
        BigInt(keccak256(encodeAbiParameters([{ type: 'uint256' }, { type: 'uint256' }], [tokenId, index]))) +
        1n;
      const word = BigInt(
        (await devnet.public.getStorageAt({ address: npm, slot: toHex(slot, { size: 32 }) })) ?? '0x0',
      );
      if (word >> 128n === liquidity && (word & ((1n << 80n) - 1n)) !== 0n) return { slot, word };
    }
    throw new Error('positions mapping not found');
  }

  it('a position manager reverting for one id and a position at the uint128 maximum leave the rest intact', async () => {
    const before = await readV3(chainId, UNISWAP_V3);
    const npm = contract(chainId, 'UniswapV3NonfungiblePositionManager');
    const [first, second] = before.v3.map(detailsOf).filter((d) => !d.closed);
    if (!first || !second) throw new Error('need two open positions');
    // Real contract code, state it cannot reach through its API: poolId 0 makes positions() revert
    // ("Invalid token ID"); the top 128 bits of the same word are the liquidity.
    const a = await positionStorage(npm, first.tokenId, first.liquidity);
    await devnet.request('anvil_setStorageAt', [
      npm,
      toHex(a.slot, { size: 32 }),
      toHex(a.word & ~((1n << 80n) - 1n), { size: 32 }),
    ]);
    const b = await positionStorage(npm, second.tokenId, second.liquidity);
    const maxed = (b.word & MAX_UINT128) | (MAX_UINT128 << 128n);
    await devnet.request('anvil_setStorageAt', [
      npm,
      toHex(b.slot, { size: 32 }),
      toHex(maxed, { size: 32 }),
    ]);
    await devnet.mine();

    const after = await readV3(chainId, UNISWAP_V3);
    expect(after.protocolErrors).toEqual([]);
    expect(after.v3).toHaveLength(before.v3.length);
    const reverted = after.v3.find((p) => p.id === `${chainId}:uniswap-v3:${first.tokenId}`);
    expect(reverted?.warning).toMatch(new RegExp(`positions\\(${first.tokenId}\\) failed`));
    expect(reverted?.assets).toEqual([]);
    const huge = after.v3.find((p) => p.id === `${chainId}:uniswap-v3:${second.tokenId}`);
    if (!huge) throw new Error('uint128 position missing');
    const d = detailsOf(huge);
    expect(d.liquidity).toBe(MAX_UINT128);
    const oracle = await sdkAmounts(devnet.public, chainId, 'UniswapV3', d, after.blockNumber);
    expect(huge.assets.map((x) => x.amount)).toEqual([oracle.amount0, oracle.amount1]);
    expect(huge.warning).toMatch(/exceed what the pool holds/);
    expect(huge.assets.every((x) => x.usdE18 === null)).toBe(true);
    expect(positionValue(huge).usdE18).toBe(0n);
    expect(huge.yield).toBeNull();
    // Every other position reads as before.
    const untouched = (ps: Position[]) =>
      ps.filter((p) => ![first.tokenId, second.tokenId].some((id) => p.id.endsWith(`:${id}`)));
    expect(untouched(after.v3).map((p) => [p.id, p.assets.map((x) => x.amount), p.warning])).toEqual(
      untouched(before.v3).map((p) => [p.id, p.assets.map((x) => x.amount), p.warning]),
    );
  });

  it('uses the widest window a pruned RPC can serve when the 7-day-old state is gone, and says so', async () => {
    const client = clients[chainId];
    const head = await client.getBlock();
    // The node keeps two days of state: an eth_call at an older block fails as a pruned geth node's does.
    let cutoff = head.number;
    while (
      cutoff > 0n &&
      (await client.getBlock({ blockNumber: cutoff - 1n })).timestamp >= head.timestamp - 2n * 86_400n
    )
      cutoff -= 1n;
    const pruned = recordingClient(chainId, manifest.chains['10'].rpcUrl, {
      refuse: (method, params) => {
        const block = Array.isArray(params) ? params[1] : undefined;
        return method === 'eth_call' &&
          typeof block === 'string' &&
          block.startsWith('0x') &&
          BigInt(block) < cutoff
          ? 'missing trie node'
          : null;
      },
    });
    const chain = await readV3(chainId, UNISWAP_V3, { client: pruned.client });
    const open = chain.v3.filter((p) => detailsOf(p).inRange && p.assets.every((a) => a.usdE18 !== null));
    expect(open.length).toBeGreaterThan(0);
    for (const p of open) {
      const d = detailsOf(p);
      const from = d.feeApr.fromBlock;
      expect(from).not.toBeNull();
      if (from === null) continue;
      expect(from).toBeGreaterThanOrEqual(cutoff);
      expect(d.feeApr.seconds).toBeLessThanOrEqual(2n * 86_400n);
      expect(p.yield?.source).toMatch(/7d back is not available from this RPC/);
      const oracle = await oracleApr(client, chainId, 'UniswapV3', d, from, chain.blockNumber);
      expect(p.yield?.window).toBe(formatWindow(oracle.seconds));
      expect(relativeError(p.yield?.baseApr ?? Number.NaN, oracle.apr)).toBeLessThan(1e-6);
    }
  });

  it('without any past state the fee APR is absent with the reason, and everything else is read', async () => {
    const client = clients[chainId];
    const head = await client.getBlockNumber();
    const noHistory = recordingClient(chainId, manifest.chains['10'].rpcUrl, {
      refuse: (method, params) => {
        const block = Array.isArray(params) ? params[1] : undefined;
        return method === 'eth_call' &&
          typeof block === 'string' &&
          block.startsWith('0x') &&
          BigInt(block) < head
          ? 'historical state unavailable'
          : null;
      },
    });
    // Both at the head read above: the devnet mines every second.
    const normal = await readV3(chainId, UNISWAP_V3, { blockNumber: head });
    const chain = await readV3(chainId, UNISWAP_V3, { client: noHistory.client, blockNumber: head });
    expect(chain.blockNumber).toBe(normal.blockNumber);
    expect(chain.v3.map((p) => [p.id, p.assets, p.rewards])).toEqual(
      normal.v3.map((p) => [p.id, p.assets, p.rewards]),
    );
    const open = chain.v3.filter((p) => detailsOf(p).inRange);
    expect(open.length).toBeGreaterThan(0);
    for (const p of open) {
      expect(p.yield).toBeNull();
      expect(detailsOf(p).feeApr.note).toMatch(/serves no past state/);
    }
  });

  it('measures a day of fresh swaps over a 1-day window, whatever the seed did to time', async () => {
    const npm = contract(chainId, 'UniswapV3NonfungiblePositionManager');
    const router = contract(chainId, 'UniswapV3SwapRouter');
    const before = await readV3(chainId, UNISWAP_V3);
    const target = before.v3.map(detailsOf).find((d) => d.inRange && d.feeLabel === '0.05%');
    if (!target) throw new Error('no in-range 0.05% position');
    expect(target.positionManager).toBe(npm);
    const { trader } = manifest.accounts as Record<string, Address>;
    if (!trader) throw new Error('no trader');
    await devnet.setNextTimestamp(before.blockTimestamp + 86_400n);
    const swap = (tokenIn: Address, tokenOut: Address, amountIn: bigint) =>
      devnet.write(trader, router, seedSwapRouterAbi, 'exactInputSingle', [
        {
          tokenIn,
          tokenOut,
          fee: target.fee,
          recipient: trader,
          deadline: 2n ** 40n,
          amountIn,
          amountOutMinimum: 0n,
          sqrtPriceLimitX96: 0n,
        },
      ]);
    const weth = manifest.chains['10'].tokens.WETH as Address;
    const usdc = manifest.chains['10'].tokens.USDC as Address;
    await swap(weth, usdc, parseUnits('2', 18));
    await swap(usdc, weth, parseUnits('6000', 6));
    const after = await readV3(chainId, UNISWAP_V3, { windowSeconds: 86_400 });
    const p = after.v3.find((x) => x.id === `${chainId}:uniswap-v3:${target.tokenId}`);
    if (!p) throw new Error('position missing');
    const d = detailsOf(p);
    expect(p.yield?.window).toBe('1d');
    expect(p.yield?.baseApr).toBeGreaterThan(0);
    const from = d.feeApr.fromBlock ?? 0n;
    const oracle = await oracleApr(devnet.public, chainId, 'UniswapV3', d, from, after.blockNumber);
    expect(oracle.earned0 + oracle.earned1).toBeGreaterThan(0n);
    expect(relativeError(p.yield?.baseApr ?? Number.NaN, oracle.apr)).toBeLessThan(1e-6);
  });
});

describe('round trips', () => {
  const chainId: ChainId = 42161;
  const devnet = new DevnetChain(chainId, manifest.chains['42161'].rpcUrl, []);
  let snapshot: Hex | null = null;
  beforeEach(async () => {
    snapshot = await devnet.request<Hex>('evm_snapshot', []);
  });
  afterEach(async () => {
    if (snapshot) await revertTo(devnet, snapshot);
    snapshot = null;
  });

  it('stay the same for 1 and 200 positions: every level is one multicall', async () => {
    const npm = contract(chainId, 'UniswapV3NonfungiblePositionManager');
    const tokens = manifest.chains['42161'].tokens;
    const owners = {
      one: '0x000000000000000000000000000000000000a001',
      many: '0x000000000000000000000000000000000000a200',
    } as const;
    const lp = manifest.accounts.deployer as Address;
    for (const [owner, count] of [
      [owners.one, 1],
      [owners.many, 200],
    ] as const) {
      await mintManyWethUsdcPositions(devnet, {
        factory: contract(chainId, 'UniswapV3Factory'),
        positionManager: npm,
        weth: tokens.WETH as Address,
        usdc: tokens.USDC as Address,
        lp,
        recipient: owner,
        count,
      });
    }
    const erc721 = parseAbi(['function balanceOf(address) view returns (uint256)']);
    expect(
      await devnet.public.readContract({
        address: npm,
        abi: erc721,
        functionName: 'balanceOf',
        args: [owners.many],
      }),
    ).toBe(200n);

    const measure = async (owner: Address) => {
      // 40 ms a request, as a remote RPC: requests that wait on each other then never overlap.
      const rec = recordingClient(chainId, manifest.chains['42161'].rpcUrl, { latencyMs: 40 });
      const chain = await readV3(chainId, UNISWAP_V3, { client: rec.client, owner });
      return { chain, depth: sequentialDepth(rec.requests), requests: rec.requests.length };
    };
    const one = await measure(owners.one);
    const many = await measure(owners.many);
    expect(one.chain.v3).toHaveLength(1);
    expect(many.chain.v3).toHaveLength(200);
    expect(many.chain.v3.every((p) => p.warning === null && p.assets.some((a) => a.amount > 0n))).toBe(true);
    // The chain read is 2 levels (block number; wallet and prices), then the protocol's 4, and one more
    // header round when the past block's search needs it (the devnet's head runs on the wall clock, past an
    // idle span after its seeded history, so block times around the head are uneven).
    expect(one.depth).toBeLessThanOrEqual(7);
    expect(many.depth).toBe(one.depth);
  });
});
