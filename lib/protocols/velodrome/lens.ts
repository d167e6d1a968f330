import { encodeAbiParameters, parseAbiParameters } from 'viem';
import type { RoundOneJob } from '../../chains/round-one';
import type { LensContext } from '../../portfolio/types';
import { LENS_GAS_BUDGET } from '../v2-pairs/lens';
import type { VelodromeDeployment } from './addresses';
import { MAX_LOCKS, MAX_POOLS } from './read';
import { VelodromeLens } from './VelodromeLens.bytecode';

const inputParams = parseAbiParameters(
  '(address, address, address, address, address, address, uint256, uint256, uint256)',
);

/**
 * Velodrome V2's round 1 (`VelodromeLens.sol`): every current-block call of `readVelodrome` — the
 * factory's pools, the owner's LP and gauge stakes, pool and gauge state, veVELO locks with their votes,
 * rebases, voting fees and incentives. Slipstream is not part of it (its own jobs sit beside these in
 * `module.ts`).
 */
export function velodromeJobs(
  ctx: LensContext,
  d: VelodromeDeployment,
  gasBudget = LENS_GAS_BUDGET,
): RoundOneJob[] {
  return [
    {
      label: 'velodrome: V2 pools, gauges and veVELO',
      lens: VelodromeLens,
      input: encodeAbiParameters(inputParams, [
        [
          d.poolFactory,
          d.voter,
          d.votingEscrow,
          d.rewardsDistributor,
          d.velo,
          ctx.owner,
          BigInt(MAX_POOLS),
          BigInt(MAX_LOCKS),
          gasBudget,
        ],
      ]),
    },
  ];
}
