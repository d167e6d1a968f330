import type { Address } from 'viem';
import type { ReadClient } from '../../chains/client';
import {
  Batch,
  call,
  chainMulticall,
  errorMessage,
  multicall3Abi,
  type Result,
} from '../../chains/multicall';
import { CHAINS, type ChainId } from '../../chains/registry';
import type { AssetAmount, ChainReadContext, Position, YieldEstimate } from '../../portfolio/types';
import { assetAmount } from '../../portfolio/value';
import { priceKey } from '../../prices/book';
import { addMetadataReads, erc20Abi } from '../../tokens/metadata';
import type { TokenMetadata } from '../../tokens/types';
import { poolAbi, positionManagerAbi } from './abi';
import { poolAddress, SUSHISWAP_V3_MAINNET, UNISWAP_V3_MAINNET, type V3Deployment } from './addresses';
import { type BlockPoint, estimateBlockAt, type LocateResult, locateBlock } from './history';
import {
  annualise,
  type Fraction,
  feeGrowthInside,
  feesEarned,
  feeTierLabel,
  formatFraction,
  formatWindow,
  invert,
  isValidTick,
  positionAmounts,
  priceOfToken0,
  rangeStatus,
  subWrap256,
  type TickFeeGrowth,
  tickToPrice0,
  uncollectedFees,
} from './math';
import type { FeeAprInfo, PriceTriple, UniswapV3PositionDetails } from './types';

export const DEFAULT_APR_WINDOW_SECONDS = 7 * 86_400;
/** Positions read per owner and deployment; beyond it the list says how many were left out. */
export const DEFAULT_MAX_POSITIONS = 500;
/** Narrower windows tried, widest first, when the RPC cannot serve state from the requested past block. */
export const FALLBACK_WINDOWS_SECONDS = [86_400, 21_600, 3_600, 600] as const;

/** First guess of a chain's block time (the registry's), only to place the past-block search's first probe. */
const guessSecondsPerBlock = (chainId: ChainId) => CHAINS[chainId].blockTimeMs / 1000;

export interface V3ProtocolSpec {
  /** Protocol id in positions and the registry: 'uniswap-v3', 'sushiswap-v3'. */
  id: string;
  name: string;
  /** Manifest names on the devnet: `${prefix}Factory`, `${prefix}NonfungiblePositionManager`. */
  manifestPrefix: string;
  mainnet: Partial<Record<ChainId, V3Deployment>>;
}

export interface V3ReadOptions {
  windowSeconds?: number;
  maxPositions?: number;
}

