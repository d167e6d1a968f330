import { describe, expect, it } from 'vitest';
import { COLLAPSE_OVER, PAGE, visibleCount } from './CollapsedList';

describe('visibleCount', () => {
  it('draws short lists whole and long ones a page at a time', () => {
    expect(visibleCount(COLLAPSE_OVER, 1)).toBe(COLLAPSE_OVER);
    expect(visibleCount(500, 1)).toBe(PAGE);
    expect(visibleCount(500, 2)).toBe(2 * PAGE);
    expect(visibleCount(500, 1000)).toBe(500);
    expect(visibleCount(0, 1)).toBe(0);
  });
});
