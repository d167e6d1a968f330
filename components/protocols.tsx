import type { ComponentType } from 'react';
import { aaveV3Module } from '@/lib/protocols/aave-v3/module';
import { gmxModule } from '@/lib/protocols/gmx/module';
import { governanceModule } from '@/lib/protocols/governance/module';
import { WALLET_PROTOCOL } from '@/lib/protocols/registry';
import { sushiswapV3Module, uniswapV3Module } from '@/lib/protocols/uniswap-v3/module';
import { AaveV3Positions } from './aave-v3/AaveV3Positions';
import { GmxPositions } from './gmx/GmxPositions';
import { GovernancePositions } from './governance/GovernancePositions';
import { GenericPositions } from './positions/GenericPositions';
import type { ProtocolViewProps } from './positions/types';
import { WalletBalances } from './positions/WalletBalances';
import { V3Positions } from './uniswap-v3/V3Positions';

/**
 * Which view shows which protocol's positions, one line per protocol. Titles and order come from the
 * protocol's module (`protocolInfo`); a protocol without a view here is shown by GenericPositions.
 */
const VIEWS: Record<string, ComponentType<ProtocolViewProps>> = {
  [WALLET_PROTOCOL]: WalletBalances,
  [uniswapV3Module.id]: V3Positions,
  [sushiswapV3Module.id]: V3Positions,
  [aaveV3Module.id]: AaveV3Positions,
  [gmxModule.id]: GmxPositions,
  [governanceModule.id]: GovernancePositions,
};

export function protocolView(protocol: string): ComponentType<ProtocolViewProps> {
  return VIEWS[protocol] ?? GenericPositions;
}
