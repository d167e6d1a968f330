import { type Address, createPublicClient, http, parseAbi, parseAbiItem, parseUnits } from 'viem';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  VELO_FEES_DAY,
  VELO_INCENTIVE,
  VELO_LOCKS,
  VELO_POOLS,
  VELO_REBASE,
  type VeloPoolSpec,
  veloDecimals,
} from '../../../devnet/seed/velodrome';
import { testDevnet } from '../../../devnet/testing';
import { devnetFeedName } from '../../chains/network';
import { readChainPortfolio } from '../../portfolio/read';
import type { ChainPortfolio, Position } from '../../portfolio/types';
import { aggregatorV3Abi } from '../../prices/chainlink';
import { velodromeModule } from './module';
import { isVelodromeLock, isVelodromePool, VELODROME_ID } from './types';

/**
 * Velodrome on the devnet's stand-ins, checked against the seed's ground truth computed here from its
 * inputs (LP minted from the liquidity added, rewards notified × elapsed time × share, fees paid by the
 * seeded trades, read from the real ERC-20s' Transfer logs), and the APR formulas recomputed from raw reads.
 */
const { manifest, network, clients } = testDevnet();
const client = clients[10];
/** Logs (the seed's ground truth) come through a full public client: the app's read client has no getLogs. */
const logsClient = createPublicClient({ transport: http(network.chains[10].rpcUrl) });
const demo = manifest.accounts.demo as Address;
const deployer = manifest.accounts.deployer as Address;
const trader = manifest.accounts.trader as Address;
const tokens = manifest.chains['10'].tokens;
const contracts = manifest.chains['10'].contracts;
const tokenOf = (symbol: string) => tokens[symbol] as Address;
const DURATION = 7n * 86_400n;
const YEAR = 31_536_000;
const transfer = parseAbiItem('event Transfer(address indexed from, address indexed to, uint256 value)');
const raw = parseAbi([
  'function getPool(address a, address b, bool stable) view returns (address)',
  'function getReserves() view returns (uint256, uint256, uint256)',
  'function totalSupply() view returns (uint256)',
  'function tokens() view returns (address, address)',
  'function gauges(address pool) view returns (address)',
  'function rewardRate() view returns (uint256)',
  'function index0() view returns (uint256)',
  'function index1() view returns (uint256)',
]);

let chain: ChainPortfolio;
let positions: Position[];
let block: bigint;
let blockTs: bigint;

beforeAll(async () => {
  chain = await readChainPortfolio({
    network,
    chainId: 10,
    client,
    owner: demo,
    protocols: [velodromeModule],
  });
  positions = chain.positions.filter((p) => p.protocol === VELODROME_ID);
  block = chain.blockNumber ?? 0n;
  blockTs = chain.blockTimestamp ?? 0n;
});

const read = <T>(
  address: Address,
  functionName: string,
  args: readonly unknown[] = [],
  blockNumber = block,
) => client.readContract({ address, abi: raw, functionName, args, blockNumber } as never) as Promise<T>;

async function poolOf(spec: VeloPoolSpec): Promise<Address> {
  return read<Address>(contracts['Velodrome.PoolFactory'] as Address, 'getPool', [
    tokenOf(spec.a),
    tokenOf(spec.b),
    spec.stable,
  ]);
}

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

/** LP minted at the first (only) deposit, from the seed's liquidity: √(a·b) − 1000 to the deployer. */
function lpOf(spec: VeloPoolSpec) {
  const a = parseUnits(spec.liquidity[0], veloDecimals(spec.a));
  const b = parseUnits(spec.liquidity[1], veloDecimals(spec.b));
  const supply = isqrt(a * b);
  const minted = supply - 1000n;
  return {
    supply,
    unstaked: (minted * (spec.demoUnstaked + spec.demoStaked)) / 1000n - (minted * spec.demoStaked) / 1000n,
    staked: (minted * spec.demoStaked) / 1000n,
    gaugeTotal: (minted * spec.demoStaked) / 1000n + (minted * spec.otherStaked) / 1000n,
  };
}

