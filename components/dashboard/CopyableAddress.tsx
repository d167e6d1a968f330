'use client';

import { useState } from 'react';

/** An address with a button that copies it. */
export function CopyableAddress({ address }: { address: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <span className="flex min-w-0 items-center gap-2">
      <span className="break-all font-mono">{address}</span>
      <button
        type="button"
        className="whitespace-nowrap rounded px-1 text-xs text-sky-800 hover:underline focus-visible:outline-2 focus-visible:outline-sky-500 dark:text-sky-300"
        aria-label={`Copy ${address}`}
        onClick={() => {
          void navigator.clipboard?.writeText(address).then(() => setCopied(true));
        }}
      >
        {copied ? 'copied' : 'copy'}
      </button>
    </span>
  );
}
