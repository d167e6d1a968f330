import { type Address, zeroAddress } from 'viem';
import { Batch, call, chainMulticall, type Result } from '../../chains/multicall';
import { formatUsd } from '../../format/index';
import type { AssetAmount, ChainReadContext, Position, YieldEstimate } from '../../portfolio/types';
import { assetAmount } from '../../portfolio/value';
import { knownZeroYield } from '../../portfolio/yield';
import { priceKey } from '../../prices/book';
import type { PriceReading } from '../../prices/types';
import { addMetadataReads } from '../../tokens/metadata';
import type { TokenMetadata } from '../../tokens/types';
import type { BlockPoint } from '../uniswap-v3/history';
import { rememberPositionCount } from '../uniswap-v3/lens';
import {
  annualise,
  formatFraction,
  formatWindow,
  invert,
  isValidTick,
  positionAmounts,
  priceOfToken0,
  rangeStatus,
  tickToPrice0,
  uncollectedFees,
} from '../uniswap-v3/math';
import {
  addPoolReads,
  insideAt,
  mapCall,
  type PastOutcome,
  type PoolSnapshot,
  pastSnapshot,
  type V3PoolLayout,
  windowFees,
} from '../uniswap-v3/pool-state';
import { explorerPositionUrl } from '../uniswap-v3/read';
import type { FeeAprInfo, PoolToken } from '../uniswap-v3/types';
import { clFactoryAbi, clGaugeAbi, clPoolAbi, clPositionManagerAbi, voterAbi } from './abi';
import type { SlipstreamDeployment, VelodromeDeployment } from './addresses';
import { clRewardApr, clStakedValueUsdE18, TINY_STAKE_USD_E18 } from './math';
import { MAX_CL_POOLS, MAX_CL_POSITIONS, rememberClPoolCount } from './slipstream-lens';
import { type GaugeInfo, type GaugeState, type SlipstreamPositionDetails, VELODROME_ID } from './types';

export const SLIPSTREAM_WINDOW_SECONDS = 7 * 86_400;

/** Slipstream's CLPool answers the V3 pool-state reads in its own tuples. */
export const SLIPSTREAM_POOL_LAYOUT: V3PoolLayout = {
  slot0: (pool) => mapCall(call(pool, clPoolAbi, 'slot0'), (s) => ({ sqrtPriceX96: s[0], tick: s[1] })),
  feeGrowthGlobal0: (pool) => call(pool, clPoolAbi, 'feeGrowthGlobal0X128'),
  feeGrowthGlobal1: (pool) => call(pool, clPoolAbi, 'feeGrowthGlobal1X128'),
  tick: (pool, tick) =>
    mapCall(call(pool, clPoolAbi, 'ticks', [tick]), (t) => ({
      feeGrowthOutside0X128: t[3],
      feeGrowthOutside1X128: t[4],
      initialized: t[9],
    })),
};

export interface SlipstreamReadOptions {
  windowSeconds?: number;
}

type ClPositionTuple = readonly [
  bigint,
  Address,
  Address,
  Address,
  number,
  number,
  number,
  bigint,
  bigint,
  bigint,
  bigint,
  bigint,
];

export interface RawClPosition {
  tokenId: bigint;
  token0: Address;
  token1: Address;
  tickSpacing: number;
  tickLower: number;
  tickUpper: number;
  liquidity: bigint;
  feeGrowthInside0LastX128: bigint;
  feeGrowthInside1LastX128: bigint;
  tokensOwed0: bigint;
  tokensOwed1: bigint;
  pool: Address;
}

/** What the CL gauge and pool say about a staked position's emissions, raw. */
export interface ClGaugeRaw {
  address: Address;
  rewardRate: Result<bigint>;
  periodFinish: Result<bigint>;
  rewardToken: Result<Address>;
  alive: Result<boolean>;
  stakedLiquidity: Result<bigint>;
  earned: Result<bigint>;
}

