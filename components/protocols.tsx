import type { ComponentType } from 'react';
import { aaveV3Module } from '@/lib/protocols/aave-v3/module';
import { liquidStakingModule } from '@/lib/protocols/liquid-staking/module';
import { WALLET_PROTOCOL } from '@/lib/protocols/registry';
import { sushiswapV3Module, uniswapV3Module } from '@/lib/protocols/uniswap-v3/module';
import { vaultsModule } from '@/lib/protocols/vaults/module';
import { AaveV3Positions } from './aave-v3/AaveV3Positions';
import { LiquidStakingRates } from './liquid-staking/LiquidStakingRates';
import { GenericPositions } from './positions/GenericPositions';
import type { ProtocolViewProps } from './positions/types';
import { WalletBalances } from './positions/WalletBalances';
import { V3Positions } from './uniswap-v3/V3Positions';
import { VaultPositions } from './vaults/VaultPositions';

/**
 * Which view shows which protocol's positions, one line per protocol. Titles and order come from the
 * protocol's module (`protocolInfo`); a protocol without a view here is shown by GenericPositions.
 */
const VIEWS: Record<string, ComponentType<ProtocolViewProps>> = {
  [WALLET_PROTOCOL]: WalletBalances,
  [uniswapV3Module.id]: V3Positions,
  [sushiswapV3Module.id]: V3Positions,
  [aaveV3Module.id]: AaveV3Positions,
  [liquidStakingModule.id]: LiquidStakingRates,
  [vaultsModule.id]: VaultPositions,
};

export function protocolView(protocol: string): ComponentType<ProtocolViewProps> {
  return VIEWS[protocol] ?? GenericPositions;
}
