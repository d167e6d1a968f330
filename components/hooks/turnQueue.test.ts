import { describe, expect, it } from 'vitest';
import { createTurnQueue } from './turnQueue';

/** A queue on a fake clock: each part "takes" `cost[i]` ms; tasks run only when the test says so. */
function testbed(budgetMs: number, cost: Record<string, number>) {
  let clock = 0;
  const tasks: (() => void)[] = [];
  const ran: string[][] = [];
  let current: string[] = [];
  const q = createTurnQueue({
    budgetMs,
    now: () => clock,
    nextTask: (f) => tasks.push(f),
    runPart: (run) => run(),
  });
  const part = (name: string) =>
    q.join(() => {
      current.push(name);
      clock += cost[name] ?? 0;
    });
  const runTask = () => {
    const t = tasks.shift();
    if (!t) return false;
    current = [];
    t();
    ran.push(current);
    return true;
  };
  return { q, part, runTask, ran, tasks };
}

describe('createTurnQueue', () => {
  it('runs parts in the order they joined, as many per task as fit the budget, at least one', () => {
    const t = testbed(4, { a: 1, b: 2, c: 9, d: 1, e: 1 });
    for (const name of ['a', 'b', 'c', 'd', 'e']) t.part(name);
    expect(t.tasks).toHaveLength(1); // one task scheduled, not one per part
    while (t.runTask()) {}
    // a+b = 3 ms < 4, so c joins their task (past the budget, it ends it); d and e share the next.
    expect(t.ran).toEqual([
      ['a', 'b', 'c'],
      ['d', 'e'],
    ]);
    expect(t.q.waiting).toBe(0);
  });

  it('a part over budget runs alone in its task', () => {
    const t = testbed(4, { a: 10, b: 10 });
    t.part('a');
    t.part('b');
    while (t.runTask()) {}
    expect(t.ran).toEqual([['a'], ['b']]);
  });

  it('a part that leaves (drawn early, or unmounted) is not run', () => {
    const t = testbed(4, { a: 5, b: 5, c: 5 });
    t.part('a');
    const leaveB = t.part('b');
    t.part('c');
    leaveB();
    while (t.runTask()) {}
    expect(t.ran).toEqual([['a'], ['c']]);
  });

  it('schedules again when parts join after it ran dry', () => {
    const t = testbed(4, {});
    t.part('a');
    while (t.runTask()) {}
    t.part('b');
    expect(t.tasks).toHaveLength(1);
    while (t.runTask()) {}
    expect(t.ran).toEqual([['a'], ['b']]);
  });
});