function decodePosition(tokenId: bigint, t: ClPositionTuple): Omit<RawClPosition, 'pool'> | string {
  const [, , token0, token1, tickSpacing, tickLower, tickUpper, liquidity] = t;
  if (!isValidTick(tickLower) || !isValidTick(tickUpper) || tickLower >= tickUpper)
    return `positions(${tokenId}) returned an invalid range [${tickLower}, ${tickUpper}]`;
  return {
    tokenId,
    token0,
    token1,
    tickSpacing,
    tickLower,
    tickUpper,
    liquidity,
    feeGrowthInside0LastX128: t[8],
    feeGrowthInside1LastX128: t[9],
    tokensOwed0: t[10],
    tokensOwed1: t[11],
  };
}

const isZero = (a: Address) => a.toLowerCase() === zeroAddress;
const poolKey = (t0: Address, t1: Address, spacing: number) =>
  `${t0.toLowerCase()}:${t1.toLowerCase()}:${spacing}`;

async function run(batch: Batch, ctx: ChainReadContext) {
  if (batch.size > 0) await batch.execute(ctx.client, chainMulticall(ctx.chainId, ctx.blockNumber));
}

/**
 * Every Slipstream position of `ctx.owner` at `ctx.blockNumber`: the NFTs in the wallet (unstaked) and
 * those deposited in CL gauges (staked; found through the CL factory's pools and the Voter's gauges). At
 * most six multicall levels whatever the counts:
 *   1. NFT count, CL pool count   2. NFT ids, pools   3. positions, gauges (Voter)
 *   4. staked ids per gauge, pool of each unstaked position (factory by tick spacing)
 *   5. staked positions, gauge and pool state (slot0, fee growth, range ticks, staked liquidity, gauge fees),
 *      earned; with the pool state ~7 days back read concurrently   6. token metadata.
 */
