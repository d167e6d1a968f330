import { CHAINS } from '@/lib/chains/registry';
import type { ChainFeeQuote } from '@/lib/fees/types';
import type { FeeColumn } from '@/lib/fees/view';
import { formatGwei } from '@/lib/fees/view';

function ModelFacts({ quote }: { quote: ChainFeeQuote }) {
  const m = quote.model;
  const gwei = (v: bigint | null) => (v === null ? 'unreadable' : formatGwei(v));
  if (m.type === 'op-stack') {
    const forks = Object.entries(m.forks)
      .filter(([, on]) => on)
      .map(([name]) => name)
      .join(', ');
    return (
      <p>
        GasPriceOracle: L1 base fee {gwei(m.l1BaseFee)}, blob base fee {gwei(m.blobBaseFee)}, scalars{' '}
        {m.baseFeeScalar?.toString() ?? '?'} / {m.blobBaseFeeScalar?.toString() ?? '?'} (×10⁻⁶); forks{' '}
        {forks || 'unknown'}. The L1 fee is the oracle’s <code>getL1Fee</code> of each serialised transaction.
        {m.forks.isthmus === null ? ' This oracle predates Isthmus: no operator fee.' : ''}
      </p>
    );
  }
  if (m.type === 'arbitrum') {
    return (
      <p>
        ArbGasInfo: L1 price {gwei(m.l1PricePerUnit)} per calldata unit, L2 floor {gwei(m.minimumGasPrice)}.
        The L1 part is NodeInterface’s <code>gasEstimateL1Component</code>, charged as extra gas at the L2
        base fee
        {m.estimateIncludesL1 ? '; it is taken out of the node’s gas estimate, which includes it.' : '.'}
      </p>
    );
  }
  return (
    <p>
      Pubdata (the L1 part) is charged as gas inside each estimate and cannot be separated;{' '}
      {m.gasPerPubdata !== null
        ? `the node charges ${m.gasPerPubdata.toString()} gas per pubdata byte now.`
        : `gas per pubdata byte is not shown: ${m.gasPerPubdataNote ?? 'not offered'}.`}
    </p>
  );
}

/** How each chain was quoted, and anything a reader should know about its figures. */
export function FeeModelNotes({ columns }: { columns: readonly FeeColumn[] }) {
  return (
    <ul className="space-y-3 text-sm text-zinc-600 dark:text-zinc-300">
      {columns.map((c) => {
        if (c.status !== 'ready') return null;
        const typical = c.quote.actions.filter((a) => a.gasSource?.kind === 'typical');
        return (
          <li key={c.chainId}>
            <p className="font-semibold text-zinc-800 dark:text-zinc-100">{CHAINS[c.chainId].name}</p>
            <ModelFacts quote={c.quote} />
            {typical.length > 0 ? (
              <p>
                Typical gas figures (not estimated):{' '}
                {typical.map((a) => (a.gasSource?.kind === 'typical' ? a.gasSource.reason : '')).join('; ')}.
              </p>
            ) : null}
            {c.quote.warnings.map((w) => (
              <p key={w} className="text-amber-800 dark:text-amber-300">
                {w}
              </p>
            ))}
          </li>
        );
      })}
    </ul>
  );
}
