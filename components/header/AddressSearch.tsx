'use client';

import { useRouter } from 'next/navigation';
import { useId, useState } from 'react';
import { loadNormalize } from '@/lib/ens/normalize';
import { isNameInput, noNames, parseWatchTarget } from '@/lib/ens/target';
import { inputClass, primaryButtonClass } from '../ui/primitives';

/** Type any address to watch it; invalid input says why and goes nowhere. */
export function AddressSearch({
  compact = false,
  autoFocus = false,
}: {
  compact?: boolean;
  autoFocus?: boolean;
}) {
  const router = useRouter();
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | null>(null);
  const id = useId();
  return (
    <search className={compact ? 'w-full max-w-md' : 'w-full'}>
      <form
        className={
          compact
            ? 'flex w-full max-w-md items-start gap-2'
            : 'flex w-full flex-col gap-2 sm:flex-row sm:items-start'
        }
        onSubmit={async (event) => {
          event.preventDefault();
          // ENS normalisation is fetched only when a name is submitted.
          const parsed = parseWatchTarget(value, isNameInput(value) ? await loadNormalize() : noNames);
          if ('error' in parsed) {
            setError(parsed.error);
            return;
          }
          setError(null);
          router.push(`/address/${parsed.kind === 'address' ? parsed.address : parsed.name}`);
        }}
      >
        <div className="w-full">
          <label htmlFor={id} className={compact ? 'sr-only' : 'mb-1 block text-sm font-medium'}>
            Address or ENS name to watch
          </label>
          <input
            id={id}
            name="address"
            className={inputClass}
            placeholder="0x… or name.eth"
            autoComplete="off"
            spellCheck={false}
            // biome-ignore lint/a11y/noAutofocus: the home page's one purpose is this field
            autoFocus={autoFocus}
            value={value}
            aria-invalid={error !== null}
            aria-describedby={error ? `${id}-error` : undefined}
            onChange={(e) => {
              setValue(e.target.value);
              if (error) setError(null);
            }}
          />
          {error ? (
            <p id={`${id}-error`} role="alert" className="mt-1 text-xs text-red-700 dark:text-red-400">
              {error}
            </p>
          ) : null}
        </div>
        <button type="submit" className={`${primaryButtonClass} ${compact ? '' : 'sm:mt-6'}`}>
          View
        </button>
      </form>
    </search>
  );
}
