/** How a chain's present was read (`./round-one.ts`): light, so the page's view can name it. */
export type ReadPath = 'state-override' | 'deployless' | 'multicall-levels';

/** How a chain's present was read, in words (the dashboard's chain line, the CLI). */
export function readPathLabel(path: ReadPath): string {
  if (path === 'state-override') return 'in one call (lenses by state override)';
  if (path === 'deployless') return 'in one call (deployless)';
  return 'level by level (Multicall3; this RPC runs no lens)';
}
