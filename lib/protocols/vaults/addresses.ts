import type { DeploymentSpec } from '../../chains/network';
import type { CuratedVault, VaultsDeployment } from './types';

/** Manifest prefix of a devnet vault (`Vault.dvUSDC`). */
export const DEVNET_VAULT_PREFIX = 'Vault.';

/**
 * The curated list. On mainnet it is empty: every vault the project's facts name on these chains
 * (Yearn V3, Morpho, Euler, Beefy) is UNVERIFIED there (shared/reference/staking-facts.md §1.7), and only a
 * vault confirmed by its protocol's own repository or documentation may ship. Users add any ERC-4626
 * vault themselves (Settings, or `--vault <chainId>:<address>`), so the module runs on every chain.
 */
export const VAULTS_DEPLOYMENT: DeploymentSpec<VaultsDeployment> = {
  devnet: (contracts) => ({
    curated: Object.entries(contracts)
      .filter(([name]) => name.startsWith(DEVNET_VAULT_PREFIX))
      .map(([name, address]): CuratedVault => ({ address, source: `devnet seed (${name})` })),
  }),
  mainnet: { 10: { curated: [] }, 42161: { curated: [] }, 324: { curated: [] } },
};
