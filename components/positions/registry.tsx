import type { ComponentType } from 'react';
import type { Network } from '@/lib/chains/network';
import type { ChainId } from '@/lib/chains/registry';
import type { Position, ProtocolSummary } from '@/lib/portfolio/types';
import { AAVE_V3_ID } from '@/lib/protocols/aave-v3/types';
import { WALLET_PROTOCOL } from '@/lib/protocols/wallet/read';
import { AaveV3Positions } from '../aave-v3/AaveV3Positions';
import { V3Positions } from '../uniswap-v3/V3Positions';
import { GenericPositions } from './GenericPositions';
import { WalletBalances } from './WalletBalances';

export interface ProtocolViewProps {
  chainId: ChainId;
  network: Network['name'];
  positions: Position[];
  summary: ProtocolSummary | undefined;
}

export interface ProtocolView {
  title: string;
  Component: ComponentType<ProtocolViewProps>;
}

/**
 * How each protocol's positions are shown in a chain section, by protocol id. A protocol without an
 * entry is shown with GenericPositions under its id. Sections appear in this order, then the rest.
 */
export const PROTOCOL_VIEWS: Record<string, ProtocolView> = {
  [WALLET_PROTOCOL]: { title: 'Wallet', Component: WalletBalances },
  'uniswap-v3': { title: 'Uniswap V3', Component: V3Positions },
  'sushiswap-v3': { title: 'SushiSwap V3', Component: V3Positions },
  [AAVE_V3_ID]: { title: 'Aave V3', Component: AaveV3Positions },
};

export const FALLBACK_VIEW: ProtocolView['Component'] = GenericPositions;
