import type { Address } from 'viem';
import type { Position } from '../../portfolio/types';

export const VAULTS_ID = 'vaults';

/** A vault on the curated list, with where its address was confirmed. */
export interface CuratedVault {
  address: Address;
  /** The protocol's own repository or documentation that confirms it (devnet: the seed). */
  source: string;
}

export interface VaultsDeployment {
  curated: readonly CuratedVault[];
}

export interface VaultDetails {
  type: typeof VAULTS_ID;
  vault: Address;
  /** The user added it (browser settings or `--vault`), rather than the curated list. */
  userAdded: boolean;
  shares: bigint;
  shareDecimals: number | null;
  shareSymbol: string;
  asset: Address | null;
  totalAssets: bigint | null;
  totalSupply: bigint | null;
  /** The share price probe: `convertToAssets(probeShares)` now and at the past block. */
  probeShares: bigint;
  priceNow: bigint | null;
  pricePast: { block: bigint; timestamp: bigint; assets: bigint } | null;
  /** Why the share price's growth could not be measured, in words. */
  yieldNote: string | null;
}

export function isVaultDetails(d: Position['details']): d is VaultDetails {
  return d?.type === VAULTS_ID;
}
