'use client';

import { type ReactNode, useState } from 'react';
import { buttonClass } from '../ui/primitives';

/** Lists up to this long are drawn whole; longer ones start with the first `PAGE` items. */
export const COLLAPSE_OVER = 25;
export const PAGE = 20;

export function visibleCount(total: number, pages: number): number {
  return total <= COLLAPSE_OVER ? total : Math.min(total, PAGE * pages);
}

/**
 * A whale's page draws only what is on screen: a protocol with hundreds of positions shows the first
 * twenty and grows twenty at a time on request (or all at once), so first render costs the same
 * whatever the count. The chain's total always covers every position, drawn or not.
 */
export function CollapsedList<T>({
  items,
  label,
  children,
}: {
  items: readonly T[];
  label: string;
  children: (shown: T[]) => ReactNode;
}) {
  const [pages, setPages] = useState(1);
  const shown = visibleCount(items.length, pages);
  const rest = items.length - shown;
  return (
    <>
      {children(items.slice(0, shown))}
      {rest > 0 ? (
        <div className="mt-2 flex flex-wrap items-center gap-2 text-xs text-zinc-600 dark:text-zinc-300">
          <span data-testid="collapsed-count">
            Showing {shown} of {items.length} {label}.
          </span>
          <button type="button" className={buttonClass} onClick={() => setPages((p) => p + 1)}>
            Show {Math.min(PAGE, rest)} more
          </button>
          <button
            type="button"
            className={buttonClass}
            onClick={() => setPages(Math.ceil(items.length / PAGE))}
          >
            Show all {items.length}
          </button>
        </div>
      ) : null}
    </>
  );
}
