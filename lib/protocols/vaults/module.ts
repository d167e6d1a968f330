import { defineModule } from '../module';
import { VAULTS_DEPLOYMENT } from './addresses';
import { vaultsLens } from './lens';
import { readVaults } from './read';
import { VAULTS_ID } from './types';
import { vaultPositionLines } from './view';

export const vaultsModule = defineModule({
  id: VAULTS_ID,
  name: 'Vaults (ERC-4626)',
  order: 60,
  kinds: ['vault'],
  deployment: VAULTS_DEPLOYMENT,
  lens: vaultsLens,
  read: (ctx, d) => readVaults(ctx, d),
  positionLines: vaultPositionLines,
});
