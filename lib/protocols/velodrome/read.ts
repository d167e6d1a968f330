import { type Address, zeroAddress } from 'viem';
import { Batch, call, multicall3Abi, type Result } from '../../chains/multicall';
import { CHAINS } from '../../chains/registry';
import { formatUsd } from '../../format/index';
import type { AssetAmount, ChainReadContext, Position, YieldEstimate } from '../../portfolio/types';
import { assetAmount } from '../../portfolio/value';
import { knownZeroYield } from '../../portfolio/yield';
import { priceKey } from '../../prices/book';
import type { PriceReading } from '../../prices/types';
import { addMetadataReads } from '../../tokens/metadata';
import type { TokenMetadata } from '../../tokens/types';
import { readPastWindow } from '../past-window';
import { annualise, formatWindow } from '../uniswap-v3/math';
import type { PoolToken } from '../uniswap-v3/types';
import {
  gaugeAbi,
  poolFactoryAbi,
  rewardsDistributorAbi,
  veloPoolAbi,
  voterAbi,
  votingEscrowAbi,
  votingRewardAbi,
} from './abi';
import type { VelodromeDeployment } from './addresses';
import {
  feesOverWindow,
  lpShare,
  pendingFees,
  rewardApr,
  stakedValueUsdE18,
  TINY_STAKE_USD_E18,
} from './math';
import {
  type GaugeInfo,
  type GaugeState,
  type LockVote,
  VELODROME_ID,
  type VelodromeLockDetails,
  type VelodromePoolDetails,
} from './types';

/** Pools enumerated from the factory; beyond it the read says how many were left out. */
export const MAX_POOLS = 5_000;
export const MAX_LOCKS = 100;
export const WINDOW_SECONDS = 7 * 86_400;

export interface VelodromeReadOptions {
  windowSeconds?: number;
}

export interface PoolState {
  token0: Address;
  token1: Address;
  decimals0: bigint;
  decimals1: bigint;
  reserve0: bigint;
  reserve1: bigint;
  stable: boolean;
  totalSupply: bigint;
  index0: bigint;
  index1: bigint;
  supplyIndex0: bigint;
  supplyIndex1: bigint;
  claimable0: bigint;
  claimable1: bigint;
}

export interface GaugeRaw {
  totalSupply: Result<bigint>;
  rewardRate: Result<bigint>;
  periodFinish: Result<bigint>;
  earned: Result<bigint>;
  rewardToken: Result<Address>;
  alive: Result<boolean>;
  fees: Result<Address>;
  bribe: Result<Address>;
}

export interface PastIndexes {
  block: bigint;
  timestamp: bigint;
  indexes: Map<Address, Result<readonly [bigint, bigint]>>;
  note: string | null;
}

export type PastOutcome = { ok: true; past: PastIndexes } | { ok: false; note: string };

const isZero = (a: Address) => a.toLowerCase() === zeroAddress;
function all<T>(reads: readonly (() => Result<T>)[]): Result<T>[] {
  return reads.map((r) => r());
}

/** Runs a batch unless it is empty (no request for nothing). */
async function run(
  batch: Batch,
  client: ChainReadContext['client'],
  at: { multicall3: Address; blockNumber: bigint },
) {
  if (batch.size > 0) await batch.execute(client, at);
}

function unwrap<T>(r: Result<T>, what: string): T {
  if (!r.ok) throw new Error(`${what}: ${r.error}`);
  return r.value;
}

/** The pool's fee indexes at a past block (one multicall there), with its header time. */
async function readPastIndexes(
  ctx: ChainReadContext,
  pools: readonly Address[],
  block: bigint,
): Promise<Omit<PastIndexes, 'note'>> {
  const multicall3 = CHAINS[ctx.chainId].multicall3;
  const batch = new Batch();
  const ts = batch.add(call(multicall3, multicall3Abi, 'getCurrentBlockTimestamp'));
  const reads = pools.map((pool) => ({
    pool,
    i0: batch.add(call(pool, veloPoolAbi, 'index0')),
    i1: batch.add(call(pool, veloPoolAbi, 'index1')),
  }));
  await batch.execute(ctx.client, { multicall3, blockNumber: block });
  const timestamp = unwrap(ts(), `no state at block ${block}`);
  const indexes = new Map<Address, Result<readonly [bigint, bigint]>>();
  for (const r of reads) {
    const a = r.i0();
    const b = r.i1();
    if (a.ok && b.ok) indexes.set(r.pool, { ok: true, value: [a.value, b.value] });
    else indexes.set(r.pool, { ok: false, error: a.ok ? (b.ok ? '' : b.error) : a.error });
  }
  return { block, timestamp, indexes };
}

