import type { Address } from 'viem';
import type { DeploymentSpec } from '../../chains/network';
import type { ChainId } from '../../chains/registry';
import { GMX_ARBITRUM } from '../gmx/addresses';
import { gmxPositionId } from '../gmx/types';

/** One voting token, and the position whose value already counts the balance that votes. */
export interface GovernanceToken {
  symbol: string;
  token: Address;
  /** `wallet`: the wallet balance of the token; otherwise the id of the position that holds it. */
  heldIn: 'wallet' | { position: string; label: string };
}

export interface GovernanceDeployment {
  tokens: GovernanceToken[];
}

/** GMX DAO's voting token is minted for staked GMX: its power is detail on the staking position. */
const gmxHeldIn = (chainId: ChainId) => ({ position: gmxPositionId(chainId, 'staked'), label: 'staked GMX' });

/**
 * Mainnet voting tokens: OP (predeploy), ARB and ZK at the curated token list's addresses
 * (lib/tokens/mainnet.ts; shared/reference/staking-facts.md §1.6), GMX's GovToken from @gmx-io/sdk.
 * Their ERC20Votes interface is what `npm run check:mainnet` confirms (getVotes answers).
 */
export const GOVERNANCE_MAINNET: Partial<Record<ChainId, GovernanceDeployment>> = {
  10: { tokens: [{ symbol: 'OP', token: '0x4200000000000000000000000000000000000042', heldIn: 'wallet' }] },
  42161: {
    tokens: [
      { symbol: 'ARB', token: '0x912CE59144191C1204E64559FE8253a0e49E6548', heldIn: 'wallet' },
      ...(GMX_ARBITRUM.govToken
        ? [{ symbol: 'GMX DAO', token: GMX_ARBITRUM.govToken, heldIn: gmxHeldIn(42161) }]
        : []),
    ],
  },
  324: { tokens: [{ symbol: 'ZK', token: '0x5A7d6b2F92C77FAD6CCaBd7EE0624E64907Eaf3E', heldIn: 'wallet' }] },
};

const DEVNET_SYMBOLS: Record<ChainId, string> = { 10: 'OP', 42161: 'ARB', 324: 'ZK' };

/** The devnet's, from the names devnet/seed/governance.ts writes (`Governance.<symbol>`, `GMX.GovToken`). */
export function governanceFromManifest(
  contracts: Readonly<Record<string, Address>>,
  chainId: ChainId,
): GovernanceDeployment | null {
  const tokens: GovernanceToken[] = [];
  const symbol = DEVNET_SYMBOLS[chainId];
  const gov = contracts[`Governance.${symbol}`];
  if (gov) tokens.push({ symbol, token: gov, heldIn: 'wallet' });
  const gmxGov = contracts['GMX.GovToken'];
  if (gmxGov) tokens.push({ symbol: 'GMX DAO', token: gmxGov, heldIn: gmxHeldIn(chainId) });
  return tokens.length > 0 ? { tokens } : null;
}

export const GOVERNANCE_DEPLOYMENT: DeploymentSpec<GovernanceDeployment> = {
  devnet: governanceFromManifest,
  mainnet: GOVERNANCE_MAINNET,
};
