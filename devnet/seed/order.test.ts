import { describe, expect, it } from 'vitest';
import { historyDays, seedOrder } from './order';
import type { SeedModule } from './types';

const step = (name: string, extra: Partial<SeedModule> = {}): SeedModule => ({
  name,
  seed: async () => {},
  ...extra,
});

describe('seedOrder', () => {
  it('puts every step after the ones it names, final steps last, ties by name', () => {
    const order = seedOrder([
      step('finalize', { final: true, after: ['base'] }),
      step('zeta', { after: ['alpha'] }),
      step('alpha', { after: ['base'] }),
      step('base'),
      step('beta', { after: ['base'] }),
    ]).map((s) => s.name);
    expect(order).toEqual(['base', 'alpha', 'beta', 'zeta', 'finalize']);
  });

  it('refuses an unknown dependency and a cycle', () => {
    expect(() => seedOrder([step('a', { after: ['missing'] })])).toThrow(/unknown step "missing"/);
    expect(() => seedOrder([step('a', { after: ['b'] }), step('b', { after: ['a'] })])).toThrow(/cycle/);
  });

  it('shares one history as long as the longest step asks', () => {
    const onDay = async () => {};
    expect(
      historyDays([
        step('a'),
        step('b', { history: { days: 30, onDay } }),
        step('c', { history: { days: 10, onDay } }),
      ]),
    ).toBe(30);
    expect(historyDays([step('a')])).toBe(0);
  });
});
