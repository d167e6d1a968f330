import { useRef } from 'react';

/**
 * `items`, with each item that `same` finds unchanged replaced by the last render's, and the last render's
 * array itself while every item is: what is memoised on them (sections, deferred views) is not redrawn by
 * a render that changed nothing.
 */
export function useStableItems<T>(items: readonly T[], same: (a: T, b: T) => boolean = Object.is): T[] {
  const last = useRef<T[]>([]);
  const prev = last.current;
  const next = items.map((item, i) => {
    const p = prev[i];
    return p !== undefined && same(p, item) ? p : item;
  });
  if (next.length !== prev.length || next.some((x, i) => x !== prev[i])) last.current = next;
  return last.current;
}
