import type { SeedModule } from './types';

/**
 * The steps in an order that honours every `after` (ties broken by name, so runs are identical);
 * `final` steps last. Throws on an unknown dependency or a cycle.
 */
export function seedOrder(steps: readonly SeedModule[]): SeedModule[] {
  const byName = new Map(steps.map((s) => [s.name, s]));
  for (const s of steps) {
    for (const dep of s.after ?? []) {
      if (!byName.has(dep)) throw new Error(`seed step "${s.name}" runs after unknown step "${dep}"`);
    }
  }
  const done = new Set<string>();
  const out: SeedModule[] = [];
  const pending = [...steps].sort(
    (a, b) => Number(a.final ?? false) - Number(b.final ?? false) || (a.name < b.name ? -1 : 1),
  );
  while (pending.length > 0) {
    const index = pending.findIndex((s) => (s.after ?? []).every((d) => done.has(d)));
    const next = pending[index];
    if (index < 0 || !next)
      throw new Error(`seed steps form a cycle: ${pending.map((s) => s.name).join(', ')}`);
    pending.splice(index, 1);
    done.add(next.name);
    out.push(next);
  }
  return out;
}

/** Length of the shared simulated history: the longest any step asks for. */
export function historyDays(steps: readonly SeedModule[]): number {
  return Math.max(0, ...steps.map((s) => s.history?.days ?? 0));
}
