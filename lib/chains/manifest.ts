import { type Address, getAddress, isAddress } from 'viem';
import { CHAIN_IDS, type ChainId } from './registry';

/**
 * The devnet manifest (`devnet/deployments.json`): the interface between the devnet and everything
 * that reads it (app, CLI, tests). Its shape is fixed; protocols add contracts under their own names.
 */
export interface DevnetChainManifest {
  rpcUrl: string;
  contracts: Record<string, Address>;
  tokens: Record<string, Address>;
  /** Contracts placed where no real artifact exists (e.g. Arbitrum precompiles), by name, with why. */
  standIns?: Record<string, string>;
  /**
   * Known (block, timestamp) points of the seeded history, where block times are far from the chain's
   * usual (a simulated day in a few blocks): past blocks are placed between them without a header search.
   */
  blockTimes?: { number: number; timestamp: number }[];
}

export interface DevnetManifest {
  chains: Record<`${ChainId}`, DevnetChainManifest>;
  /**
   * Optional: a local Ethereum (chain 1), not a portfolio chain: it carries ENS (registry, resolvers)
   * so names resolve on the devnet.
   */
  l1?: DevnetChainManifest & { chainId: 1 };
  accounts: Record<string, Address>;
  /** Genesis timestamp the devnet was seeded from (chain time, seconds). */
  genesisTimestamp?: number;
}

/**
 * A manifest's addresses: 20 hex bytes each. A single-case one is checksummed here; a mixed-case one is
 * kept as written, its EIP-55 checksum not recomputed: the devnet writes them through viem's
 * `getAddress`, and checking ~250 of them cost the page's start one ~45 ms task on this machine (cold
 * keccak in the interpreter). Addresses a user types are still checked (`parseAddressInput`).
 */
function addressMap(value: unknown, where: string): Record<string, Address> {
  if (typeof value !== 'object' || value === null) throw new Error(`manifest: ${where} is not an object`);
  const out: Record<string, Address> = {};
  for (const [name, address] of Object.entries(value)) {
    if (typeof address !== 'string' || !isAddress(address, { strict: false })) {
      throw new Error(`manifest: ${where}.${name} is not an address`);
    }
    const mixedCase = /[a-f]/.test(address.slice(2)) && /[A-F]/.test(address.slice(2));
    out[name] = mixedCase ? address : getAddress(address);
  }
  return out;
}

/** Validates an untrusted JSON value as a manifest, throwing with the path of the first problem. */
export function parseManifest(json: unknown): DevnetManifest {
  if (typeof json !== 'object' || json === null) throw new Error('manifest: not an object');
  const { chains, accounts, genesisTimestamp, l1 } = json as Record<string, unknown>;
  if (typeof chains !== 'object' || chains === null) throw new Error('manifest: missing "chains"');
  const chainEntry = (chain: unknown, id: number): DevnetChainManifest => {
    if (typeof chain !== 'object' || chain === null) throw new Error(`manifest: missing chain ${id}`);
    const c = chain as Record<string, unknown>;
    if (typeof c.rpcUrl !== 'string') throw new Error(`manifest: chains.${id}.rpcUrl is not a string`);
    const entry: DevnetChainManifest = {
      rpcUrl: c.rpcUrl,
      contracts: addressMap(c.contracts, `chains.${id}.contracts`),
      tokens: addressMap(c.tokens ?? {}, `chains.${id}.tokens`),
    };
    if (Array.isArray(c.blockTimes)) {
      entry.blockTimes = c.blockTimes.filter(
        (p): p is { number: number; timestamp: number } =>
          typeof p === 'object' &&
          p !== null &&
          Number.isSafeInteger((p as { number?: unknown }).number) &&
          Number.isSafeInteger((p as { timestamp?: unknown }).timestamp),
      );
    }
    if (typeof c.standIns === 'object' && c.standIns !== null) {
      entry.standIns = Object.fromEntries(
        Object.entries(c.standIns).filter((e): e is [string, string] => typeof e[1] === 'string'),
      );
    }
    return entry;
  };
  const parsed: Partial<Record<`${ChainId}`, DevnetChainManifest>> = {};
  for (const id of CHAIN_IDS) {
    const chain = (chains as Record<string, unknown>)[String(id)];
    if (typeof chain !== 'object' || chain === null) throw new Error(`manifest: missing chain ${id}`);
    const c = chain as Record<string, unknown>;
    if (typeof c.rpcUrl !== 'string') throw new Error(`manifest: chains.${id}.rpcUrl is not a string`);
    const entry: DevnetChainManifest = {
      rpcUrl: c.rpcUrl,
      contracts: addressMap(c.contracts, `chains.${id}.contracts`),
      tokens: addressMap(c.tokens, `chains.${id}.tokens`),
    };
    if (Array.isArray(c.blockTimes)) {
      entry.blockTimes = c.blockTimes.filter(
        (p): p is { number: number; timestamp: number } =>
          typeof p === 'object' &&
          p !== null &&
          Number.isSafeInteger((p as { number?: unknown }).number) &&
          Number.isSafeInteger((p as { timestamp?: unknown }).timestamp),
      );
    }
    if (typeof c.standIns === 'object' && c.standIns !== null) {
      entry.standIns = Object.fromEntries(
        Object.entries(c.standIns).filter((e): e is [string, string] => typeof e[1] === 'string'),
      );
    }
    parsed[`${id}`] = entry;
  }
  return {
    chains: parsed as Record<`${ChainId}`, DevnetChainManifest>,
    accounts: addressMap(accounts, 'accounts'),
    ...(typeof genesisTimestamp === 'number' ? { genesisTimestamp } : {}),
    ...(l1 === undefined ? {} : { l1: { ...chainEntry(l1, 1), chainId: 1 as const } }),
  };
}
