import { normalize } from 'viem/ens';
import { CHAIN_IDS, type ChainId } from '../lib/chains/registry';
import { parseWatchTarget, targetKey, type WatchTarget } from '../lib/ens/target';

export const USAGE =
  'usage: npm run portfolio -- <address-or-name> [<address-or-name>…] [--network devnet|mainnet] [--block <chainId>:<number>]… [--farm <chainId>:<address>]… [--vault <chainId>:<address>]… [--json]';

export interface PortfolioArgs {
  targets: WatchTarget[];
  json: boolean;
  /** `--network` as given (undefined: the default). */
  network: string | undefined;
  blocks: Partial<Record<ChainId, bigint>>;
}

/**
 * Parses the CLI's arguments without touching any RPC: every member is checked (a bad one is an
 * error naming it), duplicates are dropped (same address in any case, same normalised name).
 */
export function parsePortfolioArgs(argv: readonly string[]): PortfolioArgs | { error: string } {
  const raw: string[] = [];
  const blocks: Partial<Record<ChainId, bigint>> = {};
  let json = false;
  let network: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? '';
    const [flag, inline] =
      a.startsWith('--') && a.includes('=')
        ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)]
        : [a, undefined];
    if (flag === '--json') json = true;
    else if (flag === '--network' || flag === '--block') {
      const value = inline ?? argv[++i];
      if (value === undefined) return { error: `${flag} needs a value` };
      if (flag === '--network') network = value;
      else {
        const m = /^(\d+):(\d+)$/.exec(value);
        const chainId = Number(m?.[1]);
        if (!m || !(CHAIN_IDS as readonly number[]).includes(chainId))
          return {
            error: `--block ${value}: expected <chainId>:<block number> with a chain id among ${CHAIN_IDS.join(', ')}`,
          };
        if ((blocks as Record<number, bigint>)[chainId] !== undefined)
          return { error: `--block given twice for chain ${chainId}` };
        (blocks as Record<number, bigint>)[chainId] = BigInt(m[2] ?? '0');
      }
    } else if (a.startsWith('--')) return { error: `unknown option ${a}` };
    else raw.push(a);
  }
  if (raw.length === 0) return { error: USAGE };
  const targets: WatchTarget[] = [];
  const seen = new Set<string>();
  for (const input of raw) {
    const t = parseWatchTarget(input, normalize);
    if ('error' in t)
      return { error: `"${input.slice(0, 120)}" is not an Ethereum address or an ENS name: ${t.error}` };
    const key = targetKey(t);
    if (seen.has(key)) continue;
    seen.add(key);
    targets.push(t);
  }
  return { targets, json, network, blocks };
}
