import {
  type Address,
  BaseError,
  ContractFunctionRevertedError,
  createPublicClient,
  encodeFunctionData,
  getAddress,
  http,
  isAddressEqual,
  namehash,
  type PublicClient,
  parseAbi,
  toHex,
  zeroAddress,
} from 'viem';
import { mainnet } from 'viem/chains';
import { packetToBytes } from 'viem/ens';

/**
 * Where ENS is read: an Ethereum (chain 1) RPC and the registry on it. The registry's address is the
 * same on every network ENS runs on (`ENSRegistryWithFallback`, as in viem's chain definitions for
 * goerli and pulsechain); the devnet's own comes from its manifest.
 */
export interface EnsConfig {
  /** Null: no Ethereum RPC configured, so names cannot be resolved (and the message says so). */
  rpcUrl: string | null;
  registry: Address;
}

export { MAINNET_ENS_REGISTRY } from './target';

export const ensRegistryAbi = parseAbi(['function resolver(bytes32 node) view returns (address)']);
export const ensResolverAbi = parseAbi([
  'function addr(bytes32 node) view returns (address)',
  'function supportsInterface(bytes4 interfaceId) view returns (bool)',
  'function resolve(bytes name, bytes data) view returns (bytes)',
  'error OffchainLookup(address sender, string[] urls, bytes callData, bytes4 callbackFunction, bytes extraData)',
]);
/** ENSIP-10 `IExtendedResolver` (wildcard resolution through `resolve(bytes,bytes)`). */
const EXTENDED_RESOLVER = '0x9061b923';

export type EnsResult =
  | { ok: true; name: string; address: Address; resolver: Address; blockNumber: bigint }
  | {
      ok: false;
      name: string;
      reason: 'no-rpc' | 'no-resolver' | 'no-address' | 'offchain' | 'rpc';
      message: string;
    };

export function ensClient(rpcUrl: string): PublicClient {
  return createPublicClient({
    chain: { ...mainnet, rpcUrls: { default: { http: [rpcUrl] } } },
    transport: http(rpcUrl, { timeout: 15_000, retryCount: 1 }),
    // Off-chain (CCIP-read) names are reported, never followed to a third-party gateway.
    ccipRead: false,
    batch: { multicall: false },
  }) as PublicClient;
}

function isOffchainLookup(error: unknown): boolean {
  if (!(error instanceof BaseError)) return false;
  const revert = error.walk((e) => e instanceof ContractFunctionRevertedError);
  return revert instanceof ContractFunctionRevertedError && revert.data?.errorName === 'OffchainLookup';
}

const offchain = (name: string): EnsResult => ({
  ok: false,
  name,
  reason: 'offchain',
  message: `${name} is an off-chain ENS name (its resolver answers through a CCIP-read gateway): Layerglass only reads the chain, so it cannot resolve it. Paste its address instead.`,
});

/**
 * Resolves a normalised name to its address through the registry and the name's resolver (ENSIP-10
 * wildcard through the nearest parent's resolver), every read at one block.
 */
export async function resolveEnsName(
  config: EnsConfig,
  name: string,
  client: PublicClient | null = config.rpcUrl ? ensClient(config.rpcUrl) : null,
): Promise<EnsResult> {
  if (client === null)
    return {
      ok: false,
      name,
      reason: 'no-rpc',
      message: `${name} is an ENS name, and resolving it needs an Ethereum (L1) RPC: none is configured. Set one in Settings (or LAYERGLASS_RPC_1 for the CLI), or paste the address.`,
    };
  try {
    const blockNumber = await client.getBlockNumber({ cacheTime: 0 });
    const node = namehash(name);
    // The name's own resolver, else (ENSIP-10) the nearest parent's, if it is a wildcard resolver.
    let resolver: Address = zeroAddress;
    let owner = name;
    const labels = name.split('.');
    for (let i = 0; i < labels.length; i++) {
      owner = labels.slice(i).join('.');
      resolver = await client.readContract({
        address: config.registry,
        abi: ensRegistryAbi,
        functionName: 'resolver',
        args: [namehash(owner)],
        blockNumber,
      });
      if (!isAddressEqual(resolver, zeroAddress)) break;
    }
    if (isAddressEqual(resolver, zeroAddress))
      return {
        ok: false,
        name,
        reason: 'no-resolver',
        message: `${name} is not registered on ENS (no resolver is set for it).`,
      };
    const extended = await client
      .readContract({
        address: resolver,
        abi: ensResolverAbi,
        functionName: 'supportsInterface',
        args: [EXTENDED_RESOLVER],
        blockNumber,
      })
      .catch(() => false);
    if (owner !== name && !extended)
      return {
        ok: false,
        name,
        reason: 'no-resolver',
        message: `${name} is not registered on ENS (no resolver is set for it).`,
      };
    let address: Address;
    if (extended) {
      const data = encodeFunctionData({ abi: ensResolverAbi, functionName: 'addr', args: [node] });
      const answer = await client.readContract({
        address: resolver,
        abi: ensResolverAbi,
        functionName: 'resolve',
        args: [toHex(packetToBytes(name)), data],
        blockNumber,
      });
      address = answer.length >= 66 ? getAddress(`0x${answer.slice(-40)}`) : zeroAddress;
    } else {
      address = await client.readContract({
        address: resolver,
        abi: ensResolverAbi,
        functionName: 'addr',
        args: [node],
        blockNumber,
      });
    }
    if (isAddressEqual(address, zeroAddress))
      return {
        ok: false,
        name,
        reason: 'no-address',
        message: `${name} does not resolve to an address (its resolver has none set).`,
      };
    return { ok: true, name, address, resolver, blockNumber };
  } catch (error) {
    if (isOffchainLookup(error)) return offchain(name);
    const why =
      error instanceof BaseError
        ? error.shortMessage
        : error instanceof Error
          ? error.message
          : String(error);
    return {
      ok: false,
      name,
      reason: 'rpc',
      message: `${name} could not be resolved: the Ethereum RPC failed (${why}).`,
    };
  }
}
