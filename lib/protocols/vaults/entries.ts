import { type Address, getAddress, isAddress } from 'viem';
import { CHAIN_IDS, type ChainId } from '../../chains/registry';

/** `<chainId>:<address>` (the CLI's `--vault`), or why it is not one. */
export function parseVaultEntry(value: string): { chainId: ChainId; address: Address } | { error: string } {
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
 * Every `--vault <chainId>:<address>` (repeatable, or `--vault=…`) in an argv: the vaults by chain and
 * the argv without them, or why one is malformed.
 */
export function parseVaultFlags(
  argv: readonly string[],
): { vaults: Partial<Record<ChainId, Address[]>>; rest: string[] } | { error: string } {
  const vaults: Partial<Record<ChainId, Address[]>> = {};
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? '';
    let value: string | undefined;
    if (a === '--vault') {
      i += 1;
      value = argv[i];
    } else if (a.startsWith('--vault=')) value = a.slice('--vault='.length);
    else {
      rest.push(a);
      continue;
    }
    const entry = parseVaultEntry(value ?? '');
    if ('error' in entry) return { error: `--vault ${entry.error}` };
    vaults[entry.chainId] = [...new Set([...(vaults[entry.chainId] ?? []), entry.address])];
  }
  return { vaults, rest };
}