/** Fee indexes about `windowSeconds` back (round 2, `past-window.ts`: 7d, 1d and 1h together, the widest served). */
async function pastIndexes(
  ctx: ChainReadContext,
  pools: readonly Address[],
  windowSeconds: number,
): Promise<PastOutcome> {
  const out = await readPastWindow({
    client: ctx.client,
    chainId: ctx.chainId,
    head: { number: ctx.blockNumber, timestamp: ctx.blockTimestamp },
    windowSeconds,
    read: (block) => readPastIndexes(ctx, pools, block),
  });
  return out.ok ? { ok: true, past: { ...out.value, note: out.note } } : { ok: false, note: out.note };
}

const token = (m: TokenMetadata): PoolToken => ({
  address: m.address,
  symbol: m.symbol,
  decimals: m.decimals,
});

function priceOf(ctx: ChainReadContext, address: Address): PriceReading | undefined {
  return ctx.prices.get(priceKey(address));
}

function dateOf(seconds: bigint): string {
  return new Date(Number(seconds) * 1000).toISOString().slice(0, 10);
}

/** USD of two assets, null if either is unpriced (and not zero). */
function sumUsd(assets: readonly AssetAmount[]): bigint | null {
  let sum = 0n;
  for (const a of assets) {
    if (a.amount === 0n) continue;
    if (a.usdE18 === null) return null;
    sum += a.usdE18;
  }
  return sum;
}

/**
 * Every Velodrome V2 position of `ctx.owner` on one chain, at `ctx.blockNumber`: LP unstaked and staked
 * in each pool's gauge, and veVELO locks. Discovery from the factory and the Voter, no pool list shipped,
 * in at most eight multicall levels whatever the counts (each level one multicall, chunks concurrent):
 *   1. pool count, lock count   2. pools, lock ids   3. LP balances, gauges; lock state, votes per pool
 *   4. staked balances   5. pool and gauge state (and, concurrently, fee indexes ~7 days back)
 *   6. token metadata, voting fees earned, incentive list lengths   7. incentive tokens   8. incentives earned.
 */
