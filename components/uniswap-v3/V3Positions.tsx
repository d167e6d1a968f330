'use client';

import { useId, useState } from 'react';
import type { Position } from '@/lib/portfolio/types';
import { isV3Details } from '@/lib/protocols/uniswap-v3/types';
import type { ProtocolViewProps } from '../positions/types';
import { V3PositionItem } from './V3PositionItem';

const isClosed = (p: Position) => isV3Details(p.details) && p.details.closed;

/**
 * A chain's positions in one V3 deployment (Uniswap V3, SushiSwap V3): open ones (and any the reader could
 * not read, which say why), then closed ones (no liquidity; fees may still be owed) behind a toggle.
 */
export function V3Positions({ positions }: ProtocolViewProps) {
  const [showClosed, setShowClosed] = useState(false);
  const closedId = useId();
  const open = positions.filter((p) => !isClosed(p));
  const closed = positions.filter(isClosed);
  return (
    <div>
      {open.length > 0 ? (
        <ul className="divide-y divide-zinc-100 dark:divide-zinc-800">
          {open.map((p) => (
            <V3PositionItem key={p.id} position={p} />
          ))}
        </ul>
      ) : (
        <p className="py-2 text-sm text-zinc-600 dark:text-zinc-300">No open positions.</p>
      )}
      {closed.length > 0 ? (
        <div className="mt-1">
          <button
            type="button"
            className="text-xs font-medium text-sky-700 underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-sky-500 dark:text-sky-400"
            aria-expanded={showClosed}
            aria-controls={closedId}
            onClick={() => setShowClosed((v) => !v)}
            data-testid="v3-closed-toggle"
          >
            {showClosed ? 'Hide' : 'Show'} {closed.length} closed position{closed.length === 1 ? '' : 's'}
          </button>
          <ul id={closedId} hidden={!showClosed} className="divide-y divide-zinc-100 dark:divide-zinc-800">
            {closed.map((p) => (
              <V3PositionItem key={p.id} position={p} />
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
