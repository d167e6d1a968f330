import { type Address, getAddress, isAddress } from 'viem';
import { CHAIN_IDS, type ChainId } from '../chains/registry';

/** `<chainId>:<address>` (the CLI's `--vault`, `--farm`, …), or why it is not one. */
export function parseChainEntry(value: string): { chainId: ChainId; address: Address } | { error: string } {
  const m = /^(\d+):(0x[0-9a-fA-F]{40})$/.exec(value.trim());
  const chainId = Number(m?.[1]) as ChainId;
  if (!m?.[2] || !isAddress(m[2], { strict: false })) {
    return { error: `expected <chainId>:<address> (e.g. 10:0x…), got "${value}"` };
  }
  if (!CHAIN_IDS.includes(chainId)) {
    return { error: `chain ${m[1]} is not one of ${CHAIN_IDS.join(', ')}` };
  }
  return { chainId, address: getAddress(m[2]) };
}

/**
 * Every `--<flag> <chainId>:<address>` (repeatable, or `--<flag>=…`) in an argv: the addresses by chain
 * and the argv without them, or why one is malformed. Modules whose contracts a user can add (vaults,
 * farms) share it, so every such flag reads and fails the same way.
 */
export function parseEntryFlags(
  argv: readonly string[],
  flag: string,
): { entries: Partial<Record<ChainId, Address[]>>; rest: string[] } | { error: string } {
  const entries: Partial<Record<ChainId, Address[]>> = {};
  const rest: string[] = [];
  const name = `--${flag}`;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? '';
    let value: string | undefined;
    if (a === name) {
      i += 1;
      value = argv[i];
    } else if (a.startsWith(`${name}=`)) value = a.slice(name.length + 1);
    else {
      rest.push(a);
      continue;
    }
    const entry = parseChainEntry(value ?? '');
    if ('error' in entry) return { error: `${name} ${entry.error}` };
    entries[entry.chainId] = [...new Set([...(entries[entry.chainId] ?? []), entry.address])];
  }
  return { entries, rest };
}
