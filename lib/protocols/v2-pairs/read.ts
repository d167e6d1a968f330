import type { Address } from 'viem';
import { type Batch, call, type Result } from '../../chains/multicall';
import type { AssetAmount, YieldComponent } from '../../portfolio/types';
import { assetAmount } from '../../portfolio/value';
import { annualisedGrowth } from '../../portfolio/yield';
import { priceKey } from '../../prices/book';
import { noFeedReading } from '../../prices/reading';
import type { PriceReading } from '../../prices/types';
import type { TokenMetadata } from '../../tokens/types';
import { camelotPairAbi, pairAbi, syncSwapPoolAbi, v2OracleAbi } from './abi';
import {
  type AccumulatorPoint,
  type Curve,
  curveLabel,
  invariantPerShareGrowth,
  lpAmounts,
  type PoolPoint,
  twap,
} from './math';
import { windowLabel } from './past';
import { impliedReading, impliedUsdE18, type PoolImpliedPrice } from './pricing';

/** Which protocol's pool a pair is, for the reads that tell its curve. */
export type PairFlavor = 'camelot' | 'syncswap';

/** A pool's state at one block. */
export interface PairState {
  pair: Address;
  token0: Address;
  token1: Address;
  reserve0: bigint;
  reserve1: bigint;
  totalSupply: bigint;
  /** Uniswap V2 accumulators, when the pool has them (Camelot and SyncSwap pools do not). */
  oracle: Omit<AccumulatorPoint, 'timestamp'> | null;
  /** Camelot: `stableSwap()`; SyncSwap: `poolType()` and precision multipliers. Null where the pool has no such read. */
  stableSwap: boolean | null;
  poolType: number | null;
  multipliers: readonly [bigint, bigint] | null;
}

/** Reads that tell a pool's state at one block; the accessor fails when the pool is not a readable pool. */
export function addPairStateReads(batch: Batch, pair: Address, flavor: PairFlavor): () => Result<PairState> {
  const t0 = batch.add(call(pair, pairAbi, 'token0'));
  const t1 = batch.add(call(pair, pairAbi, 'token1'));
  const snapshot = addPairSnapshotReads(batch, pair);
  const stable = flavor === 'camelot' ? batch.add(call(pair, camelotPairAbi, 'stableSwap')) : null;
  const poolType = flavor === 'syncswap' ? batch.add(call(pair, syncSwapPoolAbi, 'poolType')) : null;
  const m0 =
    flavor === 'syncswap' ? batch.add(call(pair, syncSwapPoolAbi, 'token0PrecisionMultiplier')) : null;
  const m1 =
    flavor === 'syncswap' ? batch.add(call(pair, syncSwapPoolAbi, 'token1PrecisionMultiplier')) : null;
  return () => {
    const a = t0();
    const b = t1();
    const s = snapshot();
    if (!a.ok) return { ok: false, error: `token0(): ${a.error}` };
    if (!b.ok) return { ok: false, error: `token1(): ${b.error}` };
    if (!s.ok) return s;
    const st = stable?.();
    const pt = poolType?.();
    const x0 = m0?.();
    const x1 = m1?.();
    return {
      ok: true,
      value: {
        pair,
        token0: a.value,
        token1: b.value,
        ...s.value,
        stableSwap: st?.ok ? st.value : null,
        poolType: pt?.ok ? pt.value : null,
        multipliers: x0?.ok && x1?.ok ? [x0.value, x1.value] : null,
      },
    };
  };
}

export type PairSnapshot = Pick<PairState, 'reserve0' | 'reserve1' | 'totalSupply' | 'oracle'>;