export async function readSlipstream(
  ctx: ChainReadContext,
  d: VelodromeDeployment,
  s: SlipstreamDeployment,
  options: SlipstreamReadOptions = {},
): Promise<Position[]> {
  const { client, chainId, owner, blockNumber, blockTimestamp } = ctx;
  const windowSeconds = options.windowSeconds ?? SLIPSTREAM_WINDOW_SECONDS;
  const id = (x: string) => `${chainId}:${VELODROME_ID}:slipstream:${x}`;
  const head: BlockPoint = { number: blockNumber, timestamp: blockTimestamp };
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

  {
    // Level 1.
    const l1 = new Batch();
    const countRead = l1.add(call(s.positionManager, clPositionManagerAbi, 'balanceOf', [owner]));
    const poolCountRead = l1.add(call(s.factory, clFactoryAbi, 'allPoolsLength'));
    await run(l1, ctx);
    const count = countRead();
    if (!count.ok) throw new Error(`Slipstream position manager ${s.positionManager}: ${count.error}`);
    const poolCount = poolCountRead();
    // Round 1 of the next read asks for just the positions and pools there are (slipstream-lens.ts).
    rememberPositionCount(chainId, s.positionManager, owner, count.value);
    if (poolCount.ok) rememberClPoolCount(chainId, s.factory, poolCount.value);
    if (!poolCount.ok)
      notice(
        'pools',
        'Slipstream gauges',
        `CL factory ${s.factory}: ${poolCount.error}: staked positions are not shown`,
        'farming',
      );
    const nPools = poolCount.ok
      ? poolCount.value < BigInt(MAX_CL_POOLS)
        ? poolCount.value
        : BigInt(MAX_CL_POOLS)
      : 0n;
    if (poolCount.ok && poolCount.value > nPools)
      notice(
        'pools-truncated',
        `${poolCount.value - nPools} more CL pools`,
        `the CL factory lists ${poolCount.value} pools; only the first ${nPools} were searched for staked positions`,
        'farming',
      );
    const n = count.value < BigInt(MAX_CL_POSITIONS) ? count.value : BigInt(MAX_CL_POSITIONS);
    if (count.value > n)
      notice(
        'truncated',
        `${count.value - n} more Slipstream positions`,
        `${count.value} positions held; only the first ${n} were read`,
      );

    // Level 2.
    const l2 = new Batch();
    const idReads = Array.from({ length: Number(n) }, (_, i) =>
      l2.add(call(s.positionManager, clPositionManagerAbi, 'tokenOfOwnerByIndex', [owner, BigInt(i)])),
    );
    const poolReads = Array.from({ length: Number(nPools) }, (_, i) =>
      l2.add(call(s.factory, clFactoryAbi, 'allPools', [BigInt(i)])),
    );
    await run(l2, ctx);
    const ids: bigint[] = [];
    idReads.forEach((r, i) => {
      const v = r();
      if (v.ok) ids.push(v.value);
      else
        notice(`index-${i}`, `Slipstream position #${i + 1}`, `tokenOfOwnerByIndex(${i}) failed: ${v.error}`);
    });
    const pools: Address[] = [];
    poolReads.forEach((r, i) => {
      const v = r();
      if (v.ok) pools.push(v.value);
      else notice(`pool-index-${i}`, `CL pool #${i}`, `allPools(${i}) failed: ${v.error}`, 'farming');
    });

    // Level 3.
    const l3 = new Batch();
    const positionReads = ids.map((tokenId) => ({
      tokenId,
      read: l3.add(call(s.positionManager, clPositionManagerAbi, 'positions', [tokenId])),
    }));
    const gaugeReads = pools.map((pool) => ({
      pool,
      read: l3.add(call(d.voter, voterAbi, 'gauges', [pool])),
    }));
    await run(l3, ctx);
    const owned: Omit<RawClPosition, 'pool'>[] = [];
    for (const { tokenId, read } of positionReads) {
      const r = read();
      if (!r.ok) {
        notice(`${tokenId}`, `Slipstream #${tokenId}`, `positions(${tokenId}) failed: ${r.error}`);
        continue;
      }
      const p = decodePosition(tokenId, r.value);
      if (typeof p === 'string') notice(`${tokenId}`, `Slipstream #${tokenId}`, p);
      else owned.push(p);
    }
    const gaugeOfPool = new Map<Address, Address>();
    for (const g of gaugeReads) {
      const r = g.read();
      if (r.ok && !isZero(r.value)) gaugeOfPool.set(g.pool, r.value);
    }

    // Level 4.
    const l4 = new Batch();
    const stakedReads = [...gaugeOfPool.entries()].map(([pool, gauge]) => ({
      pool,
      gauge,
      read: l4.add(call(gauge, clGaugeAbi, 'stakedValues', [owner])),
    }));
    const poolLookups = new Map<string, () => Result<Address>>();
    for (const p of owned) {
      const key = poolKey(p.token0, p.token1, p.tickSpacing);
      if (!poolLookups.has(key))
        poolLookups.set(
          key,
          l4.add(call(s.factory, clFactoryAbi, 'getPool', [p.token0, p.token1, p.tickSpacing])),
        );
    }
    await run(l4, ctx);
    const stakedIds: { tokenId: bigint; pool: Address; gauge: Address }[] = [];
    for (const st of stakedReads) {
      const r = st.read();
      if (!r.ok) {
        notice(
          `gauge-${st.gauge}`,
          `CL gauge ${st.gauge}`,
          `stakedValues() of gauge ${st.gauge} failed: ${r.error}; positions staked there are not shown`,
          'farming',
        );
        continue;
      }
      for (const tokenId of r.value) stakedIds.push({ tokenId, pool: st.pool, gauge: st.gauge });
    }
    const unstaked: RawClPosition[] = [];
    for (const p of owned) {
      const r = poolLookups.get(poolKey(p.token0, p.token1, p.tickSpacing))?.();
      if (!r?.ok || isZero(r.value)) {
        notice(
          `${p.tokenId}`,
          `Slipstream #${p.tokenId}`,
          `the CL factory has no pool for this position (tick spacing ${p.tickSpacing})${r && !r.ok ? `: ${r.error}` : ''}`,
        );
        continue;
      }
      unstaked.push({ ...p, pool: r.value });
    }

    // Level 5: staked positions, gauges, pools (and, concurrently, the pools ~7 days back).
    const ticksByPool = new Map<Address, Set<number>>();
    const pastTicksByPool = new Map<Address, Set<number>>();
    for (const p of unstaked) {
      const ticks = ticksByPool.get(p.pool) ?? new Set<number>();
      ticksByPool.set(p.pool, ticks);
      if (p.liquidity === 0n) continue;
      ticks.add(p.tickLower).add(p.tickUpper);
      const past = pastTicksByPool.get(p.pool) ?? new Set<number>();
      pastTicksByPool.set(p.pool, past.add(p.tickLower).add(p.tickUpper));
    }
    for (const st of stakedIds) if (!ticksByPool.has(st.pool)) ticksByPool.set(st.pool, new Set());
    const l5 = new Batch();
    const current = addPoolReads(l5, ticksByPool, SLIPSTREAM_POOL_LAYOUT);
    const stakedPositionReads = stakedIds.map((st) => ({
      ...st,
      position: l5.add(call(s.positionManager, clPositionManagerAbi, 'positions', [st.tokenId])),
      earned: l5.add(call(st.gauge, clGaugeAbi, 'earned', [owner, st.tokenId])),
    }));
    type Thunks<T> = { [K in keyof T]: () => T[K] };
    const gaugeThunks = new Map<Address, Thunks<Omit<ClGaugeRaw, 'address' | 'earned'>>>();
    const poolExtras = new Map<Address, { gaugeFees: () => Result<readonly [bigint, bigint]> }>();
    for (const st of stakedIds) {
      if (!gaugeThunks.has(st.gauge)) {
        gaugeThunks.set(st.gauge, {
          rewardRate: l5.add(call(st.gauge, clGaugeAbi, 'rewardRate')),
          periodFinish: l5.add(call(st.gauge, clGaugeAbi, 'periodFinish')),
          rewardToken: l5.add(call(st.gauge, clGaugeAbi, 'rewardToken')),
          alive: l5.add(call(d.voter, voterAbi, 'isAlive', [st.gauge])),
          stakedLiquidity: l5.add(call(st.pool, clPoolAbi, 'stakedLiquidity')),
        });
      }
      if (!poolExtras.has(st.pool))
        poolExtras.set(st.pool, { gaugeFees: l5.add(call(st.pool, clPoolAbi, 'gaugeFees')) });
    }
    const tokens = new Map<Address, () => TokenMetadata>();
    const addMeta = (batch: Batch, t: Address) => {
      if (!tokens.has(t)) tokens.set(t, addMetadataReads(batch, t));
    };
    for (const p of unstaked) {
      addMeta(l5, p.token0);
      addMeta(l5, p.token1);
    }
    const [, past] = await Promise.all([
      run(l5, ctx),
      pastTicksByPool.size === 0
        ? Promise.resolve<PastOutcome>({ ok: false, note: 'no open unstaked position' })
        : pastSnapshot(client, chainId, pastTicksByPool, head, windowSeconds, SLIPSTREAM_POOL_LAYOUT),
    ]);
    const now = current();

    // Level 6: metadata of the staked positions' tokens and of the reward tokens.
    const staked: { raw: RawClPosition; gauge: ClGaugeRaw }[] = [];
    const l6 = new Batch();
    for (const st of stakedPositionReads) {
      const r = st.position();
      if (!r.ok) {
        notice(
          `${st.tokenId}`,
          `Slipstream #${st.tokenId} (staked)`,
          `positions(${st.tokenId}) failed: ${r.error}`,
          'farming',
        );
        continue;
      }
      const p = decodePosition(st.tokenId, r.value);
      if (typeof p === 'string') {
        notice(`${st.tokenId}`, `Slipstream #${st.tokenId} (staked)`, p, 'farming');
        continue;
      }
      const g = gaugeThunks.get(st.gauge);
      if (!g) continue;
      const gauge: ClGaugeRaw = {
        address: st.gauge,
        rewardRate: g.rewardRate(),
        periodFinish: g.periodFinish(),
        rewardToken: g.rewardToken(),
        alive: g.alive(),
        stakedLiquidity: g.stakedLiquidity(),
        earned: st.earned(),
      };
      staked.push({ raw: { ...p, pool: st.pool }, gauge });
      addMeta(l6, p.token0);
      addMeta(l6, p.token1);
      if (gauge.rewardToken.ok) addMeta(l6, gauge.rewardToken.value);
    }
    await run(l6, ctx);
    const meta = (t: Address): TokenMetadata => {
      const read = tokens.get(t);
      if (!read) throw new Error(`metadata of ${t} not read`);
      return read();
    };

    const positions: Position[] = [];
    for (const raw of unstaked)
      positions.push(
        buildSlipstreamPosition({ ctx, d: s, raw, meta, now, past, windowSeconds, staked: null }),
      );
    for (const { raw, gauge } of staked) {
      const fees = poolExtras.get(raw.pool)?.gaugeFees();
      positions.push(
        buildSlipstreamPosition({
          ctx,
          d: s,
          raw,
          meta,
          now,
          past,
          windowSeconds,
          staked: { gauge, gaugeFees: fees?.ok ? fees.value : null },
        }),
      );
    }
    return [...positions, ...notices];
  }
}

