import { type Address, parseAbi } from 'viem';
import { describe, expect, it } from 'vitest';
import {
  ALLOC,
  DEMO_LOCK_SECONDS,
  EMISSION_RATE,
  V2_PAIR,
  XGRAIL_SHARE_BPS,
} from '../../../devnet/seed/camelot';
import { loadWaffleArtifact } from '../../../devnet/seed/staking-rewards';
import { testDevnet } from '../../../devnet/testing';
import { readChainPortfolio } from '../../portfolio/read';
import { SECONDS_PER_YEAR } from '../../portfolio/yield';
import { camelotModule, isCamelotDetails } from './module';

/*
 * Oracles: the real UniswapV2Pair's own views (getReserves, totalSupply, balanceOf, the price
 * accumulators) read here with the npm artifact's ABI at the blocks the reader states; the NFT pool
 * stand-in against the seed's inputs (emission rate, allocations, lock multiplier rule, xGRAIL share).
 */
const { manifest, network, clients } = testDevnet();
const pairAbi = loadWaffleArtifact(V2_PAIR).abi;
const demo = manifest.accounts.demo as Address;
const deployer = manifest.accounts.deployer as Address;
const c = manifest.chains['42161'].contracts;
const client = clients[42161];
const stakingAbi = parseAbi([
  'function getStakingPosition(uint256) view returns (uint256,uint256,uint256,uint256,uint256,uint256,uint256,uint256)',
  'function tokenOfOwnerByIndex(address,uint256) view returns (uint256)',
]);

const pairView = (pair: Address, functionName: string, blockNumber: bigint, args: unknown[] = []) =>
  client.readContract({ address: pair, abi: pairAbi, functionName, args, blockNumber }) as Promise<never>;

function isqrt(n: bigint): bigint {
  if (n < 2n) return n;
  let x = n;
  let y = (x + 1n) / 2n;
  while (y < x) {
    x = y;
    y = (x + n / x) / 2n;
  }
  return x;
}

async function read() {
  return readChainPortfolio({ network, chainId: 42161, client, owner: demo, protocols: [camelotModule] });
}

