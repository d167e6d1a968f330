import { Batch, call } from '../../chains/multicall';
import type { RoundOneJob } from '../../chains/round-one';
import type { LensContext } from '../../portfolio/types';
import { argOffset, FollowUpProgram } from '../follow-up/program';
import { erc4626Abi } from './abi';
import { addVaultFirstLevel, vaultTargets } from './read';
import { VAULTS_ID, type VaultsDeployment } from './types';

/**
 * Round 1 of the module, curated and user-added vaults alike: the reader's first level (its own calls),
 * then what its second level derives from it: the metadata of the `asset()` each vault returned and
 * `convertToAssets(balanceOf(owner))` where the balance is not zero. The share price back in time is a
 * past-block read (round 2), not here.
 */
export function vaultsLens(ctx: LensContext, d: VaultsDeployment): RoundOneJob[] {
  let targets: ReturnType<typeof vaultTargets>;
  try {
    targets = vaultTargets(d, ctx.userEntries?.[VAULTS_ID]);
  } catch {
    return []; // an entry that is not an address: the reader reports it
  }
  if (targets.length === 0) return [];
  const first = new Batch();
  addVaultFirstLevel(first, targets, ctx.owner);
  const program = new FollowUpProgram().calls(first.pending);
  for (const t of targets) {
    program.metadataOn(program.ref(call(t.vault, erc4626Abi, 'asset')));
    const balance = program.ref(call(t.vault, erc4626Abi, 'balanceOf', [ctx.owner]));
    const template = call(t.vault, erc4626Abi, 'convertToAssets', [0n]);
    program.withArg(t.vault, template.callData, argOffset(0), balance);
  }
  return [program.job('vaults')];
}
