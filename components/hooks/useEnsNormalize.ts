'use client';

import { useEffect, useState } from 'react';
import { loadedNormalize, loadNormalize } from '@/lib/ens/normalize';
import type { Normalize } from '@/lib/ens/target';

/** ENS normalisation once fetched, when `needed` (a name to parse); null while it loads or is not needed. */
export function useEnsNormalize(needed: boolean): Normalize | null {
  const [normalize, setNormalize] = useState<Normalize | null>(loadedNormalize);
  useEffect(() => {
    if (!needed || normalize) return;
    let live = true;
    void loadNormalize().then((n) => {
      if (live) setNormalize(() => n);
    });
    return () => {
      live = false;
    };
  }, [needed, normalize]);
  return needed ? normalize : null;
}
