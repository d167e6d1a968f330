import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { type Abi, type Address, getAddress } from 'viem';
import { describe, expect, it } from 'vitest';
import { DevnetChain } from '../../../devnet/chain';
import { DEVNET_VAULT, VAULT_CHAINS, VAULT_SPECS, vaultName } from '../../../devnet/seed/vaults';
import { compile } from '../../../devnet/solc';
import { snapshotChain, testDevnet } from '../../../devnet/testing';
import type { ChainId } from '../../chains/registry';
import { readChainPortfolio } from '../../portfolio/read';
import { countedPositions } from '../../portfolio/select';
import { PROBE_SHARES } from './read';
import { isVaultDetails, VAULTS_ID } from './types';

/*
 * Oracles: OpenZeppelin's own ERC4626 (its shipped ABI, @openzeppelin/contracts/build) answering
 * `convertToAssets(balanceOf)` at the read block, and `convertToAssets` at the past block the module
 * names with that block's header timestamp; the APR formula is recomputed here from those raw reads.
 */
const require = createRequire(import.meta.url);
const OZ_4626 = (
  JSON.parse(
    readFileSync(require.resolve('@openzeppelin/contracts/build/contracts/ERC4626.json'), 'utf8'),
  ) as {
    abi: Abi;
  }
).abi;
const YEAR = 31_536_000;

const { manifest, network, clients } = testDevnet();
const demo = manifest.accounts.demo as Address;
const deployer = manifest.accounts.deployer as Address;
const vaultAt = (id: ChainId, symbol: string) =>
  manifest.chains[`${id}`].contracts[vaultName(symbol)] as Address;

async function oz<T>(
  id: ChainId,
  vault: Address,
  fn: string,
  args: unknown[],
  blockNumber: bigint,
): Promise<T> {
  return (await clients[id].readContract({
    address: vault,
    abi: OZ_4626,
    functionName: fn,
    args,
    blockNumber,
  })) as T;
}

async function read(id: ChainId, userVaults: Address[] = []) {
  return readChainPortfolio({
    network,
    chainId: id,
    client: clients[id],
    owner: demo,
    userEntries: { [VAULTS_ID]: userVaults },
  });
}

