import { type Address, type ContractFunctionReturnType, getAddress, zeroAddress } from 'viem';
import { Batch, call, chainMulticall, type Result } from '../../chains/multicall';
import type {
  ChainReadContext,
  Position,
  ProtocolReadResult,
  ReceiptToken,
  YieldComponent,
  YieldEstimate,
} from '../../portfolio/types';
import { assetAmount } from '../../portfolio/value';
import { yieldFromComponents } from '../../portfolio/yield';
import { priceKey } from '../../prices/book';
import { noFeedReading } from '../../prices/reading';
import type { PriceReading } from '../../prices/types';
import { addMetadataReads, erc20Abi, SYMBOL_MAX, sanitizeText } from '../../tokens/metadata';
import type { TokenMetadata } from '../../tokens/types';
import {
  aaveOracleAbi,
  poolAbi,
  protocolDataProviderAbi,
  rewardsControllerAbi,
  uiPoolDataProviderAbi,
} from './abi';
import type { AaveV3Market } from './addresses';
import {
  apyFromRate,
  baseToUsdE18,
  baseValue,
  decodeReserveConfiguration,
  healthBand,
  incentiveAprRay,
  type NetApyInput,
  netApy,
  type ReserveIndexes,
  rayToNumber,
  stableDebtBalance,
  suppliedBalance,
  variableDebtBalance,
  WAD,
} from './math';
import {
  AAVE_V3_ID,
  type AaveV3Account,
  type AaveV3Health,
  type AaveV3Incentive,
  type AaveV3PositionDetails,
  type AaveV3ReserveFlags,
  type AaveV3ReserveNotice,
  type AaveV3Summary,
} from './types';

/** One reserve of the market, whichever read path produced it. */
interface Reserve {
  asset: Address;
  symbol: string;
  decimals: number;
  symbolWarning: string | null;
  ltv: bigint;
  liquidationThreshold: bigint;
  flags: AaveV3ReserveFlags;
  indexes: ReserveIndexes;
  aToken: Address;
  variableDebtToken: Address;
  priceInBase: bigint | null;
  priceError: string | null;
}

/** The account's balances in one reserve, in underlying units at the read block. */
interface UserReserve {
  asset: Address;
  supplied: bigint;
  variableDebt: bigint;
  stableDebt: bigint;
  stableRate: bigint;
  collateral: boolean;
}

interface MarketRead {
  source: AaveV3Summary['source'];
  reserves: Reserve[];
  user: UserReserve[];
  notices: AaveV3ReserveNotice[];
  warnings: string[];
  /** Reserves whose balances for this account could not be read. */
  userReadFailures: number;
}

const shortAddress = (a: Address) => `${a.slice(0, 6)}…${a.slice(-4)}`;

type LensReserves = ContractFunctionReturnType<typeof uiPoolDataProviderAbi, 'view', 'getReservesData'>;
type LensUser = ContractFunctionReturnType<typeof uiPoolDataProviderAbi, 'view', 'getUserReservesData'>;
type Lens = { reserves: () => Result<LensReserves>; user: () => Result<LensUser> };