export async function readVelodrome(
  ctx: ChainReadContext,
  d: VelodromeDeployment,
  options: VelodromeReadOptions = {},
): Promise<Position[]> {
  const { client, chainId, owner, blockNumber } = ctx;
  const multicall3 = CHAINS[chainId].multicall3;
  const at = { multicall3, blockNumber };
  const windowSeconds = options.windowSeconds ?? WINDOW_SECONDS;
  const id = (x: string) => `${chainId}:${VELODROME_ID}:${x}`;
  {
    const notices: Position[] = [];
    const notice = (key: string, label: string, warning: string, kind: Position['kind'] = 'liquidity') =>
      notices.push({
        protocol: VELODROME_ID,
        kind,
        id: id(key),
        label,
        assets: [],
        rewards: [],
        yield: null,
        warning,
      });

    // Level 1.
    const l1 = new Batch();
    const poolCount = l1.add(call(d.poolFactory, poolFactoryAbi, 'allPoolsLength'));
    const lockCount = l1.add(call(d.votingEscrow, votingEscrowAbi, 'balanceOf', [owner]));
    await l1.execute(client, at);
    const nPools = unwrap(poolCount(), `pool factory ${d.poolFactory}`);
    const locksResult = lockCount();
    if (!locksResult.ok)
      notice('locks', 'veVELO locks', `voting escrow ${d.votingEscrow}: ${locksResult.error}`, 'lock');
    const nLocks = locksResult.ok ? locksResult.value : 0n;
    const poolsRead = nPools < BigInt(MAX_POOLS) ? nPools : BigInt(MAX_POOLS);
    if (nPools > poolsRead)
      notice(
        'pools-truncated',
        `${nPools - poolsRead} more pools`,
        `the factory lists ${nPools} pools; only the first ${poolsRead} were read`,
      );
    const locksRead = nLocks < BigInt(MAX_LOCKS) ? nLocks : BigInt(MAX_LOCKS);

    // Level 2.
    const l2 = new Batch();
    const poolReads = Array.from({ length: Number(poolsRead) }, (_, i) =>
      l2.add(call(d.poolFactory, poolFactoryAbi, 'allPools', [BigInt(i)])),
    );
    const lockIdReads = Array.from({ length: Number(locksRead) }, (_, i) =>
      l2.add(call(d.votingEscrow, votingEscrowAbi, 'ownerToNFTokenIdList', [owner, BigInt(i)])),
    );
    await l2.execute(client, at);
    const pools: Address[] = [];
    all(poolReads).forEach((r, i) => {
      if (r.ok) pools.push(r.value);
      else notice(`pool-index-${i}`, `pool #${i}`, `allPools(${i}) failed: ${r.error}`);
    });
    const lockIds: bigint[] = [];
    all(lockIdReads).forEach((r, i) => {
      if (r.ok) lockIds.push(r.value);
      else
        notice(
          `lock-index-${i}`,
          `veVELO lock #${i + 1}`,
          `ownerToNFTokenIdList(${i}) failed: ${r.error}`,
          'lock',
        );
    });

    // Level 3.
    const l3 = new Batch();
    const perPool = pools.map((pool) => ({
      pool,
      balance: l3.add(call(pool, veloPoolAbi, 'balanceOf', [owner])),
      gauge: l3.add(call(d.voter, voterAbi, 'gauges', [pool])),
    }));
    const perLock = lockIds.map((tokenId) => ({
      tokenId,
      locked: l3.add(call(d.votingEscrow, votingEscrowAbi, 'locked', [tokenId])),
      power: l3.add(call(d.votingEscrow, votingEscrowAbi, 'balanceOfNFT', [tokenId])),
      voted: l3.add(call(d.votingEscrow, votingEscrowAbi, 'voted', [tokenId])),
      lastVoted: l3.add(call(d.voter, voterAbi, 'lastVoted', [tokenId])),
      rebase: l3.add(call(d.rewardsDistributor, rewardsDistributorAbi, 'claimable', [tokenId])),
      votes: pools.map((pool) => ({ pool, read: l3.add(call(d.voter, voterAbi, 'votes', [tokenId, pool])) })),
    }));
    await run(l3, client, at);
    const unstaked = new Map<Address, bigint>();
    const gaugeOf = new Map<Address, Address>();
    for (const p of perPool) {
      const b = p.balance();
      const g = p.gauge();
      if (b.ok && b.value > 0n) unstaked.set(p.pool, b.value);
      if (!b.ok && g.ok && !isZero(g.value)) {
        // A pool that cannot say what the account holds, though it has a gauge: say so.
        notice(`${p.pool}:unstaked`, `pool ${p.pool}`, `balanceOf failed: ${b.error}`);
      }
      if (g.ok && !isZero(g.value)) gaugeOf.set(p.pool, g.value);
    }
    const votedPools = new Set<Address>();
    for (const l of perLock)
      for (const v of l.votes) {
        const r = v.read();
        if (r.ok && r.value > 0n) votedPools.add(v.pool);
      }

    // Past fee indexes of the pools the account holds unstaked, while levels 4–5 run.
    const pastPools = [...unstaked.keys()];
    const pastPromise: Promise<PastOutcome> =
      pastPools.length === 0
        ? Promise.resolve({ ok: false, note: 'no unstaked LP' })
        : pastIndexes(ctx, pastPools, windowSeconds);

    // Level 4: staked balances.
    const l4 = new Batch();
    const stakedReads = [...gaugeOf.entries()].map(([pool, gauge]) => ({
      pool,
      gauge,
      read: l4.add(call(gauge, gaugeAbi, 'balanceOf', [owner])),
    }));
    await run(l4, client, at);
    const staked = new Map<Address, bigint>();
    const gaugeErrors = new Map<Address, string>();
    for (const s of stakedReads) {
      const r = s.read();
      if (r.ok && r.value > 0n) staked.set(s.pool, r.value);
      if (!r.ok) gaugeErrors.set(s.pool, r.error);
    }

    // Level 5: state of every pool the account holds or votes for, and of its gauge.
    const interesting = [
      ...new Set([
        ...unstaked.keys(),
        ...staked.keys(),
        ...votedPools,
        ...[...gaugeErrors.keys()].filter((p) => unstaked.has(p)),
      ]),
    ];
    const l5 = new Batch();
    const states = interesting.map((pool) => {
      const gauge = gaugeOf.get(pool) ?? null;
      return {
        pool,
        gauge,
        metadata: l5.add(call(pool, veloPoolAbi, 'metadata')),
        totalSupply: l5.add(call(pool, veloPoolAbi, 'totalSupply')),
        index0: l5.add(call(pool, veloPoolAbi, 'index0')),
        index1: l5.add(call(pool, veloPoolAbi, 'index1')),
        supplyIndex0: l5.add(call(pool, veloPoolAbi, 'supplyIndex0', [owner])),
        supplyIndex1: l5.add(call(pool, veloPoolAbi, 'supplyIndex1', [owner])),
        claimable0: l5.add(call(pool, veloPoolAbi, 'claimable0', [owner])),
        claimable1: l5.add(call(pool, veloPoolAbi, 'claimable1', [owner])),
        g: gauge
          ? {
              totalSupply: l5.add(call(gauge, gaugeAbi, 'totalSupply')),
              rewardRate: l5.add(call(gauge, gaugeAbi, 'rewardRate')),
              periodFinish: l5.add(call(gauge, gaugeAbi, 'periodFinish')),
              earned: l5.add(call(gauge, gaugeAbi, 'earned', [owner])),
              rewardToken: l5.add(call(gauge, gaugeAbi, 'rewardToken')),
              alive: l5.add(call(d.voter, voterAbi, 'isAlive', [gauge])),
              fees: l5.add(call(d.voter, voterAbi, 'gaugeToFees', [gauge])),
              bribe: l5.add(call(d.voter, voterAbi, 'gaugeToBribe', [gauge])),
            }
          : null,
      };
    });
    await run(l5, client, at);
    const poolState = new Map<Address, Result<PoolState>>();
    const gaugeRaw = new Map<Address, GaugeRaw>();
    for (const s of states) {
      const m = s.metadata();
      const rest = [
        s.totalSupply(),
        s.index0(),
        s.index1(),
        s.supplyIndex0(),
        s.supplyIndex1(),
        s.claimable0(),
        s.claimable1(),
      ];
      const failed = [m, ...rest].find((r) => !r.ok);
      if (failed && !failed.ok) poolState.set(s.pool, { ok: false, error: failed.error });
      else if (m.ok) {
        const [dec0, dec1, r0, r1, st, t0, t1] = m.value;
        const v = rest.map((r) => (r.ok ? r.value : 0n));
        poolState.set(s.pool, {
          ok: true,
          value: {
            token0: t0,
            token1: t1,
            decimals0: dec0,
            decimals1: dec1,
            reserve0: r0,
            reserve1: r1,
            stable: st,
            totalSupply: v[0] ?? 0n,
            index0: v[1] ?? 0n,
            index1: v[2] ?? 0n,
            supplyIndex0: v[3] ?? 0n,
            supplyIndex1: v[4] ?? 0n,
            claimable0: v[5] ?? 0n,
            claimable1: v[6] ?? 0n,
          },
        });
      }
      if (s.g) {
        gaugeRaw.set(s.pool, {
          totalSupply: s.g.totalSupply(),
          rewardRate: s.g.rewardRate(),
          periodFinish: s.g.periodFinish(),
          earned: s.g.earned(),
          rewardToken: s.g.rewardToken(),
          alive: s.g.alive(),
          fees: s.g.fees(),
          bribe: s.g.bribe(),
        });
      }
    }

    // Level 6: token metadata; voting fees earned; incentive list lengths.
    const l6 = new Batch();
    const metaReads = new Map<Address, () => TokenMetadata>();
    const addMeta = (batch: Batch, t: Address) => {
      if (!metaReads.has(t)) metaReads.set(t, addMetadataReads(batch, t));
    };
    for (const [, s] of poolState)
      if (s.ok) {
        addMeta(l6, s.value.token0);
        addMeta(l6, s.value.token1);
      }
    for (const [, g] of gaugeRaw) if (g.rewardToken.ok) addMeta(l6, g.rewardToken.value);
    if (lockIds.length > 0) addMeta(l6, d.velo);
    const lockVotes = perLock.map((l) => ({
      l,
      votes: l.votes.flatMap((v) => {
        const r = v.read();
        return r.ok && r.value > 0n ? [{ pool: v.pool, weight: r.value }] : [];
      }),
    }));
    const feeEarned = lockVotes.map(({ l, votes }) =>
      votes.flatMap((v) => {
        const g = gaugeRaw.get(v.pool);
        const s = poolState.get(v.pool);
        if (!g?.fees.ok || !s?.ok) return [];
        const fees = g.fees.value;
        return [s.value.token0, s.value.token1].map((t) => ({
          tokenId: l.tokenId,
          token: t,
          read: l6.add(call(fees, votingRewardAbi, 'earned', [t, l.tokenId])),
        }));
      }),
    );
    const bribes = [
      ...new Set(
        lockVotes.flatMap(({ votes }) =>
          votes.map((v) => gaugeRaw.get(v.pool)?.bribe).flatMap((b) => (b?.ok ? [b.value] : [])),
        ),
      ),
    ];
    const bribeLengths = bribes.map((b) => ({
      bribe: b,
      read: l6.add(call(b, votingRewardAbi, 'rewardsListLength')),
    }));
    await run(l6, client, at);

    // Levels 7–8: incentive tokens, then what each lock earned of them.
    const l7 = new Batch();
    const bribeTokenReads = bribeLengths.map(({ bribe, read }) => {
      const n = read();
      const count = n.ok ? (n.value < 50n ? n.value : 50n) : 0n;
      return {
        bribe,
        tokens: Array.from({ length: Number(count) }, (_, i) =>
          l7.add(call(bribe, votingRewardAbi, 'rewards', [BigInt(i)])),
        ),
      };
    });
    await run(l7, client, at);
    const l8 = new Batch();
    const bribeEarned = lockVotes.map(({ l, votes }) =>
      votes.flatMap((v) => {
        const b = gaugeRaw.get(v.pool)?.bribe;
        if (!b?.ok) return [];
        const list = bribeTokenReads.find((x) => x.bribe === b.value);
        return (list?.tokens ?? []).flatMap((t) => {
          const r = t();
          if (!r.ok) return [];
          addMeta(l8, r.value);
          return [
            {
              tokenId: l.tokenId,
              token: r.value,
              read: l8.add(call(b.value, votingRewardAbi, 'earned', [r.value, l.tokenId])),
            },
          ];
        });
      }),
    );
    const [, pastOutcome] = await Promise.all([run(l8, client, at), pastPromise]);

    const meta = (t: Address): TokenMetadata => {
      const read = metaReads.get(t);
      if (!read) throw new Error(`metadata of ${t} not read`);
      return read();
    };
    const asset = (t: Address, amount: bigint) => {
      const m = meta(t);
      return assetAmount(m.address, m.symbol, m.decimals, amount, priceOf(ctx, t));
    };
    const poolLabel = (s: PoolState) =>
      `${s.stable ? 'sAMM' : 'vAMM'}-${meta(s.token0).symbol}/${meta(s.token1).symbol}`;

    // Build: one position per (pool, unstaked | staked).
    const positions: Position[] = [];
    for (const pool of interesting) {
      const s = poolState.get(pool);
      const holds: ['unstaked' | 'staked', bigint][] = [];
      const u = unstaked.get(pool);
      const st = staked.get(pool);
      if (u) holds.push(['unstaked', u]);
      if (st) holds.push(['staked', st]);
      for (const [side, balance] of holds) {
        const pid = id(`${pool}:${side}`);
        const kind = side === 'staked' ? 'farming' : 'liquidity';
        if (!s?.ok) {
          positions.push({
            protocol: VELODROME_ID,
            kind,
            id: pid,
            label: `pool ${pool} (${side})`,
            assets: [],
            rewards: [],
            yield: null,
            warning: `pool ${pool} unreadable at block ${blockNumber}: ${s ? s.error : 'not read'}`,
          });
          continue;
        }
        positions.push(
          buildPoolPosition({
            ctx,
            pid,
            pool,
            side,
            balance,
            state: s.value,
            label: poolLabel(s.value),
            gauge: gaugeOf.get(pool) ?? null,
            gaugeRaw: gaugeRaw.get(pool) ?? null,
            gaugeError: gaugeErrors.get(pool) ?? null,
            meta,
            asset,
            past: pastOutcome,
            windowSeconds,
          }),
        );
      }
    }

    // Locks.
    for (const [i, { l, votes }] of lockVotes.entries()) {
      positions.push(
        buildLock({
          ctx,
          d,
          pid: id(`lock:${l.tokenId}`),
          tokenId: l.tokenId,
          locked: l.locked(),
          power: l.power(),
          voted: l.voted(),
          lastVoted: l.lastVoted(),
          rebase: l.rebase(),
          votes: votes.map((v): LockVote => {
            const s = poolState.get(v.pool);
            return { pool: v.pool, label: s?.ok ? poolLabel(s.value) : v.pool, weight: v.weight };
          }),
          earned: [...(feeEarned[i] ?? []), ...(bribeEarned[i] ?? [])],
          asset,
        }),
      );
    }
    return [...positions, ...notices];
  }
}

