import { formatAmount, shortAddress } from '@/lib/format/index';
import type { GovernanceDetails } from '@/lib/protocols/governance/types';
import { isGovernanceDetails } from '@/lib/protocols/governance/types';
import { delegationText } from '@/lib/protocols/governance/view';
import type { ProtocolViewProps } from '../positions/types';
import { Badge } from '../ui/primitives';

function amount(v: bigint | null, d: GovernanceDetails): string {
  return v === null ? 'unknown' : `${formatAmount(v, d.decimals)} ${d.symbol}`;
}

/**
 * Voting power per governance token: whom the votes go to, the power, what others delegated. No value
 * and no APR: the balance is counted where it is held, and delegation pays nothing.
 */
export function GovernancePositions({ positions }: ProtocolViewProps) {
  return (
    <ul className="divide-y divide-zinc-100 text-sm dark:divide-zinc-800" data-testid="governance">
      {positions.map((p) => {
        const d = p.details;
        if (!isGovernanceDetails(d)) return null;
        return (
          <li
            key={p.id}
            className="space-y-1 py-2"
            data-testid="governance-row"
            data-symbol={d.symbol}
            data-status={d.status}
          >
            <div className="flex flex-wrap items-baseline justify-between gap-2">
              <p className="font-medium">{d.symbol} voting power</p>
              <p className="tabular-nums">
                <span className="font-semibold" data-testid="governance-votes">
                  {amount(d.votes, d)}
                </span>{' '}
                <span className="text-xs text-zinc-600 dark:text-zinc-300">power, not income</span>
              </p>
            </div>
            <p data-testid="governance-delegate">
              {d.status === 'undelegated' ? (
                <Badge tone="warn">not delegated</Badge>
              ) : d.status === 'self' ? (
                <Badge tone="neutral">delegated to yourself</Badge>
              ) : d.status === 'other' && d.delegate ? (
                <span title={d.delegate}>
                  Delegated to <span className="font-mono">{shortAddress(d.delegate)}</span>
                </span>
              ) : (
                delegationText(d)
              )}{' '}
              <span className="text-zinc-600 dark:text-zinc-300">
                · {amount(d.balance, d)} held ({d.heldInLabel}; its value is counted there)
              </span>
            </p>
            <p className="text-zinc-600 dark:text-zinc-300">
              Delegated to you by others:{' '}
              <span className="tabular-nums" data-testid="governance-others">
                {amount(d.delegatedByOthers, d)}
              </span>{' '}
              <span className="text-xs text-zinc-600 dark:text-zinc-300">
                (the total is exact; who they are is not readable from the token)
              </span>
            </p>
            {p.warning ? (
              <p className="text-xs text-amber-700 dark:text-amber-400" role="note">
                {p.warning}
              </p>
            ) : null}
            <p className="text-xs text-zinc-600 dark:text-zinc-300">
              Delegation pays nothing · block {d.blockNumber.toString()}
            </p>
          </li>
        );
      })}
    </ul>
  );
}
