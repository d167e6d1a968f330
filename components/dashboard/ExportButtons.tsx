'use client';

import type { NetworkName } from '@/lib/chains/network';
import { positionsCsv } from '@/lib/portfolio/export';
import { bundleJson, portfolioJson } from '@/lib/portfolio/json';
import type { Portfolio } from '@/lib/portfolio/types';
import { buttonClass } from '../ui/primitives';

function download(name: string, type: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/**
 * Export what is on screen: CSV (one row per asset) and JSON, the same object
 * `npm run portfolio -- <address> --json --block <chain>:<block>…` prints at the blocks it was read at.
 */
export function ExportButtons({
  portfolios,
  network,
  ready,
}: {
  portfolios: readonly Portfolio[];
  network: NetworkName | null;
  ready: boolean;
}) {
  const stem = portfolios.length === 1 ? `layerglass-${portfolios[0]?.address}` : 'layerglass-bundle';
  return (
    <div className="flex gap-2">
      <button
        type="button"
        className={buttonClass}
        disabled={!ready || !network}
        onClick={() => download(`${stem}.csv`, 'text/csv', positionsCsv(portfolios))}
      >
        Export CSV
      </button>
      <button
        type="button"
        className={buttonClass}
        disabled={!ready || !network}
        onClick={() => {
          const first = portfolios[0];
          const json = portfolios.length === 1 && first ? portfolioJson(first) : bundleJson(portfolios);
          download(`${stem}.json`, 'application/json', `${JSON.stringify(json, null, 2)}\n`);
        }}
      >
        Export JSON
      </button>
    </div>
  );
}