describe('ERC-4626 vaults on the devnet', () => {
  it('values the demo’s shares with OpenZeppelin’s convertToAssets(balanceOf) and measures the share price', async () => {
    for (const id of VAULT_CHAINS) {
      const chain = await read(id);
      const block = chain.blockNumber as bigint;
      expect(chain.protocolErrors).toEqual([]);
      for (const spec of VAULT_SPECS) {
        const vault = vaultAt(id, spec.symbol);
        const p = chain.positions.find((x) => x.id === `${id}:${VAULTS_ID}:${vault}`);
        const d = p?.details;
        if (!p || !isVaultDetails(d)) throw new Error(`${id} ${spec.symbol}: no vault position`);
        const shares = await oz<bigint>(id, vault, 'balanceOf', [demo], block);
        expect(d.shares).toBe(shares);
        expect(p.assets[0]?.amount).toBe(await oz<bigint>(id, vault, 'convertToAssets', [shares], block));
        expect(p.assets[0]?.token).toBe(await oz<Address>(id, vault, 'asset', [], block));
        expect(p.kind).toBe('vault');

        const past = d.pricePast;
        if (!past) throw new Error(`${id} ${spec.symbol}: no past share price (${d.yieldNote})`);
        const then = await oz<bigint>(id, vault, 'convertToAssets', [PROBE_SHARES], past.block);
        const now = await oz<bigint>(id, vault, 'convertToAssets', [PROBE_SHARES], block);
        const [h0, h1] = await Promise.all([
          clients[id].getBlock({ blockNumber: past.block }),
          clients[id].getBlock({ blockNumber: block }),
        ]);
        const seconds = Number(h1.timestamp - h0.timestamp);
        expect(Math.abs(seconds - 7 * 86_400)).toBeLessThan(86_400);
        const expected = ((Number(now) / Number(then) - 1) * YEAR) / seconds;
        expect(p.yield?.baseApr).toBeCloseTo(expected, 12);
        expect(p.yield).toMatchObject({ rewardApr: 0, compounds: true });
        // The seed's ground truth: dvUSDC gains, dvWETH lost value over the window.
        if (spec.lossDay === null) expect(p.yield?.baseApr).toBeGreaterThan(0.05);
        else expect(p.yield?.baseApr).toBeLessThan(0);

        // The shares in the wallet are a receipt: shown, counted only in the vault position.
        const wallet = chain.positions.find((x) => x.id === `${id}:wallet:${vault}`);
        expect(wallet?.countedIn).toBe(p.id);
        expect(countedPositions(chain.positions)).not.toContain(wallet);
      }
      // Exactly the two share tokens are receipts; nothing else is left out of the totals.
      const receipts = chain.positions.filter((x) => x.protocol === 'wallet' && x.countedIn !== undefined);
      expect(receipts.map((x) => x.id).sort()).toEqual(
        VAULT_SPECS.map((s) => `${id}:wallet:${vaultAt(id, s.symbol)}`).sort(),
      );
    }
  });

  it('user-added addresses that are not vaults, and a vault whose convertToAssets reverts: clear messages, the rest renders', async () => {
    const id: ChainId = 10;
    const chain = new DevnetChain(id, manifest.chains['10'].rpcUrl, []);
    const restore = await snapshotChain(chain);
    try {
      const usdc = manifest.chains['10'].tokens.USDC as Address;
      const eoa = getAddress('0x00000000000000000000000000000000000a11ce');
      const broken = vaultAt(id, 'dvUSDC');
      await chain.write(deployer, broken, compile(DEVNET_VAULT).abi, 'setBroken', [true]);
      const c = await read(id, [usdc, eoa]);
      expect(c.protocolErrors).toEqual([]);
      const vaults = c.positions.filter((p) => p.protocol === VAULTS_ID);
      for (const bad of [usdc, eoa]) {
        const p = vaults.find((x) => x.id === `${id}:${VAULTS_ID}:${bad}`);
        expect(p?.warning).toMatch(/is not an ERC-4626 vault: asset\(\) (failed|returned nothing)/);
        expect(p?.assets).toEqual([]);
        expect(p?.yield).toBeNull();
      }
      const b = vaults.find((x) => x.id === `${id}:${VAULTS_ID}:${broken}`);
      expect(b?.warning).toMatch(/convertToAssets reverted/);
      expect(b?.yield).toBeNull();
      const ok = vaults.find((x) => x.id === `${id}:${VAULTS_ID}:${vaultAt(id, 'dvWETH')}`);
      expect(ok?.warning).toBeNull();
      expect(ok?.assets[0]?.amount).toBeGreaterThan(0n);
    } finally {
      await restore();
    }
  });

  it('a vault younger than the window: no yield, and says so in words', async () => {
    const id: ChainId = 42161;
    const chain = new DevnetChain(id, manifest.chains['42161'].rpcUrl, []);
    const restore = await snapshotChain(chain);
    try {
      const usdc = manifest.chains['42161'].tokens.USDC as Address;
      const fresh = await chain.deploy(deployer, compile(DEVNET_VAULT), [usdc, 'Fresh', 'FRESH', 0]);
      const c = await read(id, [fresh]);
      const p = c.positions.find((x) => x.id === `${id}:${VAULTS_ID}:${fresh}`);
      expect(p?.yield).toBeNull();
      expect(p?.assets[0]?.amount).toBe(0n);
      const d = p?.details;
      expect(isVaultDetails(d) && d.yieldNote).toMatch(/younger than the 7d window/);
    } finally {
      await restore();
    }
  });
});
