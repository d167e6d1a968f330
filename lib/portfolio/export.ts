import { formatUnits } from 'viem';
import { CHAINS } from '../chains/registry';
import { usdNumber } from './json';
import type { AssetAmount, Portfolio } from './types';

/** CSV columns: one row per asset (and per claimable reward) of each position. */
export const CSV_COLUMNS = [
  'address',
  'chainId',
  'chain',
  'blockNumber',
  'protocol',
  'kind',
  'positionId',
  'label',
  'role',
  'symbol',
  'token',
  'amount',
  'amountBaseUnits',
  'valueUsd',
  'baseApr',
  'rewardApr',
  'yieldWindow',
  'countedIn',
] as const;

/** RFC 4180 quoting; a cell that a spreadsheet would run as a formula is prefixed with a quote. */
export function csvCell(value: string | number | null): string {
  if (value === null) return '';
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text) && !/^-?\d/.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function amountText(a: AssetAmount): string {
  return a.decimals === null ? '' : formatUnits(a.amount, a.decimals);
}

/** The positions of one or more portfolios as CSV (chains that failed have no rows). */
export function positionsCsv(portfolios: readonly Portfolio[]): string {
  const rows: (string | number | null)[][] = [[...CSV_COLUMNS]];
  for (const p of portfolios)
    for (const chain of p.chains)
      for (const position of chain.positions) {
        const sign = position.kind === 'borrow' ? -1 : 1;
        const line = (a: AssetAmount, role: 'asset' | 'claimable') => [
          p.address,
          chain.chainId,
          CHAINS[chain.chainId].name,
          chain.blockNumber === null ? null : chain.blockNumber.toString(),
          position.protocol,
          position.kind,
          position.id,
          position.label,
          role,
          a.symbol,
          a.token,
          amountText(a),
          a.amount.toString(),
          a.usdE18 === null ? null : sign * usdNumber(a.usdE18),
          position.yield === null ? null : position.yield.baseApr,
          position.yield === null ? null : position.yield.rewardApr,
          position.yield === null ? 'unknown' : position.yield.window,
          position.countedIn ?? null,
        ];
        for (const a of position.assets) rows.push(line(a, 'asset'));
        for (const a of position.rewards) rows.push(line(a, 'claimable'));
      }
  return `${rows.map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