export interface PoolInput {
  ctx: ChainReadContext;
  pid: string;
  pool: Address;
  side: 'unstaked' | 'staked';
  balance: bigint;
  state: PoolState;
  label: string;
  gauge: Address | null;
  gaugeRaw: GaugeRaw | null;
  gaugeError: string | null;
  meta: (t: Address) => TokenMetadata;
  asset: (t: Address, amount: bigint) => AssetAmount;
  past: PastOutcome;
  windowSeconds: number;
}

function gaugeInfo(i: PoolInput, poolValue: bigint | null): GaugeInfo | null {
  if (!i.gauge) return null;
  const g = i.gaugeRaw;
  const rt = g?.rewardToken.ok ? i.meta(g.rewardToken.value) : null;
  const unreadable = !g?.totalSupply.ok || !g.rewardRate.ok || !g.periodFinish.ok || !g.alive.ok;
  const alive = g?.alive.ok ? g.alive.value : true;
  const rewardRate = g?.rewardRate.ok ? g.rewardRate.value : null;
  const periodFinish = g?.periodFinish.ok ? g.periodFinish.value : null;
  const totalSupply = g?.totalSupply.ok ? g.totalSupply.value : null;
  let state: GaugeState;
  if (unreadable) state = 'unreadable';
  else if (!alive) state = 'killed';
  else if (rewardRate === 0n) state = 'no-emissions';
  else if (periodFinish !== null && periodFinish <= i.ctx.blockTimestamp) state = 'period-ended';
  else state = 'emitting';
  const stakedUsdE18 =
    totalSupply !== null && poolValue !== null
      ? stakedValueUsdE18({
          gaugeTotalSupply: totalSupply,
          poolTotalSupply: i.state.totalSupply,
          poolValueUsdE18: poolValue,
        })
      : null;
  return {
    address: i.gauge,
    alive,
    state,
    rewardToken: rt ? token(rt) : null,
    rewardRate,
    periodFinish,
    totalSupply,
    stakedUsdE18,
  };
}

