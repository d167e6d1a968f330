'use client';

import { type RefObject, useEffect, useState } from 'react';
import { flushSync } from 'react-dom';
import { createTurnQueue } from './turnQueue';

/**
 * Parts of a long page drawn in turn. What is on screen (or within `NEAR` of it) is drawn as soon as the
 * browser has laid the page out (an IntersectionObserver's first answer); the rest waits in document
 * order and is drawn a few at a time, each batch in a task of its own of about `BUDGET_MS`, so drawing a
 * big account never holds the main thread in one long task. A part the reader scrolls towards is drawn
 * at once, ahead of its turn. Everything ends up in the DOM (find in page, screen readers), only later.
 *
 * No layout is read when a part mounts: forcing style and layout inside React's commit cost Lighthouse's
 * traced page ~300 ms, against ~70 ms for the same recalculation in the next frame.
 */
const BUDGET_MS = 4;
/** How far off screen a part still counts as on screen, in viewport heights. */
const NEAR = 1;

function nextTask(run: () => void) {
  // A macrotask, so the browser may paint and handle input between two batches.
  const s = (globalThis as { scheduler?: { postTask?: (f: () => void) => unknown } }).scheduler;
  if (typeof s?.postTask === 'function') s.postTask(run);
  else setTimeout(run, 0);
}

const turns = createTurnQueue({
  budgetMs: BUDGET_MS,
  now: () => performance.now(),
  nextTask,
  // Drawn now, in this task: React would otherwise batch several turns into one long commit.
  runPart: (run) => flushSync(run),
});

/** Whether the part in `ref` is drawn yet (it stays drawn). Where there is no IntersectionObserver, at once. */
export function useDrawInTurn(ref: RefObject<Element | null>): boolean {
  const [drawn, setDrawn] = useState(false);
  useEffect(() => {
    const el = ref.current;
    if (drawn || !el) return;
    if (typeof IntersectionObserver === 'undefined') {
      setDrawn(true);
      return;
    }
    const leave = turns.join(() => setDrawn(true));
    const observer = new IntersectionObserver(
      (entries) => {
        if (!entries.some((e) => e.isIntersecting)) return;
        leave();
        setDrawn(true);
      },
      { rootMargin: `${NEAR * 100}% 0px` },
    );
    observer.observe(el);
    return () => {
      observer.disconnect();
      leave();
    };
  }, [ref, drawn]);
  return drawn;
}