const spec = (key: string): VeloPoolSpec => {
  const s = VELO_POOLS.find((p) => p.key === key);
  if (!s) throw new Error(key);
  return s;
};

async function find(key: string, side: 'staked' | 'unstaked') {
  const pool = await poolOf(spec(key));
  const p = positions.find((x) => x.id === `10:velodrome:${pool}:${side}`);
  if (!p) throw new Error(`no ${side} position in ${key}`);
  return { p, pool };
}

async function usdPrice(symbol: string): Promise<number> {
  const feed = contracts[devnetFeedName(symbol)] as Address;
  const [, answer] = await client.readContract({
    address: feed,
    abi: aggregatorV3Abi,
    functionName: 'latestRoundData',
    blockNumber: block,
  });
  return Number(answer) / 1e8;
}

const whole = (amount: bigint, decimals: number) => Number(amount) / 10 ** decimals;

/** What a Synthetix-style 7-day stream pays one staker of a constant share, from the notify logs. */
async function streamed(gauge: Address, rewardToken: Address, share: number): Promise<number> {
  const logs = await logsClient.getLogs({
    address: rewardToken,
    event: transfer,
    args: { from: deployer, to: gauge },
    fromBlock: 0n,
    toBlock: block,
  });
  let rate = 0n;
  let finish = 0n;
  let last = 0n;
  let paid = 0;
  for (const log of logs) {
    const { timestamp } = await client.getBlock({ blockNumber: log.blockNumber });
    if (last > 0n) paid += Number(rate) * Number((timestamp < finish ? timestamp : finish) - last);
    const amount = log.args.value ?? 0n;
    rate = timestamp >= finish ? amount / DURATION : (amount + (finish - timestamp) * rate) / DURATION;
    finish = timestamp + DURATION;
    last = timestamp;
  }
  if (last > 0n) paid += Number(rate) * Number((blockTs < finish ? blockTs : finish) - last);
  return paid * share;
}

/** Trading fees the seeded trades paid into a pool (amountIn × fee), per token, from Transfer logs. */
async function feesPaid(pool: Address, feeBps: bigint, token: Address, toBlock = block): Promise<bigint[]> {
  const logs = await logsClient.getLogs({
    address: token,
    event: transfer,
    args: { from: trader, to: pool },
    fromBlock: 0n,
    toBlock,
  });
  return logs.map((l) => ((l.args.value ?? 0n) * feeBps) / 10_000n);
}

const close = (actual: number, expected: number, rel = 1e-6) =>
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(Math.abs(expected) * rel + 1e-12);

