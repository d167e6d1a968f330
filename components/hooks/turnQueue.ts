/**
 * The queue behind useDrawInTurn, apart from React and the DOM so it can be tested: parts wait in the
 * order they joined and are run in batches, each batch in a task of its own (`nextTask`), at least one part
 * per batch and then as many as fit in `budgetMs` of `now()`.
 */
export interface TurnQueue {
  /** Joins the queue; returns how to leave it (once run, or unmounted). */
  join(run: () => void): () => void;
  /** Parts still waiting. */
  readonly waiting: number;
}

export function createTurnQueue({
  budgetMs,
  now,
  nextTask,
  runPart,
}: {
  budgetMs: number;
  now: () => number;
  nextTask: (batch: () => void) => void;
  /** How one part is run (the page: `flushSync`, so each part is drawn in this task). */
  runPart: (run: () => void) => void;
}): TurnQueue {
  const queue: (() => void)[] = [];
  let scheduled = false;
  const schedule = () => {
    if (scheduled || queue.length === 0) return;
    scheduled = true;
    nextTask(batch);
  };
  function batch() {
    scheduled = false;
    const started = now();
    do {
      const run = queue.shift();
      if (!run) break;
      runPart(run);
    } while (now() - started < budgetMs);
    schedule();
  }
  return {
    join(run) {
      queue.push(run);
      schedule();
      return () => {
        const i = queue.indexOf(run);
        if (i !== -1) queue.splice(i, 1);
      };
    },
    get waiting() {
      return queue.length;
    },
  };
}