type PositionTuple = readonly [
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
type Slot0 = readonly [bigint, number, number, number, number, number, boolean];
type TickInfo = readonly [bigint, bigint, bigint, bigint, bigint, bigint, number, boolean];

interface RawPosition {
  tokenId: bigint;
  token0: Address;
  token1: Address;
  fee: number;
  tickLower: number;
  tickUpper: number;
  liquidity: bigint;
  feeGrowthInside0LastX128: bigint;
  feeGrowthInside1LastX128: bigint;
  tokensOwed0: bigint;
  tokensOwed1: bigint;
  pool: Address;
}

interface PoolState {
  sqrtPriceX96: bigint;
  tick: number;
  feeGrowthGlobal0X128: bigint;
  feeGrowthGlobal1X128: bigint;
}

/** Pool state at one block: per pool, and per (pool, tick). */
interface PoolSnapshot {
  pools: Map<Address, Result<PoolState>>;
  ticks: Map<string, Result<TickInfo>>;
}

interface PastSnapshot extends PoolSnapshot {
  block: bigint;
  timestamp: bigint;
}

type PastOutcome = { ok: true; snapshot: PastSnapshot; note: string | null } | { ok: false; note: string };

const tickKey = (pool: Address, tick: number) => `${pool}:${tick}`;

/** Adds the pool-state reads (slot0, fee growth, the given ticks) of several pools to a batch. */
function addPoolReads(
  batch: Batch,
  ticksByPool: ReadonlyMap<Address, ReadonlySet<number>>,
): () => PoolSnapshot {
  const pools = [...ticksByPool.entries()].map(([pool, ticks]) => ({
    pool,
    slot0: batch.add(call(pool, poolAbi, 'slot0')),
    global0: batch.add(call(pool, poolAbi, 'feeGrowthGlobal0X128')),
    global1: batch.add(call(pool, poolAbi, 'feeGrowthGlobal1X128')),
    ticks: [...ticks].map((tick) => ({ tick, info: batch.add(call(pool, poolAbi, 'ticks', [tick])) })),
  }));
  return () => {
    const snapshot: PoolSnapshot = { pools: new Map(), ticks: new Map() };
    for (const p of pools) {
      const slot0 = p.slot0();
      const g0 = p.global0();
      const g1 = p.global1();
      const failed = [slot0, g0, g1].find((r) => !r.ok);
      if (failed && !failed.ok) snapshot.pools.set(p.pool, { ok: false, error: failed.error });
      else if (slot0.ok && g0.ok && g1.ok) {
        const s: Slot0 = slot0.value;
        snapshot.pools.set(p.pool, {
          ok: true,
          value: {
            sqrtPriceX96: s[0],
            tick: s[1],
            feeGrowthGlobal0X128: g0.value,
            feeGrowthGlobal1X128: g1.value,
          },
        });
      }
      for (const t of p.ticks) snapshot.ticks.set(tickKey(p.pool, t.tick), t.info());
    }
    return snapshot;
  };
}

function tickGrowth(info: TickInfo): TickFeeGrowth {
  return { feeGrowthOutside0X128: info[2], feeGrowthOutside1X128: info[3] };
}

/** Fee growth inside a position's range in a snapshot, or why it cannot be computed there. */
function insideAt(
  snapshot: PoolSnapshot,
  p: RawPosition,
): { ok: true; inside0: bigint; inside1: bigint } | { ok: false; error: string } {
  const pool = snapshot.pools.get(p.pool);
  const lower = snapshot.ticks.get(tickKey(p.pool, p.tickLower));
  const upper = snapshot.ticks.get(tickKey(p.pool, p.tickUpper));
  if (!pool?.ok) return { ok: false, error: pool ? pool.error : 'pool not read' };
  if (!lower?.ok || !upper?.ok) return { ok: false, error: 'tick state unreadable' };
  if (!lower.value[7] || !upper.value[7]) return { ok: false, error: 'range ticks not initialized' };
  const { inside0X128, inside1X128 } = feeGrowthInside(
    p.tickLower,
    p.tickUpper,
    pool.value.tick,
    pool.value.feeGrowthGlobal0X128,
    pool.value.feeGrowthGlobal1X128,
    tickGrowth(lower.value),
    tickGrowth(upper.value),
  );
  return { ok: true, inside0: inside0X128, inside1: inside1X128 };
}

async function readPast(
  client: ReadClient,
  multicall3: Address,
  ticksByPool: ReadonlyMap<Address, ReadonlySet<number>>,
  block: bigint,
): Promise<PastSnapshot> {
  const batch = new Batch();
  const timestamp = batch.add(call(multicall3, multicall3Abi, 'getCurrentBlockTimestamp'));
  const pools = addPoolReads(batch, ticksByPool);
  await batch.execute(client, { multicall3, blockNumber: block });
  const ts = timestamp();
  if (!ts.ok) throw new Error(`no state at block ${block}: ${ts.error}`);
  return { ...pools(), block, timestamp: ts.value };
}

/**
 * Pool state at a block about `windowSeconds` before the pinned one. When the RPC cannot serve that
 * block's state (a pruned node), narrower windows are tried at once and the widest that works is used.
 */
async function pastSnapshot(
  client: ReadClient,
  chainId: ChainId,
  ticksByPool: ReadonlyMap<Address, ReadonlySet<number>>,
  located: Result<LocateResult>,
  head: BlockPoint,
  windowSeconds: number,
): Promise<PastOutcome> {
  const multicall3 = CHAINS[chainId].multicall3;
  if (!located.ok) return { ok: false, note: `past blocks unreadable: ${located.error}` };
  const best = located.value.best;
  if (!best) return { ok: false, note: 'no block before the pinned one' };
  const wanted = formatWindow(BigInt(windowSeconds));
  let firstError: string;
  try {
    const snapshot = await readPast(client, multicall3, ticksByPool, best.number);
    const short = head.timestamp - best.timestamp < BigInt(windowSeconds) / 2n;
    return { ok: true, snapshot, note: short ? `the chain has no block ${wanted} back` : null };
  } catch (error) {
    firstError = errorMessage(error);
  }
  const guess = guessSecondsPerBlock(chainId);
  const attempts = await Promise.all(
    FALLBACK_WINDOWS_SECONDS.filter((w) => w < windowSeconds).map(async (w) => {
      const block = estimateBlockAt(located.value.points, head.timestamp - BigInt(w), guess);
      if (block >= head.number) return null;
      try {
        return await readPast(client, multicall3, ticksByPool, block);
      } catch {
        return null;
      }
    }),
  );
  const widest = attempts.find((a): a is PastSnapshot => a !== null);
  if (!widest) return { ok: false, note: `the RPC serves no past state (${firstError})` };
  return {
    ok: true,
    snapshot: widest,
    note: `state from ${wanted} back is not available from this RPC (${firstError}); widest window it served`,
  };
}

/** A USD value, null when the token has no usable price or unknown decimals. */
function usdOf(asset: AssetAmount): bigint | null {
  return asset.amount === 0n ? 0n : asset.usdE18;
}

function priceTriple(lower: Fraction, upper: Fraction, current: Fraction | null): PriceTriple {
  return {
    lower: formatFraction(lower),
    upper: formatFraction(upper),
    current: current === null ? null : formatFraction(current),
  };
}

export function explorerPositionUrl(chainId: ChainId, positionManager: Address, tokenId: bigint): string {
  const base = CHAINS[chainId].explorerUrl;
  // Etherscan-family explorers (Optimism, Arbitrum) have an NFT page; zkSync Era's explorer shows the contract.
  if (CHAINS[chainId].feeModel === 'zksync') return `${base}/address/${positionManager}`;
  return `${base}/nft/${positionManager}/${tokenId}`;
}

/**
 * Reads every position `ctx.owner` holds in one V3 position manager, at `ctx.blockNumber`. Sequential
 * round trips, whatever the number of positions (each level is one multicall, chunks sent concurrently):
 *   1. balanceOf   2. tokenOfOwnerByIndex (all)   3. positions (all)
 *   4. pool state (slot0, fee growth, range ticks, token metadata, pool balances) at the pinned block,
 *      and the same at the past block, concurrently.
 * Pool addresses are derived (CREATE2), not read. The past block is located with block headers while
 * levels 1–3 run; only if the RPC cannot serve its state does a fifth level try narrower windows.
 */
export async function readV3Positions(
  ctx: ChainReadContext,
  protocol: string,
  deployment: V3Deployment,
  options: V3ReadOptions = {},
): Promise<Position[]> {
  const { client, chainId, owner, blockNumber, blockTimestamp } = ctx;
  const at = chainMulticall(chainId, blockNumber);
  const npm = deployment.positionManager;
  const windowSeconds = options.windowSeconds ?? DEFAULT_APR_WINDOW_SECONDS;
  const maxPositions = BigInt(options.maxPositions ?? DEFAULT_MAX_POSITIONS);
  const head: BlockPoint = { number: blockNumber, timestamp: blockTimestamp };
  const positionId = (x: string) => `${chainId}:${protocol}:${x}`;

  let searchNeeded = true;
  const search: Promise<Result<LocateResult>> = locateBlock(
    async (n) => (await client.getBlock({ blockNumber: n })).timestamp,
    {
      head,
      targetTimestamp: blockTimestamp - BigInt(windowSeconds),
      guessSecondsPerBlock: guessSecondsPerBlock(chainId),
      toleranceSeconds: BigInt(Math.max(60, Math.floor(windowSeconds / 500))),
      maxRounds: 4,
      isCancelled: () => !searchNeeded,
    },
  ).then(
    (value) => ({ ok: true as const, value }),
    (error: unknown) => ({ ok: false as const, error: errorMessage(error) }),
  );

  try {
    // Level 1: how many positions.
    const l1 = new Batch();
    const countRead = l1.add(call(npm, positionManagerAbi, 'balanceOf', [owner]));
    await l1.execute(client, at);
    const count = countRead();
    if (!count.ok) throw new Error(`position manager ${npm}: ${count.error}`);
    if (count.value === 0n) return [];
    const n = count.value < maxPositions ? count.value : maxPositions;

    // Positions keep the manager's enumeration order, broken ones included; the truncation notice comes last.
    const order = new Map<string, number>();
    const broken: Position[] = [];
    const brokenItem = (id: string, label: string, warning: string): Position => ({
      protocol,
      kind: 'liquidity',
      id: positionId(id),
      label,
      assets: [],
      rewards: [],
      yield: null,
      warning,
    });
    if (count.value > n) {
      broken.push(
        brokenItem(
          'truncated',
          `${count.value - n} more positions`,
          `${count.value} positions held; only the first ${n} were read`,
        ),
      );
    }

    // Level 2: their ids.
    const l2 = new Batch();
    const idReads = Array.from({ length: Number(n) }, (_, i) =>
      l2.add(call(npm, positionManagerAbi, 'tokenOfOwnerByIndex', [owner, BigInt(i)])),
    );
    await l2.execute(client, at);
    const ids: bigint[] = [];
    idReads.forEach((read, i) => {
      const r = read();
      order.set(r.ok ? positionId(`${r.value}`) : positionId(`index-${i}`), i);
      if (r.ok) ids.push(r.value);
      else
        broken.push(
          brokenItem(`index-${i}`, `position #${i + 1}`, `tokenOfOwnerByIndex(${i}) failed: ${r.error}`),
        );
    });

    // Level 3: the positions.
    const l3 = new Batch();
    const positionReads = ids.map((tokenId) => ({
      tokenId,
      read: l3.add(call(npm, positionManagerAbi, 'positions', [tokenId])),
    }));
    await l3.execute(client, at);
    const raws: RawPosition[] = [];
    for (const { tokenId, read } of positionReads) {
      const r = read();
      if (!r.ok) {
        broken.push(brokenItem(`${tokenId}`, `#${tokenId}`, `positions(${tokenId}) failed: ${r.error}`));
        continue;
      }
      const t: PositionTuple = r.value;
      const [, , token0, token1, fee, tickLower, tickUpper, liquidity] = t;
      if (!isValidTick(tickLower) || !isValidTick(tickUpper) || tickLower >= tickUpper) {
        broken.push(
          brokenItem(
            `${tokenId}`,
            `#${tokenId}`,
            `positions(${tokenId}) returned an invalid range [${tickLower}, ${tickUpper}]`,
          ),
        );
        continue;
      }
      raws.push({
        tokenId,
        token0,
        token1,
        fee,
        tickLower,
        tickUpper,
        liquidity,
        feeGrowthInside0LastX128: t[8],
        feeGrowthInside1LastX128: t[9],
        tokensOwed0: t[10],
        tokensOwed1: t[11],
        pool: poolAddress(deployment.factory, deployment.pool, token0, token1, fee),
      });
    }

    // Level 4: pool state now and at the past block; token metadata; what each pool holds.
    const ticksByPool = new Map<Address, Set<number>>();
    const pastTicksByPool = new Map<Address, Set<number>>();
    for (const p of raws) {
      // A closed position's ticks may be gone; its fees are what the manager already owes, so only the pool
      // itself (for the price) is read for it.
      const ticks = ticksByPool.get(p.pool) ?? new Set<number>();
      ticksByPool.set(p.pool, ticks);
      if (p.liquidity === 0n) continue;
      ticks.add(p.tickLower).add(p.tickUpper);
      const pastTicks = pastTicksByPool.get(p.pool) ?? new Set<number>();
      pastTicksByPool.set(p.pool, pastTicks.add(p.tickLower).add(p.tickUpper));
    }
    const l4 = new Batch();
    const current = addPoolReads(l4, ticksByPool);
    const tokens = new Map<Address, () => TokenMetadata>();
    const poolBalances = new Map<string, () => Result<bigint>>();
    for (const p of raws) {
      for (const token of [p.token0, p.token1]) {
        if (!tokens.has(token)) tokens.set(token, addMetadataReads(l4, token));
        const key = `${p.pool}:${token}`;
        if (!poolBalances.has(key))
          poolBalances.set(key, l4.add(call(token, erc20Abi, 'balanceOf', [p.pool])));
      }
    }
    const [, past] = await Promise.all([
      l4.execute(client, at),
      pastTicksByPool.size === 0
        ? Promise.resolve<PastOutcome>({ ok: false, note: 'no open position' })
        : search.then((located) =>
            pastSnapshot(client, chainId, pastTicksByPool, located, head, windowSeconds),
          ),
    ]);
    const now = current();

    const metadata = (token: Address): TokenMetadata => {
      const read = tokens.get(token);
      // Every token of `raws` was added to `tokens` above.
      if (!read) throw new Error(`metadata of ${token} not read`);
      return read();
    };

    const positions = raws.map((p) =>
      buildPosition({
        ctx,
        protocol,
        positionManager: npm,
        raw: p,
        meta0: metadata(p.token0),
        meta1: metadata(p.token1),
        now,
        past,
        windowSeconds,
        poolBalance0: poolBalances.get(`${p.pool}:${p.token0}`)?.() ?? null,
        poolBalance1: poolBalances.get(`${p.pool}:${p.token1}`)?.() ?? null,
        id: positionId(`${p.tokenId}`),
      }),
    );
    const rank = (p: Position) => order.get(p.id) ?? Number.MAX_SAFE_INTEGER;
    return [...positions, ...broken].sort((a, b) => rank(a) - rank(b));
  } finally {
    searchNeeded = false;
    // Wait for a probe still in flight, so no request outlives the read.
    await search;
  }
}

interface BuildInput {
  ctx: ChainReadContext;
  protocol: string;
  positionManager: Address;
  raw: RawPosition;
  meta0: TokenMetadata;
  meta1: TokenMetadata;
  now: PoolSnapshot;
  past: PastOutcome;
  windowSeconds: number;
  poolBalance0: Result<bigint> | null;
  poolBalance1: Result<bigint> | null;
  id: string;
}

function buildPosition(input: BuildInput): Position {
  const { ctx, raw: p, meta0, meta1, now, past } = input;
  const warnings: string[] = [];
  if (meta0.warning) warnings.push(`${meta0.symbol}: ${meta0.warning}`);
  if (meta1.warning) warnings.push(`${meta1.symbol}: ${meta1.warning}`);
  const feeLabel = feeTierLabel(p.fee);
  const label = `${meta0.symbol}/${meta1.symbol} ${feeLabel}`;
  const price0 = ctx.prices.get(priceKey(p.token0));
  const price1 = ctx.prices.get(priceKey(p.token1));
  const asset = (meta: TokenMetadata, amount: bigint, price: typeof price0) =>
    assetAmount(meta.address, meta.symbol, meta.decimals, amount, price);

  const inBaseUnits = meta0.decimals === null || meta1.decimals === null;
  const lower0 = tickToPrice0(p.tickLower, meta0.decimals, meta1.decimals);
  const upper0 = tickToPrice0(p.tickUpper, meta0.decimals, meta1.decimals);
  const pool = now.pools.get(p.pool);
  const state = pool?.ok ? pool.value : null;
  const current0 = state ? priceOfToken0(state.sqrtPriceX96, meta0.decimals, meta1.decimals) : null;
  const closed = p.liquidity === 0n;
  const status = state ? rangeStatus(state.tick, p.tickLower, p.tickUpper) : null;

  const feeApr: FeeAprInfo = {
    fromBlock: past.ok ? past.snapshot.block : null,
    toBlock: ctx.blockNumber,
    seconds: past.ok ? ctx.blockTimestamp - past.snapshot.timestamp : null,
    requestedSeconds: input.windowSeconds,
    earned0: null,
    earned1: null,
    note: past.ok ? past.note : null,
  };
  const details: UniswapV3PositionDetails = {
    type: 'uniswap-v3',
    dex: input.protocol,
    tokenId: p.tokenId,
    positionManager: input.positionManager,
    pool: p.pool,
    fee: p.fee,
    feeLabel,
    token0: { address: p.token0, symbol: meta0.symbol, decimals: meta0.decimals },
    token1: { address: p.token1, symbol: meta1.symbol, decimals: meta1.decimals },
    tickLower: p.tickLower,
    tickUpper: p.tickUpper,
    tickCurrent: state?.tick ?? null,
    sqrtPriceX96: state?.sqrtPriceX96 ?? null,
    liquidity: p.liquidity,
    rangeStatus: status,
    inRange: status === 'in-range' && !closed,
    closed,
    prices: {
      token0: priceTriple(lower0, upper0, current0),
      token1: priceTriple(invert(upper0), invert(lower0), current0 ? invert(current0) : null),
      inBaseUnits,
    },
    feeApr,
    explorerUrl: ctx.deployment.publicExplorer
      ? explorerPositionUrl(ctx.chainId, input.positionManager, p.tokenId)
      : null,
  };
  const base = {
    protocol: input.protocol,
    kind: 'liquidity' as const,
    id: input.id,
    label,
    details,
  };

  // Fee growth inside the range; a closed position (no liquidity) accrues nothing beyond what is owed.
  const inside = closed ? null : insideAt(now, p);
  if (!state || (inside !== null && !inside.ok)) {
    const why = !pool ? 'pool not read' : !pool.ok ? pool.error : inside && !inside.ok ? inside.error : '';
    warnings.push(`pool ${p.pool} unreadable at block ${ctx.blockNumber}: ${why}`);
    // What a closed position is owed is recorded in the manager: it needs no pool state.
    const owed = closed ? [asset(meta0, p.tokensOwed0, price0), asset(meta1, p.tokensOwed1, price1)] : [];
    return { ...base, assets: [], rewards: owed, yield: null, warning: warnings.join('; ') };
  }

  const { amount0, amount1 } = positionAmounts({
    sqrtPriceX96: state.sqrtPriceX96,
    tickCurrent: state.tick,
    tickLower: p.tickLower,
    tickUpper: p.tickUpper,
    liquidity: p.liquidity,
  });
  const { fees0, fees1 } = uncollectedFees({
    ...p,
    inside0X128: inside?.inside0 ?? 0n,
    inside1X128: inside?.inside1 ?? 0n,
  });
  let assets = [asset(meta0, amount0, price0), asset(meta1, amount1, price1)];
  let rewards = [asset(meta0, fees0, price0), asset(meta1, fees1, price1)];

  // A position can never be worth more than its pool holds: if it claims to be, its numbers are not trusted.
  const held0 = input.poolBalance0;
  const held1 = input.poolBalance1;
  const exceeds =
    (held0?.ok === true && amount0 + fees0 > held0.value) ||
    (held1?.ok === true && amount1 + fees1 > held1.value);
  if (exceeds) {
    warnings.push(
      `amounts exceed what the pool holds (liquidity ${p.liquidity}): implausible position, value not counted`,
    );
    const untrusted = (a: AssetAmount): AssetAmount => ({ ...a, usdE18: null });
    assets = assets.map(untrusted);
    rewards = rewards.map(untrusted);
  }

  let yieldEstimate: YieldEstimate | null = null;
  const windowLabel =
    feeApr.seconds !== null ? formatWindow(feeApr.seconds) : formatWindow(BigInt(input.windowSeconds));
  if (exceeds) {
    feeApr.note = 'not computed for an implausible position';
  } else if (closed) {
    yieldEstimate = {
      baseApr: 0,
      rewardApr: 0,
      apy: 0,
      compounds: false,
      window: windowLabel,
      source: `closed: no liquidity at block ${ctx.blockNumber}`,
    };
  } else if (status !== 'in-range') {
    yieldEstimate = {
      baseApr: 0,
      rewardApr: 0,
      apy: 0,
      compounds: false,
      window: windowLabel,
      source: `out of range at block ${ctx.blockNumber}: earns no fees`,
    };
  } else if (!past.ok) {
    feeApr.note = `unavailable: ${past.note}`;
  } else if (inside?.ok) {
    const then = insideAt(past.snapshot, p);
    if (!then.ok) {
      feeApr.note =
        then.error === 'range ticks not initialized'
          ? `the range had no liquidity at block ${past.snapshot.block} (opened within the window)`
          : `fee growth unreadable at block ${past.snapshot.block}: ${then.error}`;
    } else {
      const half = 1n << 255n;
      if (
        subWrap256(inside.inside0, then.inside0) >= half ||
        subWrap256(inside.inside1, then.inside1) >= half
      ) {
        feeApr.note = 'fee growth inside the range went backwards over the window (ticks re-initialized)';
      } else {
        const earned0 = feesEarned(p.liquidity, inside.inside0, then.inside0);
        const earned1 = feesEarned(p.liquidity, inside.inside1, then.inside1);
        feeApr.earned0 = earned0;
        feeApr.earned1 = earned1;
        const e0 = usdOf(asset(meta0, earned0, price0));
        const e1 = usdOf(asset(meta1, earned1, price1));
        const v0 = usdOf(assets[0] as AssetAmount);
        const v1 = usdOf(assets[1] as AssetAmount);
        const seconds = feeApr.seconds ?? 0n;
        if (e0 === null || e1 === null || v0 === null || v1 === null) {
          const missing = [
            e0 === null || v0 === null ? meta0.symbol : null,
            e1 === null || v1 === null ? meta1.symbol : null,
          ]
            .filter((s) => s !== null)
            .join(', ');
          feeApr.note = `needs a USD price of ${missing}`;
        } else {
          const apr = annualise(e0 + e1, v0 + v1, seconds);
          if (apr === null) feeApr.note = 'position value is zero';
          else {
            // Fees accrue to the position but must be collected: they do not compound by themselves.
            yieldEstimate = {
              baseApr: apr,
              rewardApr: 0,
              apy: null,
              compounds: false,
              window: windowLabel,
              source: `fee growth, blocks ${past.snapshot.block}–${ctx.blockNumber}${past.note ? ` (${past.note})` : ''}`,
            };
          }
        }
      }
    }
  }

  return {
    ...base,
    assets,
    rewards,
    yield: yieldEstimate,
    warning: warnings.length > 0 ? warnings.join('; ') : null,
  };
}

export const UNISWAP_V3: V3ProtocolSpec = {
  id: 'uniswap-v3',
  name: 'Uniswap V3',
  manifestPrefix: 'UniswapV3',
  mainnet: UNISWAP_V3_MAINNET,
};

export const SUSHISWAP_V3: V3ProtocolSpec = {
  id: 'sushiswap-v3',
  name: 'SushiSwap V3',
  manifestPrefix: 'SushiSwapV3',
  mainnet: SUSHISWAP_V3_MAINNET,
};
