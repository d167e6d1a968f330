import { type Address, createPublicClient, http, namehash, zeroAddress } from 'viem';
import { describe, expect, it } from 'vitest';
import { DEVNET_ENS_NAMES } from '../../devnet/seed/ens-l1';
import { testDevnet } from '../../devnet/testing';
import { ensRegistryAbi, ensResolverAbi, resolveEnsName } from './resolve';

describe('ENS on the devnet’s local chain 1', () => {
  const { manifest } = testDevnet();
  const l1 = manifest.l1;
  if (!l1) throw new Error('the devnet manifest has no l1 entry');
  const registry = l1.contracts.ENSRegistry as Address;
  const config = { rpcUrl: l1.rpcUrl, registry };
  const client = createPublicClient({ transport: http(l1.rpcUrl) });

  it('the l1 entry is chain 1 and names its stand-ins', async () => {
    expect(await client.getChainId()).toBe(1);
    expect(Object.keys(l1.standIns ?? {})).toEqual(
      expect.arrayContaining(['EnsResolver', 'EnsOffchainResolver']),
    );
  });

  it('demo.eth resolves to what the registry’s resolver records, the demo account', async () => {
    const name = DEVNET_ENS_NAMES.demo;
    const result = await resolveEnsName(config, name);
    if (!result.ok) throw new Error(result.message);
    // Oracle: the ENSRegistry's own resolver(node), then that resolver's addr(node), read here at the same block.
    const node = namehash(name);
    const resolver = await client.readContract({
      address: registry,
      abi: ensRegistryAbi,
      functionName: 'resolver',
      args: [node],
      blockNumber: result.blockNumber,
    });
    const recorded = await client.readContract({
      address: resolver,
      abi: ensResolverAbi,
      functionName: 'addr',
      args: [node],
      blockNumber: result.blockNumber,
    });
    expect(resolver).not.toBe(zeroAddress);
    expect(result.resolver).toBe(resolver);
    expect(result.address).toBe(recorded);
    expect(result.address).toBe(manifest.accounts.demo);
  });

  it('a name with a resolver but no address record says so', async () => {
    const name = DEVNET_ENS_NAMES.noAddress;
    const node = namehash(name);
    const resolver = await client.readContract({
      address: registry,
      abi: ensRegistryAbi,
      functionName: 'resolver',
      args: [node],
    });
    expect(resolver).not.toBe(zeroAddress);
    expect(
      await client.readContract({
        address: resolver,
        abi: ensResolverAbi,
        functionName: 'addr',
        args: [node],
      }),
    ).toBe(zeroAddress);
    const result = await resolveEnsName(config, name);
    expect(result).toMatchObject({ ok: false, reason: 'no-address' });
    if (!result.ok) expect(result.message).toContain('does not resolve to an address');
  });

  it('an unregistered name says it is not registered', async () => {
    const result = await resolveEnsName(config, DEVNET_ENS_NAMES.unregistered);
    expect(result).toMatchObject({ ok: false, reason: 'no-resolver' });
    if (!result.ok) expect(result.message).toContain('not registered on ENS');
  });

  it('an off-chain (CCIP-read) name, its own or through a parent’s wildcard resolver, is reported, not followed', async () => {
    for (const name of [DEVNET_ENS_NAMES.offchain, DEVNET_ENS_NAMES.offchainChild]) {
      const result = await resolveEnsName(config, name);
      expect(result, name).toMatchObject({ ok: false, reason: 'offchain' });
      if (!result.ok) expect(result.message).toContain('off-chain ENS name');
    }
  });
});