describe('camelot on the devnet', () => {
  it('LP amounts are reserves × balance ÷ totalSupply; the fee APR is √k per share growth between the stated blocks', async () => {
    const chain = await read();
    expect(chain.protocolErrors).toEqual([]);
    const block = chain.blockNumber ?? 0n;
    const lps = chain.positions.filter((p) => p.kind === 'liquidity');
    expect(lps).toHaveLength(2);
    for (const p of lps) {
      if (!isCamelotDetails(p.details)) throw new Error('details');
      const pair = p.details.pair;
      const [r0, r1] = (await pairView(pair, 'getReserves', block)) as readonly [bigint, bigint, number];
      const supply = (await pairView(pair, 'totalSupply', block)) as bigint;
      const balance = (await pairView(pair, 'balanceOf', block, [demo])) as bigint;
      expect(p.assets.map((a) => a.amount)).toEqual([(r0 * balance) / supply, (r1 * balance) / supply]);
      const base = p.yield?.components?.find((x) => x.side === 'base');
      const blocks = base?.source.match(/blocks (\d+)–(\d+)/);
      expect(blocks?.[2]).toBe(String(block));
      const past = BigInt(blocks?.[1] ?? '0');
      const [q0, q1] = (await pairView(pair, 'getReserves', past)) as readonly [bigint, bigint, number];
      const pastSupply = (await pairView(pair, 'totalSupply', past)) as bigint;
      const [t0, t1] = await Promise.all([
        client.getBlock({ blockNumber: past }),
        client.getBlock({ blockNumber: block }),
      ]);
      const growth = Number(isqrt(r0 * r1)) / Number(supply) / (Number(isqrt(q0 * q1)) / Number(pastSupply));
      const apr = ((growth - 1) * SECONDS_PER_YEAR) / Number(t1.timestamp - t0.timestamp);
      expect(apr).toBeGreaterThan(0);
      expect(base?.apr).toBeCloseTo(apr, 9);
    }
  });

  it('GRAIL is priced pool-implied at the accumulator difference between the two blocks', async () => {
    const chain = await read();
    const lp = chain.positions.find(
      (p) => isCamelotDetails(p.details) && p.details.pairLabel.includes('GRAIL'),
    );
    const grail = lp?.assets.find((a) => a.symbol === 'GRAIL');
    expect(grail?.price.label).toMatch(/^pool-implied/);
    const blocks = grail?.price.label.match(/blocks (\d+)–(\d+)/);
    const [past, now] = [BigInt(blocks?.[1] ?? '0'), BigInt(blocks?.[2] ?? '0')];
    const pair = c['Camelot.Pair.GRAIL-WETH'] as Address;
    const token0 = ((await pairView(pair, 'token0', now)) as Address).toLowerCase();
    const grailIs0 = token0 === (c['Camelot.GRAIL'] as Address).toLowerCase();
    const cumulative = async (blockNumber: bigint) => {
      const [r0, r1, last] = (await pairView(pair, 'getReserves', blockNumber)) as readonly [
        bigint,
        bigint,
        number,
      ];
      const stored = (await pairView(
        pair,
        grailIs0 ? 'price0CumulativeLast' : 'price1CumulativeLast',
        blockNumber,
      )) as bigint;
      const { timestamp } = await client.getBlock({ blockNumber });
      const spot = grailIs0 ? (r1 << 112n) / r0 : (r0 << 112n) / r1;
      return { value: stored + spot * (timestamp - BigInt(last)), timestamp };
    };
    const [a, b] = await Promise.all([cumulative(past), cumulative(now)]);
    const twap = (b.value - a.value) / (b.timestamp - a.timestamp);
    const ethUsd = (await client.readContract({
      address: c['ChainlinkFeed.ETH/USD'] as Address,
      abi: parseAbi(['function latestAnswer() view returns (int256)']),
      functionName: 'latestAnswer',
      blockNumber: now,
    })) as bigint;
    // GRAIL and WETH both have 18 decimals: twap is WETH wei per GRAIL wei, in UQ112.112.
    const expected = (twap * 10n ** 18n * ethUsd * 10n ** 10n) / (2n ** 112n * 10n ** 18n);
    expect(grail?.price.usdE18).toBe(expected);
  });

  it('the spNFT: amount, lock, multiplier and pending GRAIL/xGRAIL equal the seed’s ground truth', async () => {
    const chain = await read();
    const block = chain.blockNumber ?? 0n;
    const now = chain.blockTimestamp ?? 0n;
    const sp = chain.positions.find((p) => p.kind === 'farming');
    if (!sp || !isCamelotDetails(sp.details) || !sp.details.spNft) throw new Error('no spNFT');
    const pool = c['Camelot.NFTPool.wethUsdc'] as Address;
    const raw = (owner: Address) =>
      client
        .readContract({
          address: pool,
          abi: stakingAbi,
          functionName: 'tokenOfOwnerByIndex',
          args: [owner, 0n],
          blockNumber: block,
        })
        .then((id) =>
          client.readContract({
            address: pool,
            abi: stakingAbi,
            functionName: 'getStakingPosition',
            args: [id],
            blockNumber: block,
          }),
        );
    const [mine, other] = await Promise.all([raw(demo), raw(deployer)]);
    // Seed rule: weight = amount × (1 + lock ÷ 183 days); the demo staked after the deployer.
    const weight = (amount: bigint, lock: bigint) =>
      (amount * (10_000n + (lock * 10_000n) / (183n * 86_400n))) / 10_000n;
    const myWeight = weight(mine[0], DEMO_LOCK_SECONDS);
    const otherWeight = weight(other[0], 0n);
    const rate = (EMISSION_RATE * ALLOC.wethUsdc) / (ALLOC.wethUsdc + ALLOC.grailWeth);
    const expected = (rate * (now - mine[2]) * myWeight) / (myWeight + otherWeight);
    const s = sp.details.spNft;
    expect(s.amount).toBe(mine[0]);
    expect(s.amountWithMultiplier).toBe(myWeight);
    expect(s.lockEnd).toBe(mine[2] + DEMO_LOCK_SECONDS);
    expect(Number(s.pending)).toBeCloseTo(Number(expected), -6);
    expect(s.pendingXGrail).toBe((s.pending * XGRAIL_SHARE_BPS) / 10_000n);
    expect(s.pendingGrail + s.pendingXGrail).toBe(s.pending);
    const reward = sp.yield?.components?.find((x) => x.side === 'reward');
    expect(reward?.apr).toBeGreaterThan(0);
    expect(sp.rewards.find((r) => r.symbol === 'xGRAIL')?.usdE18).toBeNull();
  });

  it('a pair with zero supply in the factory does not stop the read', async () => {
    const chain = await read();
    expect(chain.protocolErrors).toEqual([]);
    expect(chain.positions.every((p) => p.warning === null || !/unreadable/.test(p.warning))).toBe(true);
  });

  it('the mainnet check passes on the devnet deployment (factory, Master, GRAIL, xGRAIL answer)', async () => {
    const checks =
      (await camelotModule.check?.({ chainId: 42161, client, chain: network.chains[42161] })) ?? [];
    expect(checks).toHaveLength(4);
    expect(checks.filter((x) => !x.ok)).toEqual([]);
  });
});