/** Reserves and balances from UiPoolDataProviderV3 (one call each); balances from scaled ones. */
function fromLens(reserves: LensReserves, user: LensUser, now: bigint): MarketRead {
  const [reservesData] = reserves;
  const [userData] = user;
  const out: MarketRead = {
    source: 'ui-pool-data-provider',
    reserves: [],
    user: [],
    notices: [],
    warnings: [],
    userReadFailures: 0,
  };
  for (const r of reservesData) {
    const asset = getAddress(r.underlyingAsset);
    const symbol = sanitizeText(r.symbol, SYMBOL_MAX);
    const indexes: ReserveIndexes = {
      liquidityIndex: r.liquidityIndex,
      variableBorrowIndex: r.variableBorrowIndex,
      liquidityRate: r.liquidityRate,
      variableBorrowRate: r.variableBorrowRate,
      lastUpdateTimestamp: BigInt(r.lastUpdateTimestamp),
    };
    out.reserves.push({
      asset,
      symbol: symbol.text || shortAddress(asset),
      decimals: Number(r.decimals),
      symbolWarning: symbol.truncated ? 'symbol shortened' : null,
      ltv: r.baseLTVasCollateral,
      liquidationThreshold: r.reserveLiquidationThreshold,
      flags: {
        active: r.isActive,
        frozen: r.isFrozen,
        paused: r.isPaused,
        borrowingEnabled: r.borrowingEnabled,
        collateralEnabled: r.reserveLiquidationThreshold !== 0n,
      },
      indexes,
      aToken: getAddress(r.aTokenAddress),
      variableDebtToken: getAddress(r.variableDebtTokenAddress),
      priceInBase: r.priceInMarketReferenceCurrency,
      priceError: null,
    });
  }
  const byAsset = new Map(out.reserves.map((r) => [r.asset, r]));
  for (const u of userData) {
    const asset = getAddress(u.underlyingAsset);
    const reserve = byAsset.get(asset);
    if (!reserve) continue;
    out.user.push({
      asset,
      supplied: suppliedBalance(u.scaledATokenBalance, reserve.indexes, now),
      variableDebt: variableDebtBalance(u.scaledVariableDebt, reserve.indexes, now),
      stableDebt: stableDebtBalance(
        u.principalStableDebt,
        u.stableBorrowRate,
        u.stableBorrowLastUpdateTimestamp,
        now,
      ),
      stableRate: u.stableBorrowRate,
      collateral: u.usageAsCollateralEnabledOnUser,
    });
  }
  return out;
}

/**
 * Reserve by reserve through the Pool, AaveProtocolDataProvider and AaveOracle, in one multicall:
 * used where no lens with a known layout exists (mainnet) or when the lens reverts (e.g. one price
 * source reverts, which makes `getReservesData` revert as a whole). A reserve that fails is reported
 * and the others are kept.
 */
async function fromPool(
  ctx: ChainReadContext,
  market: AaveV3Market,
  assets: readonly Address[],
  execute: (b: Batch) => Promise<void>,
): Promise<MarketRead> {
  const batch = new Batch();
  const reads = assets.map((asset) => ({
    asset,
    reserve: batch.add(call(market.pool, poolAbi, 'getReserveData', [asset])),
    user: batch.add(
      call(market.dataProvider, protocolDataProviderAbi, 'getUserReserveData', [asset, ctx.owner]),
    ),
    price: batch.add(call(market.oracle, aaveOracleAbi, 'getAssetPrice', [asset])),
    metadata: addMetadataReads(batch, asset),
  }));
  await execute(batch);

  const out: MarketRead = {
    source: 'pool-data-provider',
    reserves: [],
    user: [],
    notices: [],
    warnings: [],
    userReadFailures: 0,
  };
  for (const read of reads) {
    const asset = getAddress(read.asset);
    const meta: TokenMetadata = read.metadata();
    const reserve = read.reserve();
    const user = read.user();
    if (!reserve.ok) {
      out.notices.push({ asset, symbol: meta.symbol, issue: 'unreadable', detail: reserve.error });
      out.warnings.push(`the ${meta.symbol} reserve could not be read, so a position in it is not shown`);
      out.userReadFailures += 1;
      continue;
    }
    const config = decodeReserveConfiguration(reserve.value.configuration.data);
    const price = read.price();
    out.reserves.push({
      asset,
      symbol: meta.symbol,
      decimals: config.decimals,
      symbolWarning: meta.warning,
      ltv: config.ltv,
      liquidationThreshold: config.liquidationThreshold,
      flags: {
        active: config.active,
        frozen: config.frozen,
        paused: config.paused,
        borrowingEnabled: config.borrowingEnabled,
        collateralEnabled: config.liquidationThreshold !== 0n,
      },
      indexes: {
        liquidityIndex: reserve.value.liquidityIndex,
        variableBorrowIndex: reserve.value.variableBorrowIndex,
        liquidityRate: reserve.value.currentLiquidityRate,
        variableBorrowRate: reserve.value.currentVariableBorrowRate,
        lastUpdateTimestamp: BigInt(reserve.value.lastUpdateTimestamp),
      },
      aToken: getAddress(reserve.value.aTokenAddress),
      variableDebtToken: getAddress(reserve.value.variableDebtTokenAddress),
      priceInBase: price.ok ? price.value : null,
      priceError: price.ok ? null : price.error,
    });
    if (!user.ok) {
      out.notices.push({ asset, symbol: meta.symbol, issue: 'unreadable', detail: user.error });
      out.warnings.push(`your ${meta.symbol} balance in Aave could not be read (${user.error})`);
      out.userReadFailures += 1;
      continue;
    }
    const [supplied, stableDebt, variableDebt, , , stableRate, , , collateral] = user.value;
    out.user.push({ asset, supplied, variableDebt, stableDebt, stableRate, collateral });
  }
  return out;
}