describe('velodrome on the devnet', () => {
  it('finds every demo position through the factory and the Voter, one per pool and side', async () => {
    const expected: string[] = [];
    for (const s of VELO_POOLS) {
      const pool = await poolOf(s);
      if (s.demoUnstaked > 0n) expected.push(`10:velodrome:${pool}:unstaked`);
      // The reverting gauge hides its stake: that one says so on the pool's unstaked position instead.
      if (s.demoStaked > 0n && s.gauge?.breakOnDay === undefined)
        expected.push(`10:velodrome:${pool}:staked`);
    }
    const ids = positions.filter((p) => isVelodromePool(p.details)).map((p) => p.id);
    expect(ids.sort()).toEqual(expected.sort());
    expect(chain.protocolErrors).toEqual([]);
  });

  it('LP amounts are reserves × balance ÷ totalSupply, with balances from the LP the seed minted', async () => {
    for (const key of ['wethUsdc', 'usdcDai', 'opVelo', 'wethOp']) {
      const s = spec(key);
      const lp = lpOf(s);
      const pool = await poolOf(s);
      const [r0, r1] = await read<readonly [bigint, bigint, bigint]>(pool, 'getReserves');
      expect(await read<bigint>(pool, 'totalSupply')).toBe(lp.supply);
      const [t0] = await read<readonly [Address, Address]>(pool, 'tokens');
      for (const [side, balance] of [
        ['unstaked', lp.unstaked],
        ['staked', lp.staked],
      ] as const) {
        if (balance === 0n) continue;
        const { p } = await find(key, side);
        const d = p.details;
        if (!isVelodromePool(d)) throw new Error('details');
        expect(d.lpBalance).toBe(balance);
        expect(d.token0.address).toBe(t0);
        expect(p.assets.map((a) => a.amount)).toEqual([
          (r0 * balance) / lp.supply,
          (r1 * balance) / lp.supply,
        ]);
      }
    }
  });

  it('unstaked LP: claimable fees are what the seeded trades paid × its share', async () => {
    for (const key of ['wethUsdc', 'usdcDai', 'usdtUsdc']) {
      const s = spec(key);
      const lp = lpOf(s);
      const { p, pool } = await find(key, 'unstaked');
      const [t0, t1] = await read<readonly [Address, Address]>(pool, 'tokens');
      const feeBps = s.stable ? 5n : 30n;
      const expected = await Promise.all(
        [t0, t1].map(
          async (t) =>
            (await feesPaid(pool, feeBps, t)).reduce((sum, f) => sum + Number(f), 0) *
            (Number(lp.unstaked) / Number(lp.supply)),
        ),
      );
      const got = p.rewards.map((r) => Number(r.amount));
      close(got[0] ?? 0, expected[0] ?? 0, 1e-5);
      close(got[1] ?? 0, expected[1] ?? 0, 1e-5);
      expect(p.yield?.rewardApr).toBe(0);
      expect(p.yield?.source).toMatch(/fees only, no emissions/);
    }
  });

  it('unstaked LP: the base APR is the fee index growth over the stated window, annualised', async () => {
    const { p, pool } = await find('wethUsdc', 'unstaked');
    const d = p.details;
    if (!isVelodromePool(d) || !d.feeWindow || !p.yield) throw new Error('no fee window');
    const from = d.feeWindow.fromBlock;
    const [then, now] = await Promise.all([
      client.getBlock({ blockNumber: from }),
      client.getBlock({ blockNumber: block }),
    ]);
    const seconds = Number(now.timestamp - then.timestamp);
    expect(BigInt(seconds)).toBe(d.feeWindow.seconds);
    expect(seconds).toBeGreaterThan(6 * 86_400);
    const [i0a, i1a, i0b, i1b] = await Promise.all([
      read<bigint>(pool, 'index0', [], from),
      read<bigint>(pool, 'index1', [], from),
      read<bigint>(pool, 'index0'),
      read<bigint>(pool, 'index1'),
    ]);
    const [t0] = await read<readonly [Address, Address]>(pool, 'tokens');
    const wethIs0 = t0 === tokenOf('WETH');
    const [p0, p1] = wethIs0
      ? [await usdPrice('ETH'), await usdPrice('USDC')]
      : [await usdPrice('USDC'), await usdPrice('ETH')];
    const [d0, d1] = wethIs0 ? [18, 6] : [6, 18];
    const bal = Number(d.lpBalance);
    const earned =
      whole(BigInt(Math.floor((bal * Number(i0b - i0a)) / 1e18)), d0) * p0 +
      whole(BigInt(Math.floor((bal * Number(i1b - i1a)) / 1e18)), d1) * p1;
    const value = whole(p.assets[0]?.amount ?? 0n, d0) * p0 + whole(p.assets[1]?.amount ?? 0n, d1) * p1;
    close(p.yield.baseApr, (earned / value) * (YEAR / seconds), 1e-4);
    expect(p.yield.baseApr).toBeGreaterThan(0);
  });

  it('staked LP: earned VELO is the notified stream × elapsed time × share; emissions moved on day 6', async () => {
    for (const key of ['wethUsdc', 'usdcDai', 'wethOp', 'wstethWeth']) {
      const lp = lpOf(spec(key));
      const { p, pool } = await find(key, 'staked');
      const gauge = await read<Address>(contracts['Velodrome.Voter'] as Address, 'gauges', [pool]);
      const expected = await streamed(gauge, tokenOf('VELO'), Number(lp.staked) / Number(lp.gaugeTotal));
      const got = p.rewards.find((r) => r.token === tokenOf('VELO'));
      close(Number(got?.amount ?? 0n), expected, 1e-6);
    }
    const { pool } = await find('wethUsdc', 'staked');
    const gauge = await read<Address>(contracts['Velodrome.Voter'] as Address, 'gauges', [pool]);
    const notified = await logsClient.getLogs({
      address: tokenOf('VELO'),
      event: transfer,
      args: { from: deployer, to: gauge },
      fromBlock: 0n,
    });
    expect(notified).toHaveLength(spec('wethUsdc').gauge?.notify.length ?? 0);
  });

  it('staked LP: the reward APR is rewardRate × 31,536,000 × VELO price ÷ (gauge supply × LP value)', async () => {
    for (const key of ['wethUsdc', 'usdcDai']) {
      const s = spec(key);
      const lp = lpOf(s);
      const { p, pool } = await find(key, 'staked');
      const gauge = await read<Address>(contracts['Velodrome.Voter'] as Address, 'gauges', [pool]);
      const rate = await read<bigint>(gauge, 'rewardRate');
      const [r0, r1] = await read<readonly [bigint, bigint, bigint]>(pool, 'getReserves');
      const [t0] = await read<readonly [Address, Address]>(pool, 'tokens');
      const [sa, sb] = t0 === tokenOf(s.a) ? [s.a, s.b] : [s.b, s.a];
      const price = (sym: string) => usdPrice(sym === 'WETH' ? 'ETH' : sym);
      const poolUsd =
        whole(r0, veloDecimals(sa)) * (await price(sa)) + whole(r1, veloDecimals(sb)) * (await price(sb));
      const lpUsd = poolUsd / Number(lp.supply);
      const expected = (whole(rate, 18) * YEAR * (await usdPrice('VELO'))) / (Number(lp.gaugeTotal) * lpUsd);
      expect(p.yield).not.toBeNull();
      close(p.yield?.rewardApr ?? 0, expected, 1e-6);
      expect(p.yield?.baseApr).toBe(0);
      expect(p.yield?.rewards?.[0]?.priceSource).toBe('VELO/USD');
      expect(p.yield?.source).toMatch(/emissions only/);
    }
  });

  it('tiny stake, killed gauge and finished period say so in words; none is a figure of 0 % for unknown', async () => {
    const tiny = (await find('opVelo', 'staked')).p;
    expect(tiny.yield).toBeNull();
    if (!isVelodromePool(tiny.details)) throw new Error('details');
    expect(tiny.details.yieldNote).toMatch(/unreliable: tiny stake/);
    expect(tiny.details.unreliableApr).toBeGreaterThan(0);
    const killed = (await find('wethOp', 'staked')).p;
    expect(killed.yield?.source).toMatch(/gauge killed/);
    expect(killed.yield?.rewardApr).toBe(0);
    const ended = (await find('wstethWeth', 'staked')).p;
    expect(ended.yield?.source).toMatch(/reward period ended/);
    for (const p of positions) {
      if (!p.yield) continue;
      expect(Number.isFinite(p.yield.baseApr + p.yield.rewardApr)).toBe(true);
    }
  });

  it('bad input: a reverting gauge, a hostile reward token and an expired lock each get a message; the rest renders', async () => {
    const { p: broken } = await find('usdtUsdc', 'unstaked');
    expect(broken.warning).toMatch(/gauge 0x[0-9a-fA-F]{40} unreadable/);
    expect(broken.assets).toHaveLength(2);
    const { p: hostile } = await find('wethDai', 'staked');
    expect(hostile.yield).toBeNull();
    if (!isVelodromePool(hostile.details)) throw new Error('details');
    expect(hostile.details.yieldNote).toMatch(/no usable price for reward token/);
    expect(hostile.warning).toMatch(/reward token .*symbol shortened/);
    expect(hostile.rewards[0]?.symbol.length).toBeLessThanOrEqual(16);
    const expired = positions.find((p) => isVelodromeLock(p.details) && p.details.expired);
    expect(expired?.warning).toMatch(/lock expired on \d{4}-\d{2}-\d{2}/);
    if (!expired || !isVelodromeLock(expired.details)) throw new Error('no expired lock');
    expect(expired.details.votingPower).toBe(0n);
    expect(expired.assets[0]?.amount).toBe(parseUnits(VELO_LOCKS.expired.amount, 18));
  });

  it('veVELO: amount, unlock date and voting power from the seed; votes, rebase, incentives and voting fees', async () => {
    const lock = positions.find((p) => isVelodromeLock(p.details) && !p.details.expired);
    if (!lock || !isVelodromeLock(lock.details)) throw new Error('no lock');
    const d = lock.details;
    const amount = parseUnits(VELO_LOCKS.voter.amount, 18);
    expect(d.amount).toBe(amount);
    // The lock was made in the block where the VELO went into the escrow; it ends on a week boundary.
    const [made] = await logsClient.getLogs({
      address: tokenOf('VELO'),
      event: transfer,
      args: { from: deployer, to: contracts['Velodrome.VotingEscrow'] as Address },
      fromBlock: 0n,
    });
    if (!made) throw new Error('no lock transfer');
    const { timestamp } = await client.getBlock({ blockNumber: made.blockNumber });
    const WEEK = 7n * 86_400n;
    const end = ((timestamp + BigInt(VELO_LOCKS.voter.durationDays) * 86_400n) / WEEK) * WEEK;
    expect(d.end).toBe(end);
    expect(d.votingPower).toBe((amount / (4n * 365n * 86_400n)) * (end - blockTs));
    const wethUsdc = await poolOf(spec('wethUsdc'));
    const usdcDai = await poolOf(spec('usdcDai'));
    expect(d.votes.map((v) => v.pool)).toEqual([wethUsdc, usdcDai]);
    const [w0, w1] = d.votes.map((v) => Number(v.weight));
    close((w0 ?? 0) / ((w0 ?? 0) + (w1 ?? 0)), 0.6, 1e-9);
    const claim = (t: Address) =>
      lock.rewards.filter((r) => r.token === t).reduce((s, r) => s + r.amount, 0n);
    expect(claim(tokenOf('VELO'))).toBe(parseUnits(VELO_REBASE.amount, 18));
    // The demo's lock is the only voter: the incentive is all its own, and so are the gauge's fees, which
    // are the fees the seeded trades paid × the gauge's LP share up to the day the gauge claimed them.
    const lp = lpOf(spec('wethUsdc'));
    const gauge = await read<Address>(contracts['Velodrome.Voter'] as Address, 'gauges', [wethUsdc]);
    const feeLogs = await logsClient.getLogs({
      address: tokenOf('WETH'),
      event: transfer,
      args: { from: wethUsdc, to: gauge },
      fromBlock: 0n,
    });
    expect(feeLogs.length).toBe(1);
    const claimedAt = feeLogs[0]?.blockNumber ?? 0n;
    const wethFees = (await feesPaid(wethUsdc, 30n, tokenOf('WETH'), claimedAt)).reduce(
      (s, f) => s + Number(f),
      0,
    );
    close(Number(claim(tokenOf('WETH'))), (wethFees * Number(lp.gaugeTotal)) / Number(lp.supply), 1e-5);
    const usdcFees = (await feesPaid(wethUsdc, 30n, tokenOf('USDC'), claimedAt)).reduce(
      (s, f) => s + Number(f),
      0,
    );
    const incentive = Number(parseUnits(VELO_INCENTIVE.amount, 6));
    close(
      Number(claim(tokenOf('USDC'))),
      incentive + (usdcFees * Number(lp.gaugeTotal)) / Number(lp.supply),
      1e-5,
    );
    expect(VELO_FEES_DAY).toBeGreaterThan(VELO_INCENTIVE.day);
    expect(lock.yield).toBeNull();
    expect(d.yieldNote).toMatch(/not estimated/);
  });
});
