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