function reserveNotices(reserves: readonly Reserve[]): AaveV3ReserveNotice[] {
  const notices: AaveV3ReserveNotice[] = [];
  for (const r of reserves) {
    const base = { asset: r.asset, symbol: r.symbol };
    if (!r.flags.active) notices.push({ ...base, issue: 'inactive', detail: 'the reserve is not active' });
    if (r.flags.paused)
      notices.push({ ...base, issue: 'paused', detail: 'no supply, withdraw, borrow, repay or liquidation' });
    if (r.flags.frozen)
      notices.push({ ...base, issue: 'frozen', detail: 'no new supply or borrow; withdraw and repay work' });
    if (r.priceInBase === null)
      notices.push({
        ...base,
        issue: 'price-unavailable',
        detail: `the Aave oracle's price for it reverts (${r.priceError ?? 'unknown error'})`,
      });
  }
  return notices;
}

/** A warning for a position from the state of its reserve. */
function reserveWarning(r: Reserve): string | null {
  const parts: string[] = [];
  if (!r.flags.active) parts.push('reserve inactive');
  if (r.flags.paused) parts.push('reserve paused: no withdraw, repay or liquidation until it is unpaused');
  if (r.flags.frozen) parts.push('reserve frozen: no new supply or borrow');
  if (r.priceInBase === null) parts.push('the Aave oracle has no price for it (its price source reverts)');
  if (r.symbolWarning) parts.push(r.symbolWarning);
  return parts.length > 0 ? parts.join('; ') : null;
}

/** The price a position is valued at: the app's own feed when it has one, else the Aave oracle's. */
function positionPrice(
  ctx: ChainReadContext,
  r: Reserve,
  base: { unit: bigint; isUsd: boolean } | null,
): PriceReading {
  const feed = ctx.prices.get(priceKey(r.asset));
  if (feed) return feed;
  if (r.priceInBase !== null && base?.isUsd) {
    return {
      label: 'Aave oracle',
      usdE18: baseToUsdE18(r.priceInBase, base.unit),
      status: 'ok',
      updatedAt: null,
      reason: null,
      note: 'the price Aave itself uses for this reserve (no feed of our own)',
    };
  }
  return noFeedReading(r.symbol);
}

interface RewardStream {
  emissionPerSecond: bigint;
  distributionEnd: bigint;
}

interface RewardToken {
  symbol: string;
  decimals: number | null;
  priceInBase: bigint | null;
  priceSource: string;
}

/** What the incentives level found: per (token, reward) streams, token supplies, unclaimed amounts. */
interface Incentives {
  state: AaveV3Summary['incentives'];
  streams: Map<string, RewardStream>;
  supplies: Map<Address, bigint>;
  rewards: Map<Address, RewardToken>;
  unclaimed: { reward: Address; amount: bigint }[];
  warnings: string[];
}

