'use client';

import { useEffect, useState } from 'react';
import { buttonClass } from '../ui/primitives';

export const THEME_STORAGE_KEY = 'layerglass.theme';

/** Runs before paint (inlined in the layout) so the page never flashes the wrong theme. */
export const THEME_BOOT_SCRIPT = `(function(){try{var t=localStorage.getItem('${THEME_STORAGE_KEY}');var d=t?t==='dark':matchMedia('(prefers-color-scheme: dark)').matches;document.documentElement.classList.toggle('dark',d)}catch(e){}})()`;

export function ThemeToggle() {
  const [dark, setDark] = useState<boolean | null>(null);
  useEffect(() => setDark(document.documentElement.classList.contains('dark')), []);
  return (
    <button
      type="button"
      className={buttonClass}
      aria-pressed={dark ?? undefined}
      aria-label="Dark mode"
      title="Toggle dark mode"
      onClick={() => {
        const next = !document.documentElement.classList.contains('dark');
        document.documentElement.classList.toggle('dark', next);
        window.localStorage.setItem(THEME_STORAGE_KEY, next ? 'dark' : 'light');
        setDark(next);
      }}
    >
      {dark ? '☾' : '☀'}
    </button>
  );
}