/** Reserves, supply and (where present) accumulators: what is compared across two blocks. */
export function addPairSnapshotReads(batch: Batch, pair: Address): () => Result<PairSnapshot> {
  const reserves = batch.add(call(pair, pairAbi, 'getReserves'));
  const supply = batch.add(call(pair, pairAbi, 'totalSupply'));
  const v2 = batch.add(call(pair, v2OracleAbi, 'getReserves'));
  const c0 = batch.add(call(pair, v2OracleAbi, 'price0CumulativeLast'));
  const c1 = batch.add(call(pair, v2OracleAbi, 'price1CumulativeLast'));
  return () => {
    const r = reserves();
    const s = supply();
    if (!r.ok) return { ok: false, error: `getReserves(): ${r.error}` };
    if (!s.ok) return { ok: false, error: `totalSupply(): ${s.error}` };
    const o = v2();
    const p0 = c0();
    const p1 = c1();
    const oracle =
      o.ok && p0.ok && p1.ok
        ? {
            reserve0: o.value[0],
            reserve1: o.value[1],
            blockTimestampLast: BigInt(o.value[2]),
            price0CumulativeLast: p0.value,
            price1CumulativeLast: p1.value,
          }
        : null;
    return { ok: true, value: { reserve0: r.value[0], reserve1: r.value[1], totalSupply: s.value, oracle } };
  };
}

/** The curve a pool's invariant follows, from what the pool says about itself. */
export function pairCurve(
  state: PairState,
  meta0: TokenMetadata | undefined,
  meta1: TokenMetadata | undefined,
): Curve | null {
  if (state.stableSwap === true) {
    if (meta0?.decimals == null || meta1?.decimals == null) return null;
    return { kind: 'camelot-stable', decimals0: meta0.decimals, decimals1: meta1.decimals };
  }
  if (state.poolType === 2) {
    if (!state.multipliers) return null;
    return { kind: 'syncswap-stable', multiplier0: state.multipliers[0], multiplier1: state.multipliers[1] };
  }
  return { kind: 'constant-product' };
}

export interface BlockStamp {
  block: bigint;
  timestamp: bigint;
}

/**
 * Pool-implied prices of tokens without a feed: for each such token, the pool (among those read) whose
 * priced side is deepest, at the pool's TWAP between the two read blocks. Only pools with Uniswap V2
 * accumulators at both blocks qualify.
 */
export function poolImpliedPrices(
  pools: readonly { now: PairState; past: PairSnapshot | null }[],
  metadata: ReadonlyMap<string, TokenMetadata>,
  prices: ReadonlyMap<string, PriceReading>,
  now: BlockStamp,
  past: BlockStamp | null,
): Map<string, PoolImpliedPrice> {
  const out = new Map<string, PoolImpliedPrice>();
  if (!past) return out;
  for (const { now: s, past: p } of pools) {
    if (!s.oracle || !p?.oracle) continue;
    const avg = twap({ ...p.oracle, timestamp: past.timestamp }, { ...s.oracle, timestamp: now.timestamp });
    if (!avg) continue;
    for (const [token, quote, twapX112, quoteReserve] of [
      [s.token0, s.token1, avg.price0X112, s.reserve1],
      [s.token1, s.token0, avg.price1X112, s.reserve0],
    ] as const) {
      const own = prices.get(priceKey(token));
      if (own?.status === 'ok') continue;
      const q = prices.get(priceKey(quote));
      const mt = metadata.get(priceKey(token));
      const mq = metadata.get(priceKey(quote));
      if (q?.status !== 'ok' || q.usdE18 === null || mt?.decimals == null || mq?.decimals == null) continue;
      const pricedSideUsdE18 = (quoteReserve * q.usdE18) / 10n ** BigInt(mq.decimals);
      const prior = out.get(priceKey(token));
      if (prior && prior.pricedSideUsdE18 >= pricedSideUsdE18) continue;
      out.set(priceKey(token), {
        token,
        pool: s.pair,
        usdE18: impliedUsdE18(twapX112, mt.decimals, mq.decimals, q.usdE18),
        pricedSideUsdE18,
        label: `pool-implied: ${mt.symbol}/${mq.symbol} TWAP, blocks ${past.block}–${now.block} (${windowLabel(now.timestamp - past.timestamp)}), × ${q.label}`,
      });
    }
  }
  return out;
}

