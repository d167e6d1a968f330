import type { ComponentType } from 'react';
import { AAVE_V3_ID } from '@/lib/protocols/aave-v3/types';
import { CAMELOT_ID } from '@/lib/protocols/camelot/types';
import { GMX_ID } from '@/lib/protocols/gmx/types';
import { GOVERNANCE_ID } from '@/lib/protocols/governance/types';
import { LIQUID_STAKING_ID } from '@/lib/protocols/liquid-staking/types';
import { STAKING_REWARDS_ID } from '@/lib/protocols/staking-rewards/types';
import { SYNCSWAP_ID } from '@/lib/protocols/syncswap/types';
import { SUSHISWAP_V3_ID, UNISWAP_V3_ID } from '@/lib/protocols/uniswap-v3/types';
import { VAULTS_ID } from '@/lib/protocols/vaults/types';
import { VELODROME_ID } from '@/lib/protocols/velodrome/types';
import { WALLET_PROTOCOL } from '@/lib/protocols/wallet/types';
import { AaveV3Positions } from './aave-v3/AaveV3Positions';
import { CamelotPositions } from './camelot/CamelotPositions';
import { GmxPositions } from './gmx/GmxPositions';
import { GovernancePositions } from './governance/GovernancePositions';
import { LiquidStakingRates } from './liquid-staking/LiquidStakingRates';
import { GenericPositions } from './positions/GenericPositions';
import type { ProtocolViewProps } from './positions/types';
import { WalletBalances } from './positions/WalletBalances';
import { StakingRewardsPositions } from './staking-rewards/StakingRewardsPositions';
import { SyncSwapPositions } from './syncswap/SyncSwapPositions';
import { V3Positions } from './uniswap-v3/V3Positions';
import { VaultPositions } from './vaults/VaultPositions';
import { VelodromePositions } from './velodrome/VelodromePositions';

/**
 * Which view shows which protocol's positions, one line per protocol. Titles and order come from the
 * chain's data (`ChainPortfolio.protocols`); a protocol without a view here is shown by GenericPositions.
 */
const VIEWS: Record<string, ComponentType<ProtocolViewProps>> = {
  [WALLET_PROTOCOL]: WalletBalances,
  [UNISWAP_V3_ID]: V3Positions,
  [SUSHISWAP_V3_ID]: V3Positions,
  [AAVE_V3_ID]: AaveV3Positions,
  [VELODROME_ID]: VelodromePositions,
  [CAMELOT_ID]: CamelotPositions,
  [STAKING_REWARDS_ID]: StakingRewardsPositions,
  [GMX_ID]: GmxPositions,
  [GOVERNANCE_ID]: GovernancePositions,
  [LIQUID_STAKING_ID]: LiquidStakingRates,
  [VAULTS_ID]: VaultPositions,
  [SYNCSWAP_ID]: SyncSwapPositions,
};

export function protocolView(protocol: string): ComponentType<ProtocolViewProps> {
  return VIEWS[protocol] ?? GenericPositions;
}
