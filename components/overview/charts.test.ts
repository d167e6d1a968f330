import { describe, expect, it } from 'vitest';
import { type ChartSlice, donutSegments } from './charts';

const slice = (key: string, usd: number): ChartSlice => ({
  key,
  label: key,
  usd,
  anchor: key,
  color: '#000',
});

describe('donut segments', () => {
  it('place each positive slice after the one before, as its share of the positive total', () => {
    const segments = donutSegments([slice('a', 300), slice('b', 0), slice('c', 100), slice('d', -50)]);
    expect(segments.map((s) => s.key)).toEqual(['a', 'c']);
    // Shares recomputed here from the inputs: 300 / 400 and 100 / 400.
    expect(segments.map((s) => [s.start, s.length])).toEqual([
      [0, 300 / 400],
      [300 / 400, 100 / 400],
    ]);
  });

  it('draw nothing (never NaN) when nothing is positive', () => {
    expect(donutSegments([])).toEqual([]);
    expect(donutSegments([slice('a', 0), slice('b', Number.NaN)])).toEqual([]);
  });
});
