import { formatUnits } from 'viem';
import { USD_DECIMALS } from '../prices/types';
import { chainIncome, chainTotal, countedPositions, type Income, income, positionUsd } from './select';
import type { AssetAmount, ChainPortfolio, Portfolio, Position } from './types';
import { sumValues } from './value';

/** USD as a JSON number: the one place a USD bigint becomes a float, for output only. */
export function usdNumber(usdE18: bigint): number {
  return Number(formatUnits(usdE18, USD_DECIMALS));
}

/** Any value with bigints turned into decimal strings (for protocol details and summaries). */
export function jsonSafe(value: unknown): unknown {
  if (typeof value === 'bigint') return value.toString();
  if (Array.isArray(value)) return value.map(jsonSafe);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, jsonSafe(v)]));
  }
  return value;
}

function assetJson(a: AssetAmount) {
  return {
    token: a.token,
    symbol: a.symbol,
    decimals: a.decimals,
    amount: a.amount.toString(),
    usd: a.usdE18 === null ? null : usdNumber(a.usdE18),
    priceStale: a.price.status === 'stale' || a.price.status === 'sequencer-down',
    priceStatus: a.price.status,
    priceSource: a.price.label,
    priceReason: a.price.reason,
  };
}

function positionJson(p: Position) {
  return {
    protocol: p.protocol,
    kind: p.kind,
    id: p.id,
    label: p.label,
    /** Null when any of its amounts could not be valued (it then counts in `unpricedPositions`). */
    usd: positionUsd(p),
    assets: p.assets.map(assetJson),
    rewards: p.rewards.map(assetJson),
    yield: p.yield,
    warning: p.warning,
    /** The position that already counts this one (a receipt in the wallet): left out of every sum. */
    ...(p.countedIn === undefined ? {} : { countedIn: p.countedIn }),
    ...(p.details === undefined ? {} : { details: jsonSafe(p.details) }),
  };
}

/** `income` exactly as documented in the README (selector `income` in lib/portfolio/select.ts). */
function incomeJson(i: Income | null) {
  if (i === null) return null;
  return {
    perYear: { baseUsd: i.perYear.baseUsd, rewardUsd: i.perYear.rewardUsd },
    perDayUsd: i.perDayUsd,
    sustainableShare: i.sustainableShare,
    unknownYieldUsd: i.unknownYieldUsd,
    unpricedPositions: i.unpricedPositions,
    projection: {
      months: i.projection.months,
      simpleUsd: i.projection.simpleUsd,
      compoundedUsd: i.projection.compoundedUsd,
    },
  };
}

function chainJson(c: ChainPortfolio) {
  const value = chainTotal(c);
  return {
    chainId: c.chainId,
    blockNumber: c.blockNumber === null ? null : c.blockNumber.toString(),
    blockTimestamp: c.blockTimestamp === null ? null : c.blockTimestamp.toString(),
    error: c.error,
    totalUsd: usdNumber(value.usdE18),
    totalIncludesUntrustedPrices: value.includesUntrusted,
    unpricedAmounts: value.unpriced,
    protocolErrors: c.protocolErrors,
    summaries: c.summaries.map(jsonSafe),
    income: incomeJson(chainIncome(c)),
    positions: c.positions.map(positionJson),
  };
}

/** The `--json` shape of `npm run portfolio`: amounts as decimal strings of base units. */
export function portfolioJson(p: Portfolio) {
  const counted = p.chains.filter((c) => c.error === null);
  const total = sumValues(counted.map(chainTotal));
  return {
    address: p.address,
    network: p.network,
    totalUsd: usdNumber(total.usdE18),
    totalIncludesUntrustedPrices: total.includesUntrusted,
    income: incomeJson(income(counted.flatMap((c) => countedPositions(c.positions)))),
    chains: p.chains.map(chainJson),
  };
}

export type PortfolioJson = ReturnType<typeof portfolioJson>;

/**
 * Two or more addresses seen together (`npm run portfolio -- <a> <b> --json`): the combined total and
 * income over every member's counted chains, and each member's own single-address object.
 */
export function bundleJson(portfolios: readonly Portfolio[]) {
  const counted = portfolios.flatMap((p) => p.chains.filter((c) => c.error === null));
  const total = sumValues(counted.map(chainTotal));
  return {
    addresses: portfolios.map((p) => p.address),
    totalUsd: usdNumber(total.usdE18),
    income: incomeJson(income(counted.flatMap((c) => c.positions))),
    portfolios: portfolios.map(portfolioJson),
  };
}

export type BundleJson = ReturnType<typeof bundleJson>;
