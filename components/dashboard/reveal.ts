'use client';

import { useEffect, useState } from 'react';

/**
 * How many of the chain sections to show: revealed in order, like React's SuspenseList
 * `revealOrder="forwards"`. A section appears once every section above it is settled (read or failed),
 * so a section growing never pushes another one that is already on screen (CLS). A chain that takes
 * longer than `graceMs` stops holding back the ones below it.
 */
export function revealCount(settled: readonly boolean[], graceOver: boolean): number {
  if (graceOver) return settled.length;
  const firstPending = settled.indexOf(false);
  return firstPending === -1 ? settled.length : firstPending + 1;
}

export function useRevealCount(settled: readonly boolean[], graceMs = 4_000): number {
  const [graceOver, setGraceOver] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setGraceOver(true), graceMs);
    return () => clearTimeout(timer);
  }, [graceMs]);
  return revealCount(settled, graceOver);
}
