import type { Address } from 'viem';
import type { DeploymentSpec } from '../../chains/network';
import type { ChainId } from '../../chains/registry';

/** The contracts of one Aave V3 market that the reader talks to. */
export interface AaveV3Market {
  addressesProvider: Address;
  pool: Address;
  dataProvider: Address;
  oracle: Address;
  /**
   * A UiPoolDataProviderV3 whose structs match `uiPoolDataProviderAbi` (periphery 3.0.1), or null to
   * read reserve by reserve through the Pool and AaveProtocolDataProvider instead.
   */
  uiPoolDataProvider: Address | null;
  /** Null where the market has no rewards controller: incentives are then simply not read. */
  rewardsController: Address | null;
}

/**
 * Mainnet markets. Source: bgd-labs/aave-address-book `src/AaveV3{Optimism,Arbitrum,ZkSync}.sol`
 * (snapshot May 2026; see shared/reference/onchain-facts.md §3). `addresses.test.ts` holds every address
 * here to the book's npm package, `@aave-dao/aave-address-book` (a test oracle only: never imported at run
 * time); `npm run check:mainnet` confirms them on-chain.
 *
 * The UiPoolDataProviderV3 deployments listed by the address book and by Aave's interface are the
 * v3.2+ lenses, whose `AggregatedReserveData` differs from the periphery 3.0.1 layout this project
 * can test against; decoding them with that layout would be a guess. So on mainnet the reader goes
 * through the Pool and AaveProtocolDataProvider, whose read functions kept their signatures.
 */
export const AAVE_V3_MAINNET: Record<ChainId, AaveV3Market> = {
  10: {
    addressesProvider: '0xa97684ead0e402dC232d5A977953DF7ECBaB3CDb',
    pool: '0x794a61358D6845594F94dc1DB02A252b5b4814aD',
    dataProvider: '0x243Aa95cAC2a25651eda86e80bEe66114413c43b',
    oracle: '0xD81eb3728a631871a7eBBaD631b5f424909f0c77',
    uiPoolDataProvider: null,
    rewardsController: '0x929EC64c34a17401F460460D4B9390518E5B473e',
  },
  42161: {
    addressesProvider: '0xa97684ead0e402dC232d5A977953DF7ECBaB3CDb',
    pool: '0x794a61358D6845594F94dc1DB02A252b5b4814aD',
    dataProvider: '0x243Aa95cAC2a25651eda86e80bEe66114413c43b',
    oracle: '0xb56c2F0B653B2e0b10C9b928C8580Ac5Df02C7C7',
    uiPoolDataProvider: null,
    rewardsController: '0x929EC64c34a17401F460460D4B9390518E5B473e',
  },
  324: {
    addressesProvider: '0x2A3948BB219D6B2Fa83D64100006391a96bE6cb7',
    pool: '0x78e30497a3c7527d953c6B1E3541b021A98Ac43c',
    dataProvider: '0x9057ac7b2D35606F8AD5aE2FCBafcD94E58D9927',
    oracle: '0xC7F58Fca663a8d377B6D0c9703C697f56dC40088',
    uiPoolDataProvider: null,
    rewardsController: '0x37c972C9dDfC2138EBe33eC19dba063AB9f8966e',
  },
};

/** Manifest names the devnet gives the market's contracts. */
export const AAVE_V3_MANIFEST = {
  addressesProvider: 'AaveV3PoolAddressesProvider',
  pool: 'AaveV3Pool',
  dataProvider: 'AaveV3ProtocolDataProvider',
  oracle: 'AaveV3Oracle',
  uiPoolDataProvider: 'AaveV3UiPoolDataProvider',
  rewardsController: 'AaveV3RewardsController',
} as const;

/** The market named in the devnet manifest; null when the manifest has none on this chain. */
export function devnetAaveV3Market(c: Readonly<Record<string, Address>>): AaveV3Market | null {
  const n = AAVE_V3_MANIFEST;
  const addressesProvider = c[n.addressesProvider];
  const pool = c[n.pool];
  const dataProvider = c[n.dataProvider];
  const oracle = c[n.oracle];
  if (!addressesProvider || !pool || !dataProvider || !oracle) return null;
  return {
    addressesProvider,
    pool,
    dataProvider,
    oracle,
    uiPoolDataProvider: c[n.uiPoolDataProvider] ?? null,
    rewardsController: c[n.rewardsController] ?? null,
  };
}

/** Where Aave V3 is on each network (resolved by `lib/chains`' network profile). */
export const AAVE_V3_DEPLOYMENT: DeploymentSpec<AaveV3Market> = {
  devnet: devnetAaveV3Market,
  mainnet: AAVE_V3_MAINNET,
};