type BaseCurrency = AaveV3Summary['baseCurrency'];

/**
 * The incentives level (one multicall, only where the market's RewardsController lists rewards): for
 * each aToken or debt token the account holds, every reward's emission and the token's total supply;
 * the unclaimed amounts over every token of the market; metadata of rewards that are not reserves.
 */
async function readIncentives(
  ctx: ChainReadContext,
  controller: Address,
  rewardsList: readonly Address[],
  read: MarketRead,
  held: readonly UserReserve[],
  base: BaseCurrency,
  execute: (b: Batch) => Promise<void>,
): Promise<Incentives> {
  const rewards = rewardsList.map((r) => getAddress(r));
  const reservesByAsset = new Map(read.reserves.map((r) => [r.asset, r]));
  const batch = new Batch();
  const streamReads = new Map<string, () => Result<readonly [bigint, bigint, bigint, bigint]>>();
  const supplyReads = new Map<Address, () => Result<bigint>>();
  for (const u of held) {
    const r = reservesByAsset.get(u.asset);
    if (!r) continue;
    const tokens = [
      ...(u.supplied > 0n ? [r.aToken] : []),
      ...(u.variableDebt > 0n ? [r.variableDebtToken] : []),
    ];
    for (const token of tokens) {
      supplyReads.set(token, batch.add(call(token, erc20Abi, 'totalSupply')));
      for (const reward of rewards) {
        streamReads.set(
          `${token}:${reward}`,
          batch.add(call(controller, rewardsControllerAbi, 'getRewardsData', [token, reward])),
        );
      }
    }
  }
  const allTokens = read.reserves.flatMap((r) => [r.aToken, r.variableDebtToken]);
  const unclaimedRead = batch.add(
    call(controller, rewardsControllerAbi, 'getAllUserRewards', [allTokens, ctx.owner]),
  );
  const metaReads = new Map<Address, () => TokenMetadata>();
  for (const reward of rewards) {
    if (!reservesByAsset.has(reward)) metaReads.set(reward, addMetadataReads(batch, reward));
  }
  await execute(batch);

  const out: Incentives = {
    state: { state: 'read', rewards: rewards.length },
    streams: new Map(),
    supplies: new Map(),
    rewards: new Map(),
    unclaimed: [],
    warnings: [],
  };
  for (const [key, get] of streamReads) {
    const s = get();
    if (s.ok) out.streams.set(key, { emissionPerSecond: s.value[1], distributionEnd: s.value[3] });
  }
  if (out.streams.size < streamReads.size) {
    out.warnings.push('some incentive streams could not be read; their APR is left out');
  }
  for (const [token, get] of supplyReads) {
    const s = get();
    if (s.ok) out.supplies.set(token, s.value);
  }
  for (const reward of rewards) {
    const reserve = reservesByAsset.get(reward);
    if (reserve) {
      out.rewards.set(reward, {
        symbol: reserve.symbol,
        decimals: reserve.decimals,
        priceInBase: reserve.priceInBase,
        priceSource: 'the Aave oracle',
      });
      continue;
    }
    // Not a reserve: its metadata from the token, its price from the app's own feed (trusted only if ok).
    const meta = metaReads.get(reward)?.();
    const feed = ctx.prices.get(priceKey(reward));
    out.rewards.set(reward, {
      symbol: meta?.symbol ?? shortAddress(reward),
      decimals: meta?.decimals ?? null,
      priceInBase:
        feed && feed.usdE18 !== null && feed.status === 'ok' && base?.isUsd
          ? (feed.usdE18 * base.unit) / WAD
          : null,
      priceSource: feed ? feed.label : 'no price feed',
    });
  }
  const unclaimed = unclaimedRead();
  if (unclaimed.ok) {
    const [list, amounts] = unclaimed.value;
    out.unclaimed = list.map((reward, i) => ({ reward: getAddress(reward), amount: amounts[i] ?? 0n }));
  } else {
    out.state = { state: 'unreadable', reason: unclaimed.error };
  }
  return out;
}

