import GlpManager from '@gmx-io/sdk/abis/GlpManager';
import GovToken from '@gmx-io/sdk/abis/GovToken';
import RewardRouter from '@gmx-io/sdk/abis/RewardRouter';
import RewardTracker from '@gmx-io/sdk/abis/RewardTracker';
import Vester from '@gmx-io/sdk/abis/Vester';
import { type Abi, toFunctionSelector } from 'viem';
import { describe, expect, it } from 'vitest';
import { votesAbi } from '../governance/abi';
import { glpManagerAbi, rewardRouterAbi, rewardTrackerAbi, vesterAbi } from './abi';

/** name → selector and output types of every function in an ABI. */
function functions(abi: Abi) {
  return new Map(
    abi.flatMap((e) =>
      e.type === 'function'
        ? [[e.name, { selector: toFunctionSelector(e), outputs: e.outputs.map((o) => o.type) }]]
        : [],
    ),
  );
}

describe("GMX read ABIs are @gmx-io/sdk's", () => {
  it.each([
    ['RewardTracker', rewardTrackerAbi, RewardTracker],
    ['Vester', vesterAbi, Vester],
    ['RewardRouter', rewardRouterAbi, RewardRouter],
    ['GlpManager', glpManagerAbi, GlpManager],
    ['GovToken (governance votes)', votesAbi, GovToken],
  ] as const)('%s: every function we call has the SDK ABI’s selector and outputs', (_, ours, sdk) => {
    const theirs = functions(sdk as Abi);
    for (const [name, f] of functions(ours)) expect(theirs.get(name), name).toEqual(f);
  });
});
