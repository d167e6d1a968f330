import type { DeploymentSpec } from '../../chains/network';
import { defineModule, type RegisteredModule } from '../module';
import { GMX_DEPLOYMENT, type GmxDeployment } from './addresses';
import { checkGmx } from './check';
import { gmxLens } from './lens';
import { readGmx } from './read';
import { GMX_ID } from './types';
import { gmxPositionLines } from './view';

export { isGmxDetails } from './types';

/** The module over a given deployment table (tests read through variants of it). */
export function gmxModuleFor(deployment: DeploymentSpec<GmxDeployment>): RegisteredModule {
  return defineModule({
    id: GMX_ID,
    name: 'GMX',
    order: 40,
    kinds: ['staking', 'vesting'],
    deployment,
    lens: gmxLens,
    read: readGmx,
    positionLines: gmxPositionLines,
    check: checkGmx,
  });
}

export const gmxModule = gmxModuleFor(GMX_DEPLOYMENT);
