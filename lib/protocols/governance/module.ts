import type { DeploymentSpec } from '../../chains/network';
import { defineModule, type RegisteredModule } from '../module';
import { GOVERNANCE_DEPLOYMENT, type GovernanceDeployment } from './addresses';
import { checkGovernance } from './check';
import { governanceLens } from './lens';
import { readGovernance } from './read';
import { GOVERNANCE_ID } from './types';
import { governanceLines } from './view';

export { isGovernanceDetails } from './types';

/** The module over a given deployment table (tests read through variants of it). */
export function governanceModuleFor(deployment: DeploymentSpec<GovernanceDeployment>): RegisteredModule {
  return defineModule({
    id: GOVERNANCE_ID,
    name: 'Governance',
    order: 90,
    kinds: ['voting'],
    deployment,
    lens: governanceLens,
    read: readGovernance,
    positionLines: governanceLines,
    check: checkGovernance,
  });
}

export const governanceModule = governanceModuleFor(GOVERNANCE_DEPLOYMENT);