/** The incentive streams on one token of a reserve, with their APRs at `now`. */
function incentivesOf(
  incentives: Incentives | null,
  r: Reserve,
  token: Address,
  now: bigint,
): AaveV3Incentive[] {
  if (!incentives) return [];
  const list: AaveV3Incentive[] = [];
  for (const [reward, meta] of incentives.rewards) {
    const s = incentives.streams.get(`${token}:${reward}`);
    if (!s || s.emissionPerSecond === 0n) continue;
    const ended = s.distributionEnd <= now;
    const supply = incentives.supplies.get(token);
    const aprRay = ended
      ? 0n
      : supply === undefined
        ? null
        : incentiveAprRay({
            emissionPerSecond: s.emissionPerSecond,
            rewardPriceInBase: meta.priceInBase,
            rewardDecimals: meta.decimals,
            totalSupply: supply,
            assetPriceInBase: r.priceInBase,
            assetDecimals: r.decimals,
          });
    list.push({
      reward,
      symbol: meta.symbol,
      emissionPerSecond: s.emissionPerSecond,
      distributionEnd: s.distributionEnd,
      aprRay,
      priceSource: meta.priceSource,
      note: ended ? 'distribution ended' : aprRay === null ? 'reward, asset or token supply unknown' : null,
    });
  }
  return list;
}

type Side = { side: 'supply'; rateMode: null } | { side: 'borrow'; rateMode: 'variable' | 'stable' };

/** One supply or borrow position, with what it feeds into the net APY. */
function lendingPosition(
  ctx: ChainReadContext,
  market: AaveV3Market,
  r: Reserve,
  u: UserReserve,
  { side, rateMode }: Side,
  incentives: Incentives | null,
  base: BaseCurrency,
): { position: Position; net: NetApyInput } {
  const amount = side === 'supply' ? u.supplied : rateMode === 'stable' ? u.stableDebt : u.variableDebt;
  const rateRay =
    side === 'supply'
      ? r.indexes.liquidityRate
      : rateMode === 'stable'
        ? u.stableRate
        : r.indexes.variableBorrowRate;
  const apyRay = apyFromRate(rateRay);
  // Stable debt tokens carry no incentives on any current market.
  const token = side === 'supply' ? r.aToken : rateMode === 'variable' ? r.variableDebtToken : null;
  const streams = token ? incentivesOf(incentives, r, token, ctx.blockTimestamp) : [];
  const known = streams.reduce((acc, i) => acc + (i.aprRay ?? 0n), 0n);
  const valueBase = r.priceInBase === null ? null : baseValue(amount, r.decimals, r.priceInBase);
  const details: AaveV3PositionDetails = {
    type: 'aave-v3',
    side,
    rateMode,
    market: market.pool,
    asset: r.asset,
    rateRay,
    apyRay,
    incentives: streams,
    usedAsCollateral: side === 'supply' ? u.collateral : null,
    ltvBps: r.ltv,
    liquidationThresholdBps: r.liquidationThreshold,
    reserve: r.flags,
    priceInBase: r.priceInBase,
    valueBase,
  };
  const idPart = side === 'supply' ? 'supply' : rateMode === 'stable' ? 'stable-borrow' : 'borrow';
  const what = side === 'supply' ? 'supply rate' : `${rateMode} borrow rate`;
  const position: Position = {
    protocol: AAVE_V3_ID,
    kind: side,
    id: `${ctx.chainId}:${AAVE_V3_ID}:${idPart}:${r.asset}`,
    label: r.symbol,
    assets: [assetAmount(r.asset, r.symbol, r.decimals, amount, positionPrice(ctx, r, base))],
    rewards: [],
    yield: lendingYield(side, rateRay, apyRay, streams, what),
    warning: reserveWarning(r),
    details,
  };
  const incentiveAprRay = streams.some((i) => i.aprRay === null) ? null : known;
  return { position, net: { side, valueBase, apyRay, incentiveAprRay } };
}