export function buildPoolPosition(i: PoolInput): Position {
  const { ctx, state: s, balance } = i;
  const warnings: string[] = [];
  const m0 = i.meta(s.token0);
  const m1 = i.meta(s.token1);
  if (m0.warning) warnings.push(`${m0.symbol}: ${m0.warning}`);
  if (m1.warning) warnings.push(`${m1.symbol}: ${m1.warning}`);
  const kind = i.side === 'staked' ? 'farming' : 'liquidity';
  const a0 = lpShare(s.reserve0, balance, s.totalSupply);
  const a1 = lpShare(s.reserve1, balance, s.totalSupply);
  const poolAssets = [i.asset(s.token0, s.reserve0), i.asset(s.token1, s.reserve1)];
  const poolValue = sumUsd(poolAssets);
  const gauge = gaugeInfo(i, poolValue);
  const details: VelodromePoolDetails = {
    type: VELODROME_ID,
    variant: 'pool',
    pool: i.pool,
    stable: s.stable,
    staked: i.side === 'staked',
    token0: token(m0),
    token1: token(m1),
    lpBalance: balance,
    totalSupply: s.totalSupply,
    reserve0: s.reserve0,
    reserve1: s.reserve1,
    gauge,
    yieldNote: '',
    unreliableApr: null,
    feeWindow: null,
  };
  const base = { protocol: VELODROME_ID, kind, id: i.pid, label: i.label, details } as const;
  if (a0 === null || a1 === null) {
    details.yieldNote = 'unknown: the pool reports zero total supply';
    warnings.push(
      `pool ${i.pool} reports zero total supply while the account holds ${balance} LP: amounts unknown`,
    );
    return { ...base, assets: [], rewards: [], yield: null, warning: warnings.join('; ') };
  }
  if (balance > s.totalSupply) warnings.push(`LP balance exceeds the pool's total supply: implausible pool`);
  const assets = [i.asset(s.token0, a0), i.asset(s.token1, a1)];
  const value = sumUsd(assets);

  if (i.side === 'unstaked') {
    if (i.gaugeError)
      warnings.push(`gauge ${i.gauge} unreadable (${i.gaugeError}): LP staked there, if any, is not shown`);
    const rewards = [
      i.asset(s.token0, pendingFees(s.claimable0, balance, s.index0, s.supplyIndex0)),
      i.asset(s.token1, pendingFees(s.claimable1, balance, s.index1, s.supplyIndex1)),
    ];
    let y: YieldEstimate | null = null;
    if (!i.past.ok) details.yieldNote = `fee APR unknown: ${i.past.note}`;
    else {
      const past = i.past.past;
      const idx = past.indexes.get(i.pool);
      const seconds = ctx.blockTimestamp - past.timestamp;
      details.feeWindow = { fromBlock: past.block, toBlock: ctx.blockNumber, seconds };
      if (!idx?.ok)
        details.yieldNote = `fee APR unknown: fee index unreadable at block ${past.block}${idx ? ` (${idx.error})` : ''}`;
      else {
        const e0 = feesOverWindow(balance, s.index0, idx.value[0]);
        const e1 = feesOverWindow(balance, s.index1, idx.value[1]);
        const earned =
          e0 === null || e1 === null ? null : sumUsd([i.asset(s.token0, e0), i.asset(s.token1, e1)]);
        const apr = earned === null || value === null ? null : annualise(earned, value, seconds);
        if (e0 === null || e1 === null) details.yieldNote = 'fee APR unknown: the fee index went backwards';
        else if (apr === null)
          details.yieldNote =
            value === null || earned === null
              ? 'fee APR unknown: a pool token has no usable USD price'
              : 'fee APR unknown: empty window or zero value';
        else {
          const source = `growth of the pool's fee index per LP token (index0/index1), blocks ${past.block}–${ctx.blockNumber}${past.note ? ` (${past.note})` : ''}; unstaked LP earns trading fees only, no emissions`;
          details.yieldNote = 'trading fees (base); unstaked LP earns no emissions';
          y = {
            baseApr: apr,
            rewardApr: 0,
            apy: null,
            compounds: false,
            window: formatWindow(seconds),
            source,
            components: [{ side: 'base', apr, label: 'trading fees', window: formatWindow(seconds), source }],
          };
        }
      }
    }
    return { ...base, assets, rewards, yield: y, warning: warnings.length > 0 ? warnings.join('; ') : null };
  }

  // Staked: emissions only (the staked LP's trading fees go to the gauge's voters).
  const g = i.gaugeRaw;
  const rewardToken = g?.rewardToken.ok ? g.rewardToken.value : null;
  const rt = rewardToken ? i.meta(rewardToken) : null;
  if (rt?.warning) warnings.push(`reward token ${rt.symbol}: ${rt.warning}`);
  const rewards = rewardToken && g?.earned.ok ? [i.asset(rewardToken, g.earned.value)] : [];
  if (g && !g.earned.ok) warnings.push(`earned() of gauge ${i.gauge} failed: ${g.earned.error}`);
  let y: YieldEstimate | null = null;
  const fromVoter = 'staked LP earns emissions only (its trading fees go to voters)';
  if (!gauge || gauge.state === 'unreadable') {
    details.yieldNote = `emissions APR unknown: gauge ${i.gauge} unreadable`;
    warnings.push(details.yieldNote);
  } else if (gauge.state === 'killed') {
    details.yieldNote = 'gauge killed by the Voter: no new emissions, and staked LP earns no trading fees';
    y = knownZeroYield(`${details.yieldNote} (block ${ctx.blockNumber})`);
  } else if (gauge.state === 'no-emissions') {
    details.yieldNote = 'gauge has no emissions (reward rate 0)';
    y = knownZeroYield(`${details.yieldNote}; ${fromVoter} (block ${ctx.blockNumber})`);
  } else if (gauge.state === 'period-ended') {
    details.yieldNote = `reward period ended on ${dateOf(gauge.periodFinish ?? 0n)}: no emissions since`;
    y = knownZeroYield(`${details.yieldNote}; ${fromVoter} (block ${ctx.blockNumber})`);
  } else if (!rt || !rewardToken) {
    details.yieldNote = 'emissions APR unknown: reward token unreadable';
  } else {
    const price = priceOf(ctx, rewardToken);
    if (
      !price ||
      price.usdE18 === null ||
      price.status !== 'ok' ||
      rt.decimals === null ||
      poolValue === null
    ) {
      details.yieldNote =
        poolValue === null
          ? 'emissions APR unknown: a pool token has no usable USD price'
          : rt.decimals === null
            ? `emissions APR unknown: reward token ${rt.symbol} has unusable decimals`
            : `emissions APR unknown: no usable price for reward token ${rt.symbol}${price?.reason ? ` (${price.reason})` : ''}`;
    } else {
      const apr = rewardApr({
        rewardRate: gauge.rewardRate ?? 0n,
        rewardPriceUsdE18: price.usdE18,
        rewardDecimals: rt.decimals,
        gaugeTotalSupply: gauge.totalSupply ?? 0n,
        poolTotalSupply: s.totalSupply,
        poolValueUsdE18: poolValue,
      });
      const stakedUsd = gauge.stakedUsdE18 ?? 0n;
      if (apr === null) details.yieldNote = 'emissions APR unknown: nothing of value staked in the gauge';
      else if (stakedUsd < TINY_STAKE_USD_E18) {
        details.unreliableApr = apr;
        details.yieldNote = `unreliable: tiny stake (${formatUsd(stakedUsd)} staked in the gauge, under $1,000): not counted`;
      } else {
        const source = `gauge rewardRate × 31,536,000 × ${price.label} ÷ (gauge totalSupply × value of one LP token), block ${ctx.blockNumber}; ${fromVoter}`;
        const reward = { token: rewardToken, symbol: rt.symbol, priceSource: price.label };
        details.yieldNote = 'emissions (reward); staked LP earns no trading fees';
        y = {
          baseApr: 0,
          rewardApr: apr,
          apy: null,
          compounds: false,
          window: 'current rate',
          source,
          components: [
            { side: 'reward', apr, label: `${rt.symbol} emissions`, window: 'current rate', source, reward },
          ],
          rewards: [reward],
        };
      }
    }
  }
  return { ...base, assets, rewards, yield: y, warning: warnings.length > 0 ? warnings.join('; ') : null };
}

