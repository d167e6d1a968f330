'use client';

import { useSyncExternalStore } from 'react';

const subscribe = () => () => {};

/** False during prerender and hydration, true after: for UI that depends on the real URL or browser state. */
export function useMounted(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
}
