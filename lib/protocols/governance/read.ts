import { type Address, getAddress, zeroAddress } from 'viem';
import { Batch, call } from '../../chains/multicall';
import { CHAINS } from '../../chains/registry';
import { formatAmount } from '../../format/index';
import type { ChainReadContext, Position, ProtocolReadResult } from '../../portfolio/types';
import { knownZeroYield } from '../../portfolio/yield';
import { WALLET_PROTOCOL } from '../wallet/read';
import { votesAbi } from './abi';
import type { GovernanceDeployment } from './addresses';
import { type DelegationStatus, GOVERNANCE_ID, type GovernanceDetails } from './types';

export const DELEGATION_PAYS_NOTHING = 'delegation pays nothing: this is voting power, not income';

/** The module's one level, known before any block (round 1 hands the same calls in: `lens.ts`). */
export function addGovernanceReads(batch: Batch, d: GovernanceDeployment, owner: Address) {
  return d.tokens.map((t) => ({
    t,
    balance: batch.add(call(t.token, votesAbi, 'balanceOf', [owner])),
    decimals: batch.add(call(t.token, votesAbi, 'decimals')),
    delegate: batch.add(call(t.token, votesAbi, 'delegates', [owner])),
    votes: batch.add(call(t.token, votesAbi, 'getVotes', [owner])),
  }));
}

/**
 * Reads the account's voting power on each voting token of the chain, in one multicall pinned to the
 * read block: `balanceOf`, `delegates`, `getVotes`, `decimals`. Each position is detail on the position
 * that holds the token (`countedIn`), with no value of its own, so nothing is counted twice. A token
 * whose reads fail gets its own message and the others render.
 */
export async function readGovernance(
  ctx: ChainReadContext,
  d: GovernanceDeployment,
): Promise<ProtocolReadResult> {
  const { owner, blockNumber } = ctx;
  const batch = new Batch();
  const reads = addGovernanceReads(batch, d, owner);
  await batch.execute(ctx.client, { multicall3: CHAINS[ctx.chainId].multicall3, blockNumber });

  const positions: Position[] = [];
  for (const r of reads) {
    const problems: string[] = [];
    const balanceR = r.balance();
    const decimalsR = r.decimals();
    const delegateR = r.delegate();
    const votesR = r.votes();
    if (!balanceR.ok) problems.push(`balanceOf failed: ${balanceR.error}`);
    if (!delegateR.ok) problems.push(`delegates failed: ${delegateR.error}; the delegate is unknown`);
    if (!votesR.ok) problems.push(`getVotes failed: ${votesR.error}; voting power is unknown`);
    const balance = balanceR.ok ? balanceR.value : null;
    const votes = votesR.ok ? votesR.value : null;
    const decimals = decimalsR.ok && decimalsR.value <= 36 ? decimalsR.value : null;
    const delegateRaw = delegateR.ok ? getAddress(delegateR.value) : null;
    const status: DelegationStatus =
      delegateRaw === null
        ? 'unknown'
        : delegateRaw === zeroAddress
          ? 'undelegated'
          : delegateRaw === getAddress(owner)
            ? 'self'
            : 'other';
    // Nothing held, nothing delegated, no votes: there is nothing to say (unless a read failed).
    if (problems.length === 0 && balance === 0n && votes === 0n && status === 'undelegated') continue;
    if (problems.length > 0 && balance === 0n && !delegateR.ok && !votesR.ok) continue;

    let delegatedByOthers: bigint | null = null;
    if (votes !== null && status !== 'unknown') {
      if (status !== 'self') delegatedByOthers = votes;
      else if (balance !== null) delegatedByOthers = votes >= balance ? votes - balance : 0n;
    }
    if (status === 'undelegated' && balance !== null && balance > 0n) {
      problems.push(
        `undelegated: ${formatAmount(balance, decimals)} ${r.t.symbol} count for nothing in votes until delegated (to yourself or someone else)`,
      );
    }
    const countedIn =
      r.t.heldIn === 'wallet'
        ? `${ctx.chainId}:${WALLET_PROTOCOL}:${getAddress(r.t.token)}`
        : r.t.heldIn.position;
    const details: GovernanceDetails = {
      type: GOVERNANCE_ID,
      token: getAddress(r.t.token),
      symbol: r.t.symbol,
      decimals,
      balance,
      delegate: delegateRaw === null || delegateRaw === zeroAddress ? null : delegateRaw,
      status,
      votes,
      delegatedByOthers,
      countedIn,
      heldInLabel: r.t.heldIn === 'wallet' ? `${r.t.symbol} in the wallet` : r.t.heldIn.label,
      blockNumber,
    };
    positions.push({
      protocol: GOVERNANCE_ID,
      kind: 'voting',
      id: `${ctx.chainId}:${GOVERNANCE_ID}:${getAddress(r.t.token)}`,
      label: `${r.t.symbol} voting power`,
      // No value of its own: the balance is counted where it is held.
      assets: [],
      rewards: [],
      yield: knownZeroYield(DELEGATION_PAYS_NOTHING),
      warning: problems.length > 0 ? problems.join('; ') : null,
      details,
      countedIn,
    });
  }
  return { positions };
}