interface LockInput {
  ctx: ChainReadContext;
  d: VelodromeDeployment;
  pid: string;
  tokenId: bigint;
  locked: Result<{ amount: bigint; end: bigint; isPermanent: boolean }>;
  power: Result<bigint>;
  voted: Result<boolean>;
  lastVoted: Result<bigint>;
  rebase: Result<bigint>;
  votes: LockVote[];
  earned: { token: Address; read: () => Result<bigint> }[];
  asset: (t: Address, amount: bigint) => AssetAmount;
}

function buildLock(i: LockInput): Position {
  const label = `veVELO #${i.tokenId}`;
  const warnings: string[] = [];
  if (!i.locked.ok) {
    return {
      protocol: VELODROME_ID,
      kind: 'lock',
      id: i.pid,
      label,
      assets: [],
      rewards: [],
      yield: null,
      warning: `locked(${i.tokenId}) failed: ${i.locked.error}`,
    };
  }
  const { amount, end, isPermanent } = i.locked.value;
  const expired = !isPermanent && end <= i.ctx.blockTimestamp;
  if (expired) warnings.push(`lock expired on ${dateOf(end)}: no voting power; the VELO can be withdrawn`);
  if (!i.power.ok) warnings.push(`voting power unreadable: ${i.power.error}`);
  const rewards: AssetAmount[] = [];
  if (i.rebase.ok) rewards.push(i.asset(i.d.velo, i.rebase.value));
  else warnings.push(`rebase unreadable: ${i.rebase.error}`);
  const byToken = new Map<Address, bigint>();
  for (const e of i.earned) {
    const r = e.read();
    if (!r.ok) {
      warnings.push(`voting reward ${e.token} unreadable: ${r.error}`);
      continue;
    }
    byToken.set(e.token, (byToken.get(e.token) ?? 0n) + r.value);
  }
  for (const [t, v] of byToken) if (v > 0n) rewards.push(i.asset(t, v));
  const details: VelodromeLockDetails = {
    type: VELODROME_ID,
    variant: 'lock',
    tokenId: i.tokenId,
    amount: amount < 0n ? 0n : amount,
    end,
    permanent: isPermanent,
    expired,
    votingPower: i.power.ok ? i.power.value : null,
    voted: i.voted.ok ? i.voted.value : null,
    lastVoted: i.lastVoted.ok ? i.lastVoted.value : null,
    votes: i.votes,
    yieldNote:
      'not estimated: voting fees, incentives and rebases are paid per epoch by vote; what the lock can claim now is shown',
  };
  return {
    protocol: VELODROME_ID,
    kind: 'lock',
    id: i.pid,
    label,
    assets: [i.asset(i.d.velo, details.amount)],
    rewards,
    yield: null,
    warning: warnings.length > 0 ? warnings.join('; ') : null,
    details,
  };
}
