import type { Address } from 'viem';
import { Batch, call, chainMulticall, type Result } from '../../chains/multicall';
import { CHAINS, type ChainId } from '../../chains/registry';
import type { AssetAmount, ChainReadContext, Position, YieldEstimate } from '../../portfolio/types';
import { assetAmount } from '../../portfolio/value';
import { priceKey } from '../../prices/book';
import { addMetadataReads, erc20Abi } from '../../tokens/metadata';
import type { TokenMetadata } from '../../tokens/types';
import { positionManagerAbi } from './abi';
import { poolAddress, SUSHISWAP_V3_MAINNET, UNISWAP_V3_MAINNET, type V3Deployment } from './addresses';
import type { BlockPoint } from './history';
import { rememberPositionCount } from './lens';
import {
  annualise,
  type Fraction,
  feeTierLabel,
  formatFraction,
  formatWindow,
  invert,
  isValidTick,
  positionAmounts,
  priceOfToken0,
  rangeStatus,
  tickToPrice0,
  uncollectedFees,
} from './math';
import {
  addPoolReads,
  insideAt,
  type PastOutcome,
  type PoolSnapshot,
  pastSnapshot,
  windowFees,
} from './pool-state';
import {
  type FeeAprInfo,
  type PriceTriple,
  SUSHISWAP_V3_ID,
  UNISWAP_V3_ID,
  type UniswapV3PositionDetails,
} from './types';

export const DEFAULT_APR_WINDOW_SECONDS = 7 * 86_400;
/** Positions read per owner and deployment; beyond it the list says how many were left out. */
export const DEFAULT_MAX_POSITIONS = 500;

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

  {
    // Level 1: how many positions.
    const l1 = new Batch();
    const countRead = l1.add(call(npm, positionManagerAbi, 'balanceOf', [owner]));
    await l1.execute(client, at);
    const count = countRead();
    if (!count.ok) throw new Error(`position manager ${npm}: ${count.error}`);
    rememberPositionCount(chainId, npm, owner, count.value);
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
        : pastSnapshot(client, chainId, pastTicksByPool, head, windowSeconds),
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
    const window = windowFees(inside, past.snapshot, p);
    if (!window.ok) {
      feeApr.note = window.note;
    } else {
      const { earned0, earned1 } = window;
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

  return {
    ...base,
    assets,
    rewards,
    yield: yieldEstimate,
    warning: warnings.length > 0 ? warnings.join('; ') : null,
  };
}

export const UNISWAP_V3: V3ProtocolSpec = {
  id: UNISWAP_V3_ID,
  name: 'Uniswap V3',
  manifestPrefix: 'UniswapV3',
  mainnet: UNISWAP_V3_MAINNET,
};

export const SUSHISWAP_V3: V3ProtocolSpec = {
  id: SUSHISWAP_V3_ID,
  name: 'SushiSwap V3',
  manifestPrefix: 'SushiSwapV3',
  mainnet: SUSHISWAP_V3_MAINNET,
};
