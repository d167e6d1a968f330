import type { DeploymentSpec } from '../../chains/network';
import { defineModule, type RegisteredModule } from '../module';
import { AAVE_V3_DEPLOYMENT, type AaveV3Market } from './addresses';
import { checkAaveV3Market } from './check';
import { aaveV3Lens } from './lens';
import { readAaveV3 } from './read';
import { AAVE_V3_ID, isAaveV3Summary } from './types';
import { aaveV3SummaryLines } from './view';

export { isAaveV3Details, isAaveV3Summary } from './types';

/** The module over a given deployment table (tests and benches read through variants of it). */
export function aaveV3ModuleFor(deployment: DeploymentSpec<AaveV3Market>): RegisteredModule {
  return defineModule({
    id: AAVE_V3_ID,
    name: 'Aave V3',
    order: 30,
    kinds: ['supply', 'borrow', 'farming'],
    deployment,
    lens: aaveV3Lens,
    read: readAaveV3,
    summaryLines: (s) => (isAaveV3Summary(s) ? aaveV3SummaryLines(s) : []),
    check: checkAaveV3Market,
  });
}

export const aaveV3Module = aaveV3ModuleFor(AAVE_V3_DEPLOYMENT);
