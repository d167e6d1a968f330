import type { ProtocolInfo } from '../portfolio/types';
import { aaveV3Module } from './aave-v3/module';
import { camelotModule } from './camelot/module';
import { gmxModule } from './gmx/module';
import { governanceModule } from './governance/module';
import { liquidStakingModule } from './liquid-staking/module';
import type { RegisteredModule } from './module';
import { stakingRewardsModule } from './staking-rewards/module';
import { syncswapModule } from './syncswap/module';
import { sushiswapV3Module, uniswapV3Module } from './uniswap-v3/module';
import { vaultsModule } from './vaults/module';
import { velodromeModule } from './velodrome/module';

/**
 * Every protocol module the portfolio reads, one line each. Display order comes from each module's
 * `order`, never from this list's.
 */
const MODULES: readonly RegisteredModule[] = [
  uniswapV3Module,
  sushiswapV3Module,
  aaveV3Module,
  velodromeModule,
  stakingRewardsModule,
  camelotModule,
  gmxModule,
  governanceModule,
  liquidStakingModule,
  vaultsModule,
  syncswapModule,
];

export const PROTOCOL_MODULES: readonly RegisteredModule[] = [...MODULES].sort((a, b) => a.order - b.order);

/** The wallet's balances are read in the first batch, not by a module, but show and sort like one. */
export { WALLET_PROTOCOL } from './wallet/read';

import { WALLET_PROTOCOL } from './wallet/read';

export type { ProtocolInfo } from '../portfolio/types';

/** What a view needs of a module (carried with each chain's data, `ChainPortfolio.protocols`). */
export function infoOf(m: RegisteredModule): ProtocolInfo {
  return { id: m.id, name: m.name, order: m.order, kinds: m.kinds };
}

const INFO = new Map<string, ProtocolInfo>([
  [WALLET_PROTOCOL, { id: WALLET_PROTOCOL, name: 'Wallet', order: 0, kinds: ['balance'] }],
  ...PROTOCOL_MODULES.map((m): [string, ProtocolInfo] => [m.id, infoOf(m)]),
]);

/** Name and order of a protocol id; an unknown id (a future module's data) shows under its id, last. */
export function protocolInfo(id: string): ProtocolInfo {
  return INFO.get(id) ?? { id, name: id, order: Number.MAX_SAFE_INTEGER, kinds: [] };
}
