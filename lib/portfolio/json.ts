import { formatUnits } from 'viem';
import { USD_DECIMALS } from '../prices/types';
import {
  chainIncome,
  chainTotal,
  countedPositions,
  type Income,
  income,
  type MissingChain,
  portfolioTotals,
  positionUsdE18,
} from './select';
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
  const usd = positionUsdE18(p);
  return {
    protocol: p.protocol,
    kind: p.kind,
    id: p.id,
    label: p.label,
    /** Null when any non-zero amount in it has no usable price. */
    usd: usd === null ? null : usdNumber(usd),
    assets: p.assets.map(assetJson),
    rewards: p.rewards.map(assetJson),
    yield: p.yield,
    warning: p.warning,
    /** The position that already counts this one (a receipt in the wallet): left out of every sum. */
    ...(p.countedIn === undefined ? {} : { countedIn: p.countedIn }),
    ...(p.details === undefined ? {} : { details: jsonSafe(p.details) }),
    ...(p.countedIn === undefined ? {} : { countedIn: p.countedIn }),
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

function chainJson(c: ChainPortfolio, missing: MissingChain | undefined) {
  const value = chainTotal(c);
  return {
    chainId: c.chainId,
    blockNumber: c.blockNumber === null ? null : c.blockNumber.toString(),
    blockTimestamp: c.blockTimestamp === null ? null : c.blockTimestamp.toString(),
    error: c.error,
    /** Null when the chain is in the top-level `missingChains` (a lagging chain keeps its positions). */
    totalUsd: missing ? null : usdNumber(value.usdE18),
    lagging: missing?.reason === 'lagging',
    headAgeSeconds: c.headAgeSeconds ?? null,
    /** How the present was read: `state-override`, `deployless` or `multicall-levels`, and why not faster. */
    readPath: c.read?.path ?? null,
    readNote: c.read?.note ?? null,
    totalIncludesUntrustedPrices: value.includesUntrusted,
    unpricedAmounts: value.unpriced,
    protocolErrors: c.protocolErrors,
    summaries: c.summaries.map(jsonSafe),
    // Null for a chain that is not counted (failed, wrong chain, lagging).
    income: missing || c.error !== null ? null : incomeJson(chainIncome(c)),
    positions: c.positions.map(positionJson),
  };
}

/**
 * The `--json` shape of `npm run portfolio`: amounts as decimal strings of base units. `totalUsd` sums
 * only the chains not in `missingChains` (`reason`: `error`, `wrong-chain` or `lagging`, with the lagging
 * head's `ageSeconds`); `missingProtocols` names protocols that failed on a summed chain.
 */
export function portfolioJson(p: Portfolio) {
  const totals = portfolioTotals(p.chains.map((c) => ({ chainId: c.chainId, chain: c })));
  const missing = new Map(totals.missingChains.map((m) => [m.chainId, m]));
  const counted = p.chains.filter((c) => !missing.has(c.chainId) && c.error === null);
  return {
    address: p.address,
    network: p.network,
    totalUsd: usdNumber(totals.total.usdE18),
    totalIncludesUntrustedPrices: totals.total.includesUntrusted,
    missingChains: totals.missingChains,
    missingProtocols: totals.missingProtocols,
    income: incomeJson(income(counted.flatMap((c) => countedPositions(c.positions)))),
    chains: p.chains.map((c) => chainJson(c, missing.get(c.chainId))),
  };
}

export type PortfolioJson = ReturnType<typeof portfolioJson>;

/**
 * Two or more addresses seen together (`npm run portfolio -- <a> <b> --json`): the combined total and
 * income over every member's counted chains, and each member's own single-address object.
 */
export function bundleJson(portfolios: readonly Portfolio[]) {
  const totals = portfolios.map((p) => ({
    p,
    totals: portfolioTotals(p.chains.map((c) => ({ chainId: c.chainId, chain: c }))),
  }));
  const counted = totals.flatMap(({ p, totals: t }) => {
    const missing = new Set(t.missingChains.map((m) => m.chainId));
    return p.chains.filter((c) => !missing.has(c.chainId) && c.error === null);
  });
  const total = sumValues(counted.map(chainTotal));
  return {
    addresses: portfolios.map((p) => p.address),
    totalUsd: usdNumber(total.usdE18),
    income: incomeJson(income(counted.flatMap((c) => countedPositions(c.positions)))),
    missingChains: totals.flatMap(({ p, totals: t }) =>
      t.missingChains.map((m) => ({ address: p.address, ...m })),
    ),
    missingProtocols: totals.flatMap(({ p, totals: t }) =>
      t.missingProtocols.map((m) => ({ address: p.address, ...m })),
    ),
    portfolios: portfolios.map(portfolioJson),
  };
}

export type BundleJson = ReturnType<typeof bundleJson>;
