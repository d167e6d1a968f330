import { type Address, zeroAddress } from 'viem';
import { Batch, call } from '../../chains/multicall';
import type { RoundOneJob } from '../../chains/round-one';
import type { LensContext } from '../../portfolio/types';
import { FollowUpProgram, type StepRef } from '../follow-up/program';
import { pairAbi } from '../v2-pairs/abi';
import { stakingRewardsAbi } from './abi';
import { addFarmViews, addStakedPairReads, farmRequests, type StakingRewardsDeployment } from './read';
import { STAKING_REWARDS_ID } from './types';

/**
 * Round 1 of the module, known and user-added farms alike: level 1 (each farm's own views, the reader's
 * calls), level 2 derived from it (the staked and reward tokens' metadata; whether the staked token is a
 * pool: its tokens and reserves, read whatever its price, since prices are not known before the block)
 * and level 3 (the pool's tokens' metadata).
 */
export function stakingRewardsLens(ctx: LensContext, d: StakingRewardsDeployment): RoundOneJob[] {
  let requests: ReturnType<typeof farmRequests>;
  try {
    requests = farmRequests(d, ctx.userEntries?.[STAKING_REWARDS_ID] ?? []);
  } catch {
    return []; // an entry that is not an address: the reader reports it
  }
  if (requests.length === 0) return [];
  const first = new Batch();
  addFarmViews(first, requests, ctx.owner);
  const program = new FollowUpProgram().calls(first.pending);
  // The pool reads' calldata, as the reader encodes them (the target comes from the farm's answer).
  const pairReads = new Batch();
  addStakedPairReads(pairReads, zeroAddress);
  const token0 = call(zeroAddress, pairAbi, 'token0').callData;
  const token1 = call(zeroAddress, pairAbi, 'token1').callData;
  const on = (farm: Address, fn: 'stakingToken' | 'rewardsToken'): StepRef =>
    program.ref(call(farm, stakingRewardsAbi, fn));
  for (const r of requests) {
    const staking = on(r.address, 'stakingToken');
    program.metadataOn(staking);
    program.metadataOn(on(r.address, 'rewardsToken'));
    const steps = pairReads.pending.map((c) => [c.callData, program.on(staking, c.callData)] as const);
    for (const [data, step] of steps) if (data === token0 || data === token1) program.metadataOn(step);
  }
  return [program.job('staking rewards')];
}
