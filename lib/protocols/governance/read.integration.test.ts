import { createRequire } from 'node:module';
import { type Abi, type Address, getAddress, parseUnits, zeroAddress } from 'viem';
import { describe, expect, it } from 'vitest';
import { GOVERNANCE_SEED } from '../../../devnet/seed/governance';
import { testDevnet } from '../../../devnet/testing';
import { CHAIN_IDS, type ChainId } from '../../chains/registry';
import { readChainPortfolio } from '../../portfolio/read';
import { chainTotal } from '../../portfolio/select';
import { PROTOCOL_MODULES } from '../registry';
import { GOVERNANCE_DEPLOYMENT, governanceFromManifest } from './addresses';
import { governanceModule, governanceModuleFor, isGovernanceDetails } from './module';
import type { GovernanceDetails } from './types';

/*
 * Oracles: the tokens' own ERC20Votes views (`getVotes`, `delegates`, `balanceOf`) read here at the same
 * block with OpenZeppelin's published ERC20Votes ABI (not ./abi.ts), and the seed's inputs (who delegates
 * to whom, how much `delegator` delegated to the demo).
 */

const require = createRequire(import.meta.url);
const OZ_VOTES = (require('@openzeppelin/contracts/build/contracts/ERC20Votes.json') as { abi: Abi }).abi;
const { manifest, network, clients } = testDevnet();
const demo = getAddress(manifest.accounts.demo as Address);
const account = (role: string) => getAddress(manifest.accounts[role] as Address);
const SYMBOL: Record<ChainId, string> = { 10: 'OP', 42161: 'ARB', 324: 'ZK' };

async function read(chainId: ChainId, protocols = [governanceModule], blockNumber?: bigint) {
  return readChainPortfolio({
    network,
    chainId,
    client: clients[chainId],
    owner: demo,
    protocols,
    ...(blockNumber === undefined ? {} : { blockNumber }),
  });
}

const details = (positions: { details?: unknown }[]): GovernanceDetails[] =>
  positions.flatMap((p) => (isGovernanceDetails(p.details as never) ? [p.details as GovernanceDetails] : []));

async function view(
  chainId: ChainId,
  token: Address,
  fn: 'getVotes' | 'delegates' | 'balanceOf',
  blockNumber: bigint,
) {
  return clients[chainId].readContract({
    address: token,
    abi: OZ_VOTES,
    functionName: fn,
    args: [demo],
    blockNumber,
  });
}

describe('governance on the devnet', () => {
  it.each(CHAIN_IDS)(
    'chain %i: voting power and delegate equal the token’s own views at the read block',
    async (chainId) => {
      const chain = await read(chainId);
      const block = chain.blockNumber ?? 0n;
      const found = details(chain.positions);
      expect(found.length).toBeGreaterThan(0);
      for (const d of found) {
        expect(d.votes).toBe(await view(chainId, d.token, 'getVotes', block));
        const delegate = getAddress((await view(chainId, d.token, 'delegates', block)) as Address);
        expect(d.delegate).toBe(delegate === zeroAddress ? null : delegate);
        expect(d.balance).toBe(await view(chainId, d.token, 'balanceOf', block));
        expect(d.blockNumber).toBe(block);
      }
    },
  );

  it('matches the seed: OP to itself, ARB to another account, ZK undelegated; others delegate to the demo', async () => {
    const expected = { 10: 'self', 42161: 'other', 324: 'undelegated' } as const;
    for (const chainId of CHAIN_IDS) {
      const chain = await read(chainId);
      const d = details(chain.positions).find((x) => x.symbol === SYMBOL[chainId]);
      if (!d) throw new Error(`no ${SYMBOL[chainId]} governance position`);
      expect(d.status).toBe(expected[chainId]);
      if (chainId === 42161) expect(d.delegate).toBe(account('delegate'));
      // Votes delegated by others: the seed's delegator is the only one.
      expect(d.delegatedByOthers).toBe(parseUnits(GOVERNANCE_SEED.delegatedToDemo[chainId], 18));
      const p = chain.positions.find((x) => x.details === d);
      if (chainId === 324) expect(p?.warning).toMatch(/undelegated: 15,000 ZK count for nothing/);
      else expect(p?.warning).toBeNull();
    }
  });

  it('GMX DAO voting power is detail on the GMX staking position, self-delegated', async () => {
    const chain = await read(42161);
    const d = details(chain.positions).find((x) => x.symbol === 'GMX DAO');
    expect(d?.status).toBe('self');
    expect(d?.countedIn).toBe('42161:gmx:staked');
    expect(d?.votes).toBe(parseUnits(GOVERNANCE_SEED.gmxGovToken.demo, 18));
    expect(d?.delegatedByOthers).toBe(0n);
  });

  it('has no value of its own: counted in the wallet row, totals are unchanged', async () => {
    for (const chainId of CHAIN_IDS) {
      const all = await read(chainId, [...PROTOCOL_MODULES]);
      // At the same block: the devnet mines every second, and interest moves totals between blocks.
      const without = await read(
        chainId,
        PROTOCOL_MODULES.filter((m) => m.id !== 'governance'),
        all.blockNumber ?? undefined,
      );
      expect(chainTotal(all).usdE18).toBe(chainTotal(without).usdE18);
      for (const p of all.positions.filter((x) => x.protocol === 'governance')) {
        expect(p.assets).toEqual([]);
        expect(p.yield).toMatchObject({ baseApr: 0, rewardApr: 0 });
        expect(p.countedIn).toBeDefined();
        const d = p.details;
        if (isGovernanceDetails(d) && d.countedIn.includes(':wallet:')) {
          expect(all.positions.some((w) => w.id === p.countedIn)).toBe(true);
          expect(p.countedIn).toBe(`${chainId}:wallet:${getAddress(d.token)}`);
        }
      }
    }
  });

  it('bad input: a token whose getVotes reverts gets its own message and the rest renders', async () => {
    const contracts = manifest.chains['42161'].contracts;
    const bad = contracts['Governance.RevertingVotesToken'];
    const base = governanceFromManifest(contracts, 42161);
    if (!bad || !base) throw new Error('devnet governance missing');
    const variant = governanceModuleFor({
      ...GOVERNANCE_DEPLOYMENT,
      devnet: () => ({ tokens: [{ symbol: 'BADVOTE', token: bad, heldIn: 'wallet' }, ...base.tokens] }),
    });
    const chain = await read(42161, [variant]);
    expect(chain.protocolErrors).toEqual([]);
    const broken = chain.positions.find((p) => p.label.startsWith('BADVOTE'));
    expect(broken?.warning).toMatch(/getVotes failed: .*voting power is unknown/);
    const bd = broken?.details;
    expect(isGovernanceDetails(bd) && bd.votes).toBe(null);
    const ok = details(chain.positions).filter((d) => d.symbol !== 'BADVOTE');
    expect(ok.map((d) => d.symbol).sort()).toEqual(['ARB', 'GMX DAO']);
    expect(ok.every((d) => d.votes !== null)).toBe(true);
  });
});