export interface SlipstreamBuildInput {
  ctx: ChainReadContext;
  d: SlipstreamDeployment;
  raw: RawClPosition;
  meta: (t: Address) => TokenMetadata;
  now: PoolSnapshot;
  past: PastOutcome;
  windowSeconds: number;
  /** Null for a position in the wallet; the gauge's reads for one deposited in a gauge. */
  staked: { gauge: ClGaugeRaw; gaugeFees: readonly [bigint, bigint] | null } | null;
}

const token = (m: TokenMetadata): PoolToken => ({
  address: m.address,
  symbol: m.symbol,
  decimals: m.decimals,
});
const priceOf = (ctx: ChainReadContext, t: Address): PriceReading | undefined => ctx.prices.get(priceKey(t));
const dateOf = (seconds: bigint) => new Date(Number(seconds) * 1000).toISOString().slice(0, 10);

/** USD of assets, null if any non-zero one is unpriced. */
function sumUsd(assets: readonly AssetAmount[]): bigint | null {
  let sum = 0n;
  for (const a of assets) {
    if (a.amount === 0n) continue;
    if (a.usdE18 === null) return null;
    sum += a.usdE18;
  }
  return sum;
}

export function clGaugeState(g: ClGaugeRaw, blockTimestamp: bigint): GaugeState {
  if (!g.rewardRate.ok || !g.periodFinish.ok || !g.alive.ok) return 'unreadable';
  if (!g.alive.value) return 'killed';
  if (g.rewardRate.value === 0n) return 'no-emissions';
  if (g.periodFinish.value <= blockTimestamp) return 'period-ended';
  return 'emitting';
}

