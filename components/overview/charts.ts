/** Colours of the overview's chart slices, each with at least 3:1 contrast on white and on zinc-900. */
export const SLICE_COLORS = [
  '#0284c7',
  '#d97706',
  '#059669',
  '#7c3aed',
  '#db2777',
  '#0d9488',
  '#65a30d',
  '#dc2626',
];

export interface ChartSlice {
  key: string;
  label: string;
  usd: number;
  anchor: string;
  color: string;
}

/** One ring segment of a donut: where it starts and how long it is, as fractions of the whole ring. */
export interface DonutSegment extends ChartSlice {
  start: number;
  length: number;
}

/**
 * The ring segments of a donut over the slices with a positive value, in order from the top, clockwise;
 * none when nothing is positive (an empty ring is drawn, never a NaN).
 */
export function donutSegments(slices: readonly ChartSlice[]): DonutSegment[] {
  const positive = slices.filter((s) => Number.isFinite(s.usd) && s.usd > 0);
  const total = positive.reduce((a, s) => a + s.usd, 0);
  if (total <= 0) return [];
  let start = 0;
  return positive.map((s) => {
    const length = s.usd / total;
    const segment = { ...s, start, length };
    start += length;
    return segment;
  });
}