/**
 * A supply's or borrow's yield in the app's convention: the reserve's rate is already a simple annual
 * rate (RAY), so it is the base rate as it is, signed (a borrow's is minus its rate); the APY beside it
 * is that rate compounded per second, as the Pool accrues it. Incentives are reward, each naming its token.
 */
function lendingYield(
  side: 'supply' | 'borrow',
  rateRay: bigint,
  apyRay: bigint,
  streams: readonly AaveV3Incentive[],
  what: string,
): YieldEstimate {
  const sign = side === 'supply' ? 1 : -1;
  const unpriced = streams.filter((i) => i.aprRay === null).map((i) => i.symbol);
  const components: YieldComponent[] = [
    {
      side: 'base',
      apr: sign * rayToNumber(rateRay),
      label: what,
      window: 'current rate',
      source: `Aave V3 ${what}`,
    },
    ...streams
      .filter((i) => i.aprRay !== null)
      .map(
        (i): YieldComponent => ({
          side: 'reward',
          apr: rayToNumber(i.aprRay ?? 0n),
          label: `${i.symbol} incentives`,
          window: 'current rate',
          source: 'RewardsController emissions',
          reward: { token: i.reward, symbol: i.symbol, priceSource: i.priceSource },
        }),
      ),
  ];
  return yieldFromComponents(components, {
    compounds: true,
    // Only the base rate compounds by itself; incentives must be claimed.
    apy: sign * rayToNumber(apyRay),
    window: 'current rate',
    source:
      `Aave V3 ${what}${streams.length > 0 ? ', plus RewardsController incentives' : ''}` +
      (unpriced.length > 0 ? ` (${unpriced.join(', ')} incentives unpriced, not counted)` : ''),
  });
}

/** The account's unclaimed incentives over every token of the market, as one position. */
function incentivesPosition(
  ctx: ChainReadContext,
  read: MarketRead,
  incentives: Incentives,
  base: BaseCurrency,
): Position | null {
  const owed = incentives.unclaimed.filter((c) => c.amount > 0n);
  if (owed.length === 0) return null;
  const reservesByAsset = new Map(read.reserves.map((r) => [r.asset, r]));
  return {
    protocol: AAVE_V3_ID,
    kind: 'farming',
    id: `${ctx.chainId}:${AAVE_V3_ID}:incentives`,
    label: 'Unclaimed incentives',
    assets: [],
    rewards: owed.map((c) => {
      const meta = incentives.rewards.get(c.reward);
      const reserve = reservesByAsset.get(c.reward);
      const symbol = meta?.symbol ?? shortAddress(c.reward);
      const price = reserve
        ? positionPrice(ctx, reserve, base)
        : (ctx.prices.get(priceKey(c.reward)) ?? noFeedReading(symbol));
      return assetAmount(c.reward, symbol, meta?.decimals ?? null, c.amount, price);
    }),
    yield: null,
    warning: null,
  };
}

function accountHealth(result: Result<readonly [bigint, bigint, bigint, bigint, bigint, bigint]>): {
  account: AaveV3Account | null;
  health: AaveV3Health;
} {
  if (!result.ok) {
    return {
      account: null,
      health: {
        state: 'unavailable',
        reason: `Pool.getUserAccountData reverted, as it does when the price source of an asset held reverts (${result.error})`,
      },
    };
  }
  const [totalCollateralBase, totalDebtBase, availableBorrowsBase, threshold, ltv, hf] = result.value;
  const noDebt = totalDebtBase === 0n;
  return {
    account: {
      totalCollateralBase,
      totalDebtBase,
      availableBorrowsBase,
      ltvBps: ltv,
      liquidationThresholdBps: threshold,
      healthFactorWad: noDebt ? null : hf,
    },
    health: noDebt ? { state: 'no-debt' } : { state: 'active', factorWad: hf, band: healthBand(hf) },
  };
}

