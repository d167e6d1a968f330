import { formatUnits } from 'viem';
import { USD_DECIMALS } from '../prices/types';
import { chainTotal } from './select';
import type { AssetAmount, ChainPortfolio, Portfolio, Position } from './types';
import { positionValue, sumValues } from './value';

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
  const value = positionValue(p);
  return {
    protocol: p.protocol,
    kind: p.kind,
    id: p.id,
    label: p.label,
    usd: usdNumber(value.usdE18),
    assets: p.assets.map(assetJson),
    rewards: p.rewards.map(assetJson),
    yield: p.yield,
    warning: p.warning,
    ...(p.details === undefined ? {} : { details: jsonSafe(p.details) }),
    ...(p.countedIn === undefined ? {} : { countedIn: p.countedIn }),
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
    positions: c.positions.map(positionJson),
  };
}

/** The `--json` shape of `npm run portfolio`: amounts as decimal strings of base units. */
export function portfolioJson(p: Portfolio) {
  const total = sumValues(p.chains.map(chainTotal));
  return {
    address: p.address,
    network: p.network,
    totalUsd: usdNumber(total.usdE18),
    totalIncludesUntrustedPrices: total.includesUntrusted,
    chains: p.chains.map(chainJson),
  };
}

export type PortfolioJson = ReturnType<typeof portfolioJson>;
