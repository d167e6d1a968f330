import { call, type Result } from '../../chains/multicall';
import { type BatchCheck, runBatchChecks } from '../check';
import type { CheckContext, DeploymentCheck } from '../module';
import {
  clFactoryAbi,
  clPositionManagerAbi,
  poolFactoryAbi,
  rewardsDistributorAbi,
  voterAbi,
  votingEscrowAbi,
} from './abi';
import type { VelodromeDeployment } from './addresses';

const answered =
  <T>(get: () => Result<T>, test: (v: T) => string | null = () => null) =>
  () => {
    const r = get();
    if (!r.ok) return r;
    const problem = test(r.value);
    return problem === null ? { ok: true } : { ok: false, error: problem };
  };

const same = (expected: string) => (v: string) =>
  v.toLowerCase() === expected.toLowerCase() ? null : `answers ${v}, expected ${expected}`;

/**
 * `npm run check:mainnet` for Velodrome: the factory, Voter, voting escrow and rebase distributor answer the
 * reads the reader makes, the Voter names the same voting escrow, and the escrow locks the same VELO.
 */
export function checkVelodrome(ctx: CheckContext, d: VelodromeDeployment): Promise<DeploymentCheck[]> {
  return runBatchChecks(ctx, (batch): BatchCheck[] => {
    const firstPool = batch.add(call(d.poolFactory, poolFactoryAbi, 'allPools', [0n]));
    return [
      [
        'Velodrome PoolFactory',
        d.poolFactory,
        answered(batch.add(call(d.poolFactory, poolFactoryAbi, 'allPoolsLength')), (n) =>
          n > 0n ? null : 'no pools',
        ),
      ],
      [
        'Velodrome Voter (ve)',
        d.voter,
        answered(batch.add(call(d.voter, voterAbi, 've')), same(d.votingEscrow)),
      ],
      ['Velodrome Voter (length)', d.voter, answered(batch.add(call(d.voter, voterAbi, 'length')))],
      [
        'veVELO (token)',
        d.votingEscrow,
        answered(batch.add(call(d.votingEscrow, votingEscrowAbi, 'token')), same(d.velo)),
      ],
      [
        'Velodrome RewardsDistributor',
        d.rewardsDistributor,
        answered(batch.add(call(d.rewardsDistributor, rewardsDistributorAbi, 'claimable', [1n]))),
      ],
      ['Velodrome PoolFactory (allPools)', d.poolFactory, answered(firstPool)],
      // Slipstream only where its addresses are known (the devnet today; mainnet's are unverified).
      ...(d.slipstream
        ? ([
            [
              'Slipstream CLFactory',
              d.slipstream.factory,
              answered(batch.add(call(d.slipstream.factory, clFactoryAbi, 'allPoolsLength'))),
            ],
            [
              'Slipstream NonfungiblePositionManager',
              d.slipstream.positionManager,
              answered(
                batch.add(call(d.slipstream.positionManager, clPositionManagerAbi, 'balanceOf', [d.voter])),
              ),
            ],
          ] satisfies BatchCheck[])
        : []),
    ];
  });
}