/** The first level, known before any block (round 1 hands the same calls to its lens: `lens.ts`). */
export function addAaveFirstLevel(batch: Batch, market: AaveV3Market, owner: Address) {
  const accountRead = batch.add(call(market.pool, poolAbi, 'getUserAccountData', [owner]));
  const listRead = batch.add(call(market.pool, poolAbi, 'getReservesList'));
  const eModeRead = batch.add(call(market.pool, poolAbi, 'getUserEMode', [owner]));
  const baseUnitRead = batch.add(call(market.oracle, aaveOracleAbi, 'BASE_CURRENCY_UNIT'));
  const baseCurrencyRead = batch.add(call(market.oracle, aaveOracleAbi, 'BASE_CURRENCY'));
  const ui = market.uiPoolDataProvider;
  const lens: Lens | null = ui
    ? {
        reserves: batch.add(call(ui, uiPoolDataProviderAbi, 'getReservesData', [market.addressesProvider])),
        user: batch.add(
          call(ui, uiPoolDataProviderAbi, 'getUserReservesData', [market.addressesProvider, owner]),
        ),
      }
    : null;
  const rewardsListRead = market.rewardsController
    ? batch.add(call(market.rewardsController, rewardsControllerAbi, 'getRewardsList'))
    : null;
  return { accountRead, listRead, eModeRead, baseUnitRead, baseCurrencyRead, lens, rewardsListRead };
}

/**
 * Reads the account's Aave V3 positions on one chain at `ctx.blockNumber`. Round trips: one multicall
 * with the lens (every reserve, the account's reserves), `getUserAccountData` and the rewards list;
 * one more for incentives where the market has any; one more when reading reserve by reserve
 * (mainnet, or when the lens reverts).
 */
