import { formatAmount, shortAddress } from '../../format/index';
import type { Position } from '../../portfolio/types';
import { type GovernanceDetails, isGovernanceDetails } from './types';

/** To whom the votes go, in words. */
export function delegationText(d: GovernanceDetails): string {
  switch (d.status) {
    case 'self':
      return 'delegated to yourself';
    case 'other':
      return `delegated to ${d.delegate ?? 'unknown'}`;
    case 'undelegated':
      return 'not delegated: the balance counts for nothing';
    default:
      return 'delegate unknown (delegates unreadable)';
  }
}

export function governanceLines(p: Position): string[] {
  const d = p.details;
  if (!isGovernanceDetails(d)) return [];
  const amount = (v: bigint | null) =>
    v === null ? 'unknown' : `${formatAmount(v, d.decimals)} ${d.symbol}`;
  return [
    `${amount(d.balance)} held (counted in ${d.heldInLabel}), ${d.status === 'other' && d.delegate ? `delegated to ${shortAddress(d.delegate)}` : delegationText(d)}`,
    `voting power ${amount(d.votes)}, of which delegated to you by others ${amount(d.delegatedByOthers)} (at block ${d.blockNumber})`,
  ];
}
