import { describe, expect, it } from 'vitest';
import { revealCount } from './reveal';

describe('revealCount', () => {
  it('shows sections in order, each once the ones above it are settled', () => {
    expect(revealCount([false, false, false], false)).toBe(1);
    expect(revealCount([false, true, true], false)).toBe(1); // the first still loading holds the rest
    expect(revealCount([true, false, true], false)).toBe(2);
    expect(revealCount([true, true, false], false)).toBe(3);
    expect(revealCount([true, true, true], false)).toBe(3);
  });

  it('shows everything once the grace period is over', () => {
    expect(revealCount([false, false, false], true)).toBe(3);
  });
});
