import type { Normalize } from './target';

let loaded: Normalize | null = null;

/**
 * viem's ENSIP-15 `normalize` (with its Unicode tables, about 27 KiB gzip), fetched the first time a name
 * is parsed in the page rather than with every page's first load.
 */
export async function loadNormalize(): Promise<Normalize> {
  if (!loaded) loaded = (await import('viem/ens')).normalize;
  return loaded;
}

/** The normaliser if it was fetched already, else null. */
export function loadedNormalize(): Normalize | null {
  return loaded;
}