export function buildSlipstreamPosition(i: SlipstreamBuildInput): Position {
  const { ctx, raw: p, now, past } = i;
  const warnings: string[] = [];
  const m0 = i.meta(p.token0);
  const m1 = i.meta(p.token1);
  if (m0.warning) warnings.push(`${m0.symbol}: ${m0.warning}`);
  if (m1.warning) warnings.push(`${m1.symbol}: ${m1.warning}`);
  const asset = (m: TokenMetadata, amount: bigint) =>
    assetAmount(m.address, m.symbol, m.decimals, amount, priceOf(ctx, m.address));
  const isStaked = i.staked !== null;
  const kind = isStaked ? 'farming' : 'liquidity';
  const label = `CL${p.tickSpacing}-${m0.symbol}/${m1.symbol}`;
  const pool = now.pools.get(p.pool);
  const state = pool?.ok ? pool.value : null;
  const closed = p.liquidity === 0n;
  const status = state ? rangeStatus(state.tick, p.tickLower, p.tickUpper) : null;
  const lower0 = tickToPrice0(p.tickLower, m0.decimals, m1.decimals);
  const upper0 = tickToPrice0(p.tickUpper, m0.decimals, m1.decimals);
  const current0 = state ? priceOfToken0(state.sqrtPriceX96, m0.decimals, m1.decimals) : null;
  const feeApr: FeeAprInfo | null = isStaked
    ? null
    : {
        fromBlock: past.ok ? past.snapshot.block : null,
        toBlock: ctx.blockNumber,
        seconds: past.ok ? ctx.blockTimestamp - past.snapshot.timestamp : null,
        requestedSeconds: i.windowSeconds,
        earned0: null,
        earned1: null,
        note: past.ok ? past.note : null,
      };
  const details: SlipstreamPositionDetails = {
    type: VELODROME_ID,
    variant: 'slipstream',
    tokenId: p.tokenId,
    positionManager: i.d.positionManager,
    pool: p.pool,
    tickSpacing: p.tickSpacing,
    staked: isStaked,
    token0: token(m0),
    token1: token(m1),
    tickLower: p.tickLower,
    tickUpper: p.tickUpper,
    tickCurrent: state?.tick ?? null,
    sqrtPriceX96: state?.sqrtPriceX96 ?? null,
    liquidity: p.liquidity,
    rangeStatus: status,
    inRange: status === 'in-range' && !closed,
    closed,
    prices: {
      token0: {
        lower: formatFraction(lower0),
        upper: formatFraction(upper0),
        current: current0 ? formatFraction(current0) : null,
      },
      token1: {
        lower: formatFraction(invert(upper0)),
        upper: formatFraction(invert(lower0)),
        current: current0 ? formatFraction(invert(current0)) : null,
      },
      inBaseUnits: m0.decimals === null || m1.decimals === null,
    },
    gauge: null,
    gaugeFees: i.staked?.gaugeFees
      ? { amount0: i.staked.gaugeFees[0], amount1: i.staked.gaugeFees[1] }
      : null,
    feeApr,
    yieldNote: '',
    unreliableApr: null,
    explorerUrl: ctx.deployment.publicExplorer
      ? explorerPositionUrl(ctx.chainId, i.d.positionManager, p.tokenId)
      : null,
  };
  const base = {
    protocol: VELODROME_ID,
    kind,
    id: `${ctx.chainId}:${VELODROME_ID}:slipstream:${p.tokenId}`,
    label,
    details,
  } as const;

  const inside = closed || isStaked ? null : insideAt(now, p);
  if (!state || (inside !== null && !inside.ok)) {
    const why = !pool ? 'pool not read' : !pool.ok ? pool.error : inside && !inside.ok ? inside.error : '';
    details.yieldNote = 'unknown: the pool is unreadable';
    warnings.push(`CL pool ${p.pool} unreadable at block ${ctx.blockNumber}: ${why}`);
    return { ...base, assets: [], rewards: [], yield: null, warning: warnings.join('; ') };
  }
  const { amount0, amount1 } = positionAmounts({
    sqrtPriceX96: state.sqrtPriceX96,
    tickCurrent: state.tick,
    tickLower: p.tickLower,
    tickUpper: p.tickUpper,
    liquidity: p.liquidity,
  });
  const assets = [asset(m0, amount0), asset(m1, amount1)];
  const value = sumUsd(assets);

  if (!i.staked) {
    // Unstaked: trading fees only (uncollected fees from fee growth inside; APR over the past window).
    const { fees0, fees1 } = uncollectedFees({
      ...p,
      inside0X128: inside?.inside0 ?? 0n,
      inside1X128: inside?.inside1 ?? 0n,
    });
    const rewards = [asset(m0, fees0), asset(m1, fees1)];
    let y: YieldEstimate | null = null;
    const fa = feeApr as FeeAprInfo;
    const windowLabel = formatWindow(fa.seconds ?? BigInt(i.windowSeconds));
    if (closed) {
      details.yieldNote = 'closed: no liquidity, earns nothing';
      y = knownZeroYield(`closed: no liquidity at block ${ctx.blockNumber}`);
    } else if (status !== 'in-range') {
      details.yieldNote = 'out of range: earns no trading fees';
      y = knownZeroYield(
        `out of range at block ${ctx.blockNumber}: earns no fees (unstaked: no emissions either)`,
      );
    } else if (!past.ok) {
      details.yieldNote = `fee APR unknown: ${past.note}`;
      fa.note = `unavailable: ${past.note}`;
    } else if (inside?.ok) {
      const w = windowFees(inside, past.snapshot, p);
      if (!w.ok) {
        fa.note = w.note;
        details.yieldNote = `fee APR unknown: ${w.note}`;
      } else {
        fa.earned0 = w.earned0;
        fa.earned1 = w.earned1;
        const earned = sumUsd([asset(m0, w.earned0), asset(m1, w.earned1)]);
        const apr = earned === null || value === null ? null : annualise(earned, value, fa.seconds ?? 0n);
        if (apr === null) {
          details.yieldNote =
            earned === null || value === null
              ? 'fee APR unknown: a pool token has no usable USD price'
              : 'fee APR unknown: empty window or zero value';
          fa.note = details.yieldNote;
        } else {
          const source = `fee growth inside the range, blocks ${past.snapshot.block}–${ctx.blockNumber}${past.note ? ` (${past.note})` : ''}; unstaked: trading fees only, no emissions`;
          details.yieldNote = 'trading fees (base); an unstaked position earns no emissions';
          y = {
            baseApr: apr,
            rewardApr: 0,
            apy: null,
            compounds: false,
            window: windowLabel,
            source,
            components: [{ side: 'base', apr, label: 'trading fees', window: windowLabel, source }],
          };
        }
      }
    }
    return { ...base, assets, rewards, yield: y, warning: warnings.length > 0 ? warnings.join('; ') : null };
  }

  // Staked: emissions only, paid to staked liquidity in range (its trading fees go to the gauge's voters).
  const g = i.staked.gauge;
  const gaugeState = clGaugeState(g, ctx.blockTimestamp);
  const rt = g.rewardToken.ok ? i.meta(g.rewardToken.value) : null;
  if (rt?.warning) warnings.push(`reward token ${rt.symbol}: ${rt.warning}`);
  const stakedLiquidity = g.stakedLiquidity.ok ? g.stakedLiquidity.value : null;
  const stakedUsd =
    stakedLiquidity !== null && value !== null
      ? clStakedValueUsdE18({ stakedLiquidity, liquidity: p.liquidity, positionValueUsdE18: value })
      : null;
  const gauge: GaugeInfo = {
    address: g.address,
    alive: g.alive.ok ? g.alive.value : true,
    state: gaugeState,
    rewardToken: rt ? token(rt) : null,
    rewardRate: g.rewardRate.ok ? g.rewardRate.value : null,
    periodFinish: g.periodFinish.ok ? g.periodFinish.value : null,
    totalSupply: stakedLiquidity,
    stakedUsdE18: stakedUsd,
  };
  details.gauge = gauge;
  const rewards = g.rewardToken.ok && g.earned.ok && rt ? [asset(rt, g.earned.value)] : [];
  if (!g.earned.ok) warnings.push(`earned() of CL gauge ${g.address} failed: ${g.earned.error}`);
  const fromVoters = 'a staked position earns emissions only (its trading fees go to voters)';
  const at = `block ${ctx.blockNumber}`;
  let y: YieldEstimate | null = null;
  if (gaugeState === 'unreadable') {
    details.yieldNote = `emissions APR unknown: CL gauge ${g.address} unreadable`;
    warnings.push(details.yieldNote);
  } else if (gaugeState === 'killed') {
    details.yieldNote =
      'gauge killed by the Voter: no new emissions, and staked positions earn no trading fees';
    y = knownZeroYield(`${details.yieldNote} (${at})`);
  } else if (gaugeState === 'no-emissions') {
    details.yieldNote = 'gauge has no emissions (reward rate 0)';
    y = knownZeroYield(`${details.yieldNote}; ${fromVoters} (${at})`);
  } else if (gaugeState === 'period-ended') {
    details.yieldNote = `reward period ended on ${dateOf(gauge.periodFinish ?? 0n)}: no emissions since`;
    y = knownZeroYield(`${details.yieldNote}; ${fromVoters} (${at})`);
  } else if (closed) {
    details.yieldNote = 'closed: no liquidity, earns nothing';
    y = knownZeroYield(`closed: no liquidity at ${at}`);
  } else if (status !== 'in-range') {
    details.yieldNote = 'out of range: staked liquidity earns emissions only while in range';
    y = knownZeroYield(`out of range at ${at}: earns no emissions; ${fromVoters}`);
  } else if (!rt || !g.rewardToken.ok) {
    details.yieldNote = 'emissions APR unknown: reward token unreadable';
  } else if (stakedLiquidity === null) {
    details.yieldNote = `emissions APR unknown: stakedLiquidity() of pool ${p.pool} unreadable`;
  } else {
    const price = priceOf(ctx, rt.address);
    if (!price || price.usdE18 === null || price.status !== 'ok' || rt.decimals === null || value === null) {
      details.yieldNote =
        value === null
          ? 'emissions APR unknown: a pool token has no usable USD price'
          : rt.decimals === null
            ? `emissions APR unknown: reward token ${rt.symbol} has unusable decimals`
            : `emissions APR unknown: no usable price for reward token ${rt.symbol}${price?.reason ? ` (${price.reason})` : ''}`;
    } else if (stakedLiquidity < p.liquidity) {
      details.yieldNote = `emissions APR unknown: the pool reports less staked liquidity in range (${stakedLiquidity}) than this position holds (${p.liquidity})`;
      warnings.push(details.yieldNote);
    } else {
      const apr = clRewardApr({
        rewardRate: gauge.rewardRate ?? 0n,
        rewardPriceUsdE18: price.usdE18,
        rewardDecimals: rt.decimals,
        stakedLiquidity,
        liquidity: p.liquidity,
        positionValueUsdE18: value,
      });
      const staked = stakedUsd ?? 0n;
      if (apr === null) details.yieldNote = 'emissions APR unknown: nothing of value staked in range';
      else if (staked < TINY_STAKE_USD_E18) {
        details.unreliableApr = apr;
        details.yieldNote = `unreliable: tiny stake (${formatUsd(staked)} staked in range in the gauge, under $1,000): not counted`;
      } else {
        const source = `CL gauge rewardRate × 31,536,000 × ${price.label} ÷ value of the pool's staked liquidity in range (stakedLiquidity × this position's value per unit of liquidity), ${at}; ${fromVoters}`;
        const reward = { token: rt.address, symbol: rt.symbol, priceSource: price.label };
        details.yieldNote = 'emissions (reward); a staked position earns no trading fees';
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
