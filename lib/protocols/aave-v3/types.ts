import type { Address } from 'viem';
import type { ChainId } from '../../chains/registry';
import type { Position, ProtocolSummary } from '../../portfolio/types';
import type { HealthBand } from './math';

export const AAVE_V3_ID = 'aave-v3';

/** A reserve's state flags as the pool reports them. */
export interface AaveV3ReserveFlags {
  active: boolean;
  /** Frozen: no new supply or borrow; withdraw, repay and liquidation still work. */
  frozen: boolean;
  /** Paused: nothing at all (no withdraw, repay or liquidation). */
  paused: boolean;
  borrowingEnabled: boolean;
  /** The reserve counts as collateral at all (liquidation threshold above zero). */
  collateralEnabled: boolean;
}

/** One incentive stream (RewardsController) on the aToken or debt token of a position. */
export interface AaveV3Incentive {
  reward: Address;
  symbol: string;
  emissionPerSecond: bigint;
  distributionEnd: bigint;
  /** Annual rate in RAY; null when the reward or the asset has no price. */
  aprRay: bigint | null;
  /** Where the reward's price came from (the Aave oracle for a reserve, else the app's own feed). */
  priceSource: string;
  note: string | null;
}

/** `Position.details` of an Aave V3 supply or borrow. */
export interface AaveV3PositionDetails {
  type: 'aave-v3';
  side: 'supply' | 'borrow';
  /** Borrows only: which debt token. */
  rateMode: 'variable' | 'stable' | null;
  market: Address;
  asset: Address;
  /** Annual rate (RAY) the position earns (supply) or pays (borrow). */
  rateRay: bigint;
  /** That rate compounded per second over a year (RAY). */
  apyRay: bigint;
  incentives: AaveV3Incentive[];
  /** Supplies only: whether the account uses it as collateral. */
  usedAsCollateral: boolean | null;
  /** Reserve parameters, basis points. */
  ltvBps: bigint;
  liquidationThresholdBps: bigint;
  reserve: AaveV3ReserveFlags;
  /** The Aave oracle's price (market base currency); null when it could not be read. */
  priceInBase: bigint | null;
  /** The amount valued at that price, in base currency. */
  valueBase: bigint | null;
}

/** `getUserAccountData`, as the Pool answered it. */
export interface AaveV3Account {
  totalCollateralBase: bigint;
  totalDebtBase: bigint;
  availableBorrowsBase: bigint;
  /** Weighted averages over the collateral, basis points. */
  ltvBps: bigint;
  liquidationThresholdBps: bigint;
  /** WAD; null when there is no debt (the Pool answers `type(uint256).max` then). */
  healthFactorWad: bigint | null;
}

export type AaveV3Health =
  | { state: 'no-debt' }
  | { state: 'active'; factorWad: bigint; band: HealthBand }
  | { state: 'unavailable'; reason: string };

export type AaveV3NoticeIssue = 'inactive' | 'frozen' | 'paused' | 'price-unavailable' | 'unreadable';

/** Something wrong with one reserve of the market, whether or not the account holds it. */
export interface AaveV3ReserveNotice {
  asset: Address;
  symbol: string;
  issue: AaveV3NoticeIssue;
  detail: string;
}

/** The account-level figures of one Aave V3 market on one chain (`ProtocolSummary`). */
export interface AaveV3Summary {
  type: 'aave-v3';
  chainId: ChainId;
  blockNumber: bigint;
  market: Address;
  /** Which read path produced the reserves: the lens in one call, or reserve by reserve. */
  source: 'ui-pool-data-provider' | 'pool-data-provider';
  /** Unit of the market's base currency (1e8 for USD markets) and whether it is USD. */
  baseCurrency: { unit: bigint; isUsd: boolean } | null;
  account: AaveV3Account | null;
  /** Why `account` is missing (e.g. a price source of a held asset reverts). */
  accountError: string | null;
  health: AaveV3Health;
  /** `account` figures in USD (18 decimals) when the base currency is USD. */
  usd: { collateral: bigint; debt: bigint; availableBorrows: bigint } | null;
  /** Sum of supplied and borrowed values at the Aave oracle (base currency); null if one is unpriced. */
  suppliedBase: bigint | null;
  borrowedBase: bigint | null;
  /** Net APY as a fraction (0.031 = 3.1 %); null when it cannot be computed (see the note). */
  netApy: number | null;
  netApyNote: string | null;
  eModeCategory: number | null;
  /** Whether incentives were read: none configured, read, or why they could not be. */
  incentives:
    | { state: 'none' }
    | { state: 'read'; rewards: number }
    | { state: 'unreadable'; reason: string };
  notices: AaveV3ReserveNotice[];
  warnings: string[];
}

export function isAaveV3Details(d: Position['details']): d is AaveV3PositionDetails {
  return d?.type === AAVE_V3_ID;
}

export function isAaveV3Summary(s: ProtocolSummary | undefined): s is AaveV3Summary {
  return s?.type === AAVE_V3_ID;
}
