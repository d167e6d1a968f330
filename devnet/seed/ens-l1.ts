import { type Address, labelhash, namehash, parseAbi, zeroHash } from 'viem';
import type { DevnetAccounts } from '../accounts';
import { loadArtifact } from '../artifacts';
import type { DevnetChain } from '../chain';
import { compile } from '../solc';

/**
 * The devnet's local Ethereum (chain 1): ENS only, for resolving names the way mainnet does. Not a
 * `SeedModule` (those seed the three L2s): `startDevnet` calls it for chain 1 alone.
 *
 * - `demo.eth` → the demo account (the stand-in resolver's `addr` record);
 * - `nobody.eth` is registered with a resolver but no address record;
 * - `offchain.eth` has a wildcard resolver that answers through a CCIP-read gateway, so it and every
 *   name under it (`alice.offchain.eth`) are off-chain names.
 */
export const DEVNET_ENS_NAMES = {
  demo: 'demo.eth',
  noAddress: 'nobody.eth',
  offchain: 'offchain.eth',
  offchainChild: 'alice.offchain.eth',
  unregistered: 'unregistered.eth',
} as const;

const registryAbi = parseAbi([
  'function setSubnodeOwner(bytes32 node, bytes32 label, address owner) returns (bytes32)',
  'function setSubnodeRecord(bytes32 node, bytes32 label, address owner, address resolver, uint64 ttl)',
]);
const resolverAbi = parseAbi(['function setAddr(bytes32 node, address a)']);

export async function seedEnsL1(chain: DevnetChain, accounts: DevnetAccounts): Promise<void> {
  const { deployer, demo } = accounts;
  // ENSRegistry's constructor gives the root node to the deployer.
  const registry = await chain.deploy(
    deployer,
    loadArtifact('@ensdomains/ens/build/contracts/ENSRegistry.json'),
  );
  const resolver = await chain.deploy(
    deployer,
    compile({ path: 'devnet/contracts/ens/EnsResolverStandIn.sol', contract: 'EnsResolverStandIn' }),
  );
  const offchain = await chain.deploy(
    deployer,
    compile({
      path: 'devnet/contracts/ens/EnsOffchainResolverStandIn.sol',
      contract: 'EnsOffchainResolverStandIn',
    }),
  );
  await chain.write(deployer, registry, registryAbi, 'setSubnodeOwner', [
    zeroHash,
    labelhash('eth'),
    deployer,
  ]);
  const eth = namehash('eth');
  const record = (label: string, r: Address) =>
    chain.write(deployer, registry, registryAbi, 'setSubnodeRecord', [
      eth,
      labelhash(label),
      deployer,
      r,
      0n,
    ]);
  await record('demo', resolver);
  await record('nobody', resolver);
  await record('offchain', offchain);
  await chain.write(deployer, resolver, resolverAbi, 'setAddr', [namehash(DEVNET_ENS_NAMES.demo), demo]);

  chain.contracts.ENSRegistry = registry;
  chain.contracts.EnsResolver = resolver;
  chain.contracts.EnsOffchainResolver = offchain;
  chain.standIns.EnsResolver =
    'ENS resolver (addr, supportsInterface): @ensdomains/ens 0.6.2 ships the registry but no PublicResolver';
  chain.standIns.EnsOffchainResolver =
    'an off-chain (CCIP-read, ENSIP-10 wildcard) resolver: reverts with OffchainLookup, as such names do';
}
