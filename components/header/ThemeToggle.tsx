'use client';

import { useEffect, useState } from 'react';
import { buttonClass } from '../ui/primitives';

export const THEME_STORAGE_KEY = 'layerglass.theme';

/** Runs before paint (inlined in the layout) so the page never flashes the wrong theme. */
export const THEME_BOOT_SCRIPT = `(function(){try{var t=localStorage.getItem('${THEME_STORAGE_KEY}');var d=t?t==='dark':matchMedia('(prefers-color-scheme: dark)').matches;document.documentElement.classList.toggle('dark',d)}catch(e){}})()`;

export type ThemeChoice = 'system' | 'light' | 'dark';

export function storedTheme(): ThemeChoice {
  const t = window.localStorage.getItem(THEME_STORAGE_KEY);
  return t === 'light' || t === 'dark' ? t : 'system';
}

/** Applies a choice now and keeps it; "system" forgets the choice and follows the system again. */
export function applyTheme(choice: ThemeChoice): void {
  if (choice === 'system') window.localStorage.removeItem(THEME_STORAGE_KEY);
  else window.localStorage.setItem(THEME_STORAGE_KEY, choice);
  const dark = choice === 'system' ? matchMedia('(prefers-color-scheme: dark)').matches : choice === 'dark';
  document.documentElement.classList.toggle('dark', dark);
}

export function ThemeToggle() {
  const [dark, setDark] = useState<boolean | null>(null);
  useEffect(() => {
    setDark(document.documentElement.classList.contains('dark'));
    // While no choice is stored, the page follows the system's theme as it changes.
    const media = matchMedia('(prefers-color-scheme: dark)');
    const onChange = () => {
      if (storedTheme() !== 'system') return;
      applyTheme('system');
      setDark(media.matches);
    };
    media.addEventListener('change', onChange);
    return () => media.removeEventListener('change', onChange);
  }, []);
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
