'use client';

import { type ReactNode, useRef } from 'react';
import { useDrawInTurn } from '../hooks/useDrawInTurn';

/**
 * `children` drawn when its turn comes (see useDrawInTurn): at once on screen, later below it. Until
 * then a box of about the same height (`estimatePx`), so the page's length hardly moves as it fills in.
 */
export function DrawInTurn({ estimatePx, children }: { estimatePx: number; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  const drawn = useDrawInTurn(ref);
  return (
    <div
      ref={ref}
      aria-busy={drawn ? undefined : true}
      // Off screen, the browser skips its style, layout and paint: drawing the parts below the fold costs
      // each frame only what is on screen. Its size there is its last drawn one, or the guess.
      className="[content-visibility:auto]"
      style={{ containIntrinsicSize: `auto ${estimatePx}px` }}
    >
      {drawn ? (
        children
      ) : (
        <div className="rounded bg-zinc-100 dark:bg-zinc-800/60" style={{ height: estimatePx }} />
      )}
    </div>
  );
}
