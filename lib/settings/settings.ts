import { type Address, getAddress, isAddress } from 'viem';
import { NETWORK_NAMES, type NetworkName } from '../chains/network';
import { CHAIN_IDS, type ChainId } from '../chains/registry';
import { type RpcOverrides, rpcUrlProblem } from '../chains/rpc';

/** What a user can set, kept in their browser. */
export interface Settings {
  /** null: the devnet when one is being served alongside the app, else mainnet. */
  network: NetworkName | null;
  /** RPC URL per chain, per network (a mainnet override must not leak into the devnet, or back). */
  rpc: Partial<Record<NetworkName, RpcOverrides>>;
  /** Tokens the user added by address, per chain. */
  tokens: Partial<Record<ChainId, Address[]>>;
  /** Synthetix-style StakingRewards farms the user added by address, per chain. */
  farms: Partial<Record<ChainId, Address[]>>;
  /** ERC-4626 vaults the user added by address, per chain (read by the vaults module). */
  vaults: Partial<Record<ChainId, Address[]>>;
  /** Hide positions worth under $1 (totals are unchanged). */
  hideDust: boolean;
  /** Hide positions that hold nothing any more (totals are unchanged). */
  hideClosed: boolean;
  /** An Ethereum (L1) RPC for ENS names, per network; none: names get a message saying so. */
  ensRpc: Partial<Record<NetworkName, string>>;
  /** Every RPC URL given per chain, in order (`rpc` holds the first, the one reads go to). */
  rpcLists: Partial<Record<NetworkName, Partial<Record<ChainId, string[]>>>>;
}

export const DEFAULT_SETTINGS: Settings = {
  network: null,
  rpc: {},
  tokens: {},
  farms: {},
  vaults: {},
  hideDust: false,
  hideClosed: false,
  ensRpc: {},
  rpcLists: {},
};
export const MAX_USER_FARMS = 20;
export const SETTINGS_STORAGE_KEY = 'layerglass.settings.v1';
export const MAX_USER_TOKENS = 50;
export const MAX_USER_VAULTS = 20;

/** A stored per-chain address list, validated: unknown chains and non-addresses dropped, deduplicated. */
function addressLists(value: unknown, max: number): Partial<Record<ChainId, Address[]>> {
  const out: Partial<Record<ChainId, Address[]>> = {};
  for (const id of CHAIN_IDS) {
    const list = (value as Record<string, unknown> | undefined)?.[String(id)];
    if (!Array.isArray(list)) continue;
    const valid = list.filter((t): t is string => typeof t === 'string' && isAddress(t, { strict: false }));
    if (valid.length > 0) out[id] = [...new Set(valid.map((t) => getAddress(t)))].slice(0, max);
  }
  return out;
}

/** Parses stored settings defensively: anything malformed is dropped, never trusted. */
export function parseSettings(raw: string | null): Settings {
  if (!raw) return DEFAULT_SETTINGS;
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return DEFAULT_SETTINGS;
  }
  if (typeof json !== 'object' || json === null) return DEFAULT_SETTINGS;
  const { network, rpc, tokens, farms, vaults, hideDust, hideClosed, ensRpc, rpcLists } = json as Record<
    string,
    unknown
  >;
  const out: Settings = {
    network: null,
    rpc: {},
    tokens: addressLists(tokens, MAX_USER_TOKENS),
    // Older settings have no farms or vaults: an empty list each.
    farms: addressLists(farms, MAX_USER_FARMS),
    vaults: addressLists(vaults, MAX_USER_VAULTS),
    hideDust: hideDust === true,
    hideClosed: hideClosed === true,
    ensRpc: {},
    rpcLists: {},
  };
  for (const name of NETWORK_NAMES) {
    const perChain = (rpcLists as Record<string, unknown> | undefined)?.[name];
    for (const id of CHAIN_IDS) {
      const list = (perChain as Record<string, unknown> | undefined)?.[String(id)];
      if (!Array.isArray(list)) continue;
      const valid = list.filter((u): u is string => typeof u === 'string' && rpcUrlProblem(u) === null);
      if (valid.length > 0) out.rpcLists[name] = { ...out.rpcLists[name], [id]: valid.slice(0, 5) };
    }
    const url = (ensRpc as Record<string, unknown> | undefined)?.[name];
    if (typeof url === 'string' && rpcUrlProblem(url) === null) out.ensRpc[name] = url;
  }
  if (typeof network === 'string' && (NETWORK_NAMES as readonly string[]).includes(network)) {
    out.network = network as NetworkName;
  }
  for (const name of NETWORK_NAMES) {
    const perChain = (rpc as Record<string, unknown> | undefined)?.[name];
    const overrides: RpcOverrides = {};
    for (const id of CHAIN_IDS) {
      const url = (perChain as Record<string, unknown> | undefined)?.[String(id)];
      if (typeof url === 'string' && rpcUrlProblem(url) === null) overrides[id] = url;
    }
    if (Object.keys(overrides).length > 0) out.rpc[name] = overrides;
  }
  return out;
}

/** Resolves the address typed into the app: a checksummed address, or why it is not one. */
export function parseAddressInput(input: string): { address: Address } | { error: string } {
  const value = input.trim();
  if (value === '') return { error: 'Enter an address.' };
  if (!/^0x[0-9a-fA-F]{40}$/.test(value)) {
    return { error: 'Not an Ethereum address: expected 0x followed by 40 hexadecimal characters.' };
  }
  const hex = value.slice(2);
  const mixedCase = hex !== hex.toLowerCase() && hex !== hex.toUpperCase();
  if (mixedCase && !isAddress(value, { strict: true })) {
    return {
      error:
        'Bad EIP-55 checksum: the address’s mix of upper and lower case does not match its checksum, so it may hold a typo. Check it.',
    };
  }
  return { address: getAddress(value) };
}

/**
 * Asks an RPC URL which chain it serves (`eth_chainId`): null when it is the expected one, else why
 * not, in words (another chain, no answer).
 */
export async function rpcChainProblem(
  url: string,
  expected: number,
  expectedName: string,
  fetchImpl: typeof fetch = fetch,
): Promise<string | null> {
  try {
    const response = await fetchImpl(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'eth_chainId', params: [] }),
      signal: AbortSignal.timeout(8_000),
    });
    const body = (await response.json()) as { result?: unknown };
    if (typeof body.result !== 'string') return `${url} did not answer eth_chainId.`;
    const id = Number(BigInt(body.result));
    return id === expected ? null : `${url} answers for chain ${id}, not ${expectedName} (${expected}).`;
  } catch (error) {
    return `${url} did not answer (${error instanceof Error ? error.message : String(error)}).`;
  }
}
