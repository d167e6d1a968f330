import { type Address, parseAbi, parseUnits } from 'viem';
import type { ChainId } from '../../lib/chains/registry';
import type { AccountRole } from '../accounts';
import { compile } from '../solc';
import { GOV_TOKEN } from './base';
import { VOTES_TOKEN_SOURCE } from './governance-tokens';
import type { SeedContext, SeedModule } from './types';

/**
 * Delegation on the devnet's governance tokens (votes-capable since `base`, see ./governance-tokens): the
 * demo delegates OP to itself, ARB to the `delegate` account and leaves ZK undelegated; on every chain the
 * `delegator` account delegates its own tokens to the demo. On Arbitrum, GMX's governance token (an
 * OpenZeppelin ERC20Votes standing in for GMX's GovToken, which is not on npm) holds the demo's voting
 * power from staked GMX, self-delegated; and a token whose `getVotes` reverts is the bad input.
 */

export type DemoDelegation = 'self' | 'delegate' | 'none';

export const GOVERNANCE_SEED = {
  demo: { 10: 'self', 42161: 'delegate', 324: 'none' } satisfies Record<ChainId, DemoDelegation>,
  /** What `delegator` holds (minted here) and delegates to the demo, per chain. */
  delegatedToDemo: { 10: '400', 42161: '900', 324: '2500' } satisfies Record<ChainId, string>,
  /** GMX GovToken the demo holds: its staked GMX + esGMX (GMX's `BaseStakedAmount` voting power). */
  gmxGovToken: { demo: '300', delegator: '750' },
  revertingVotes: { demo: '10' },
} as const;

const votesAbi = parseAbi([
  'function mint(address account, uint256 value)',
  'function delegate(address delegatee)',
]);

async function seedGovernance(ctx: SeedContext): Promise<void> {
  const { chain, accounts, chainId } = ctx;
  const { deployer, demo, delegator } = accounts;
  const gov = chain.tokens[GOV_TOKEN[chainId]];
  if (!gov) throw new Error('governance seed: base must deploy the governance token first');
  // The governance module finds its tokens under these names.
  chain.contracts[`Governance.${GOV_TOKEN[chainId]}`] = gov;

  const target: Record<DemoDelegation, AccountRole | null> = {
    self: 'demo',
    delegate: 'delegate',
    none: null,
  };
  const to = target[GOVERNANCE_SEED.demo[chainId]];
  if (to) await chain.write(demo, gov, votesAbi, 'delegate', [accounts[to]]);
  await chain.write(deployer, gov, votesAbi, 'mint', [
    delegator,
    parseUnits(GOVERNANCE_SEED.delegatedToDemo[chainId], 18),
  ]);
  await chain.write(delegator, gov, votesAbi, 'delegate', [demo]);

  if (chainId !== 42161) return;
  const gmxGov: Address = await chain.deploy(deployer, compile(VOTES_TOKEN_SOURCE), [
    'GMX DAO',
    'GMX_DAO',
    deployer,
  ]);
  chain.contracts['GMX.GovToken'] = gmxGov;
  chain.standIns['GMX.GovToken'] =
    "devnet/contracts/governance/VotesToken.sol: OpenZeppelin ERC20Votes with GMX GovToken's read interface (delegates, getVotes); GMX's own is not on npm";
  await chain.write(deployer, gmxGov, votesAbi, 'mint', [
    demo,
    parseUnits(GOVERNANCE_SEED.gmxGovToken.demo, 18),
  ]);
  await chain.write(deployer, gmxGov, votesAbi, 'mint', [
    delegator,
    parseUnits(GOVERNANCE_SEED.gmxGovToken.delegator, 18),
  ]);
  await chain.write(demo, gmxGov, votesAbi, 'delegate', [demo]);

  const bad = await chain.deploy(
    deployer,
    compile({ path: 'devnet/contracts/governance/RevertingVotesToken.sol', contract: 'RevertingVotesToken' }),
  );
  chain.contracts['Governance.RevertingVotesToken'] = bad;
  chain.standIns['Governance.RevertingVotesToken'] =
    'devnet/contracts/governance/RevertingVotesToken.sol: bad input, an ERC-20 whose getVotes reverts';
  await chain.write(deployer, bad, votesAbi, 'mint', [
    demo,
    parseUnits(GOVERNANCE_SEED.revertingVotes.demo, 18),
  ]);
}

export const governanceSeed: SeedModule = {
  name: 'governance',
  after: ['base', 'gmx'],
  seed: seedGovernance,
};