export async function readAaveV3(ctx: ChainReadContext, market: AaveV3Market): Promise<ProtocolReadResult> {
  const execute = (b: Batch) => b.execute(ctx.client, chainMulticall(ctx.chainId, ctx.blockNumber));
  const owner = ctx.owner;

  const first = new Batch();
  const { accountRead, listRead, eModeRead, baseUnitRead, baseCurrencyRead, lens, rewardsListRead } =
    addAaveFirstLevel(first, market, owner);
  await execute(first);

  // Reserves and balances: from the lens when it answered, else reserve by reserve.
  const lensReserves = lens?.reserves();
  const lensUser = lens?.user();
  let read: MarketRead;
  if (lensReserves?.ok && lensUser?.ok) {
    read = fromLens(lensReserves.value, lensUser.value, ctx.blockTimestamp);
  } else {
    const list = listRead();
    if (!list.ok) throw new Error(`no Aave V3 market answers at ${market.pool}: ${list.error}`);
    read = await fromPool(ctx, market, list.value, execute);
    const lensError = [lensReserves, lensUser].find((r) => r && !r.ok);
    if (lensError && !lensError.ok) {
      read.warnings.unshift(
        `UiPoolDataProviderV3 failed (${lensError.error}); read reserve by reserve instead`,
      );
    }
  }
  read.notices.push(...reserveNotices(read.reserves));

  const baseUnit = baseUnitRead();
  const baseCurrency = baseCurrencyRead();
  const base: BaseCurrency = baseUnit.ok
    ? { unit: baseUnit.value, isUsd: baseCurrency.ok && baseCurrency.value === zeroAddress }
    : null;

  const held = read.user.filter((u) => u.supplied > 0n || u.variableDebt > 0n || u.stableDebt > 0n);
  const rewardsList = rewardsListRead?.();
  let incentives: Incentives | null = null;
  let incentivesState: AaveV3Summary['incentives'] = { state: 'none' };
  if (rewardsList && !rewardsList.ok) {
    incentivesState = { state: 'unreadable', reason: rewardsList.error };
  } else if (rewardsList?.ok && rewardsList.value.length > 0 && market.rewardsController) {
    incentives = await readIncentives(
      ctx,
      market.rewardsController,
      rewardsList.value,
      read,
      held,
      base,
      execute,
    );
    incentivesState = incentives.state;
    read.warnings.push(...incentives.warnings);
  }

  const positions: Position[] = [];
  const netInputs: NetApyInput[] = [];
  const reservesByAsset = new Map(read.reserves.map((r) => [r.asset, r]));
  for (const u of held) {
    const r = reservesByAsset.get(u.asset);
    if (!r) continue;
    const sides: Side[] = [
      ...(u.supplied > 0n ? [{ side: 'supply', rateMode: null } as const] : []),
      ...(u.variableDebt > 0n ? [{ side: 'borrow', rateMode: 'variable' } as const] : []),
      ...(u.stableDebt > 0n ? [{ side: 'borrow', rateMode: 'stable' } as const] : []),
    ];
    for (const side of sides) {
      const { position, net } = lendingPosition(ctx, market, r, u, side, incentives, base);
      positions.push(position);
      netInputs.push(net);
    }
  }
  const owed = incentives ? incentivesPosition(ctx, read, incentives, base) : null;
  if (owed) positions.push(owed);

  const accountResult = accountRead();
  const { account, health } = accountHealth(accountResult);
  const involved =
    positions.length > 0 ||
    account === null ||
    account.totalCollateralBase > 0n ||
    account.totalDebtBase > 0n ||
    read.userReadFailures > 0;
  // An account that has never used this market gets no summary (nothing to say about it).
  if (!involved) return { positions: [] };

  const net = netApy(netInputs);
  const total = (side: 'supply' | 'borrow') =>
    netInputs
      .filter((p) => p.side === side)
      .reduce<bigint | null>(
        (acc, p) => (acc === null || p.valueBase === null ? null : acc + p.valueBase),
        0n,
      );
  const eMode = eModeRead();
  const heldAssets = new Set(held.map((u) => u.asset));
  const summary: AaveV3Summary = {
    type: 'aave-v3',
    chainId: ctx.chainId,
    blockNumber: ctx.blockNumber,
    market: market.pool,
    source: read.source,
    baseCurrency: base,
    account,
    accountError: accountResult.ok ? null : accountResult.error,
    health,
    usd:
      account && base?.isUsd
        ? {
            collateral: baseToUsdE18(account.totalCollateralBase, base.unit),
            debt: baseToUsdE18(account.totalDebtBase, base.unit),
            availableBorrows: baseToUsdE18(account.availableBorrowsBase, base.unit),
          }
        : null,
    suppliedBase: total('supply'),
    borrowedBase: total('borrow'),
    netApy: net.apyRay === null ? null : rayToNumber(net.apyRay),
    netApyNote: net.note,
    eModeCategory: eMode.ok ? Number(eMode.value) : null,
    incentives: incentivesState,
    // Held reserves first: those are the notices that matter to this account.
    notices: [...read.notices].sort(
      (a, b) => Number(heldAssets.has(b.asset)) - Number(heldAssets.has(a.asset)),
    ),
    warnings: read.warnings,
  };
  // aTokens and debt tokens in the wallet stand for these positions: shown there, counted here only.
  const receipts: ReceiptToken[] = positions.flatMap((p) => {
    const d = p.details;
    if (!isLendingDetails(d)) return [];
    const r = reservesByAsset.get(d.asset);
    if (!r) return [];
    const token = d.side === 'supply' ? r.aToken : d.rateMode === 'variable' ? r.variableDebtToken : null;
    return token ? [{ token, countedIn: p.id }] : [];
  });
  return { positions, summary, receipts };
}

function isLendingDetails(d: Position['details']): d is AaveV3PositionDetails {
  return d?.type === AAVE_V3_ID;
}
