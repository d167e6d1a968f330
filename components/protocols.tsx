import type { ComponentType } from 'react';
import { aaveV3Module } from '@/lib/protocols/aave-v3/module';
import { camelotModule } from '@/lib/protocols/camelot/module';
import { gmxModule } from '@/lib/protocols/gmx/module';
import { governanceModule } from '@/lib/protocols/governance/module';
import { liquidStakingModule } from '@/lib/protocols/liquid-staking/module';
import { WALLET_PROTOCOL } from '@/lib/protocols/registry';
import { stakingRewardsModule } from '@/lib/protocols/staking-rewards/module';
import { syncswapModule } from '@/lib/protocols/syncswap/module';
import { sushiswapV3Module, uniswapV3Module } from '@/lib/protocols/uniswap-v3/module';
import { vaultsModule } from '@/lib/protocols/vaults/module';
import { velodromeModule } from '@/lib/protocols/velodrome/module';
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
 * protocol's module (`protocolInfo`); a protocol without a view here is shown by GenericPositions.
 */
const VIEWS: Record<string, ComponentType<ProtocolViewProps>> = {
  [WALLET_PROTOCOL]: WalletBalances,
  [uniswapV3Module.id]: V3Positions,
  [sushiswapV3Module.id]: V3Positions,
  [aaveV3Module.id]: AaveV3Positions,
  [velodromeModule.id]: VelodromePositions,
  [camelotModule.id]: CamelotPositions,
  [stakingRewardsModule.id]: StakingRewardsPositions,
  [gmxModule.id]: GmxPositions,
  [governanceModule.id]: GovernancePositions,
  [liquidStakingModule.id]: LiquidStakingRates,
  [vaultsModule.id]: VaultPositions,
  [syncswapModule.id]: SyncSwapPositions,
};

export function protocolView(protocol: string): ComponentType<ProtocolViewProps> {
  return VIEWS[protocol] ?? GenericPositions;
}