/** An amount of a token, at its feed price or, failing that, at its pool-implied price if deep enough. */
export function pricedAmount(
  token: Address,
  amount: bigint,
  metadata: ReadonlyMap<string, TokenMetadata>,
  prices: ReadonlyMap<string, PriceReading>,
  implied: ReadonlyMap<string, PoolImpliedPrice>,
): AssetAmount {
  const meta = metadata.get(priceKey(token));
  const symbol = meta?.symbol ?? `${token.slice(0, 6)}…${token.slice(-4)}`;
  const decimals = meta?.decimals ?? null;
  const feed = prices.get(priceKey(token));
  const reading =
    feed && feed.status !== 'no-feed'
      ? feed
      : impliedReading(implied.get(priceKey(token)), symbol, amount, decimals, feed ?? noFeedReading(symbol));
  return assetAmount(token, symbol, decimals, amount, reading);
}

/** The two amounts an LP balance stands for (reserve × balance ÷ supply), each priced. Null on zero supply. */
export function lpAssets(
  state: PairState,
  balance: bigint,
  metadata: ReadonlyMap<string, TokenMetadata>,
  prices: ReadonlyMap<string, PriceReading>,
  implied: ReadonlyMap<string, PoolImpliedPrice>,
): AssetAmount[] | null {
  const amounts = lpAmounts(state.reserve0, state.reserve1, balance, state.totalSupply);
  if (!amounts) return null;
  return [
    pricedAmount(state.token0, amounts.amount0, metadata, prices, implied),
    pricedAmount(state.token1, amounts.amount1, metadata, prices, implied),
  ];
}

/** USD value of the whole pool (both reserves), or null when a side is unpriced. */
export function poolUsdE18(
  state: PairState,
  metadata: ReadonlyMap<string, TokenMetadata>,
  prices: ReadonlyMap<string, PriceReading>,
  implied: ReadonlyMap<string, PoolImpliedPrice>,
): bigint | null {
  const [a, b] = [
    pricedAmount(state.token0, state.reserve0, metadata, prices, implied),
    pricedAmount(state.token1, state.reserve1, metadata, prices, implied),
  ];
  return a.usdE18 === null || b.usdE18 === null ? null : a.usdE18 + b.usdE18;
}

/** The base (fee) yield of a share of the pool: invariant growth per LP share between two blocks, annualised. */
export function invariantBaseComponent(
  curve: Curve,
  now: PairState,
  nowStamp: BlockStamp,
  past: PairSnapshot | null,
  pastStamp: BlockStamp | null,
  pastNote: string | null,
): { ok: true; component: YieldComponent } | { ok: false; reason: string } {
  if (!past || !pastStamp)
    return { ok: false, reason: `no past state to measure fee growth: ${pastNote ?? 'unknown'}` };
  const a: PoolPoint = { ...past, timestamp: pastStamp.timestamp };
  const b: PoolPoint = { ...now, timestamp: nowStamp.timestamp };
  const ratio = invariantPerShareGrowth(curve, a, b);
  const seconds = Number(nowStamp.timestamp - pastStamp.timestamp);
  const apr = ratio === null ? null : annualisedGrowth(ratio, seconds);
  if (apr === null)
    return { ok: false, reason: 'the pool had no supply at one of the two blocks, or the window is empty' };
  const window = windowLabel(nowStamp.timestamp - pastStamp.timestamp);
  return {
    ok: true,
    component: {
      side: 'base',
      apr,
      label: 'swap fees kept in the pool',
      window,
      source: `growth of the pool's invariant ${curveLabel(curve)} per LP share, blocks ${pastStamp.block}–${nowStamp.block}${pastNote ? ` (${pastNote})` : ''}`,
    },
  };
}
