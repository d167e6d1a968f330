import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { type Address, getAddress, type Hex, numberToHex, pad, toHex } from 'viem';
import { loadArtifact } from '../artifacts';
import type { DevnetChain } from '../chain';
import { compile } from '../solc';
import type { SeedContext } from './types';

const require = createRequire(import.meta.url);

/** OP's GovernanceToken predeploy on OP Mainnet (and every OP Stack chain). */
export const OP_GOVERNANCE_TOKEN: Address = getAddress('0x4200000000000000000000000000000000000042');
export const OP_GOVERNANCE_TOKEN_ARTIFACT =
  '@eth-optimism/contracts-bedrock/forge-artifacts/GovernanceToken.sol/GovernanceToken.json';
/** OpenZeppelin 5.7.0 ERC20Votes, for ARB, ZK and GMX's GovToken (see the contract's comment). */
export const VOTES_TOKEN_SOURCE = {
  path: 'devnet/contracts/governance/VotesToken.sol',
  contract: 'VotesToken',
};

/** Slot of a storage variable as the forge artifact's own storage layout records it. */
function slotOf(artifactPath: string, label: string): bigint {
  const json = JSON.parse(readFileSync(require.resolve(artifactPath), 'utf8')) as {
    storageLayout?: { storage?: { label: string; slot: string }[] };
  };
  const entry = json.storageLayout?.storage?.find((e) => e.label === label);
  if (!entry) throw new Error(`${artifactPath}: no storage slot for ${label}`);
  return BigInt(entry.slot);
}

/** A Solidity `string` shorter than 32 bytes, as it sits in its slot: bytes left-aligned, length × 2 last. */
export function shortStringSlot(value: string): Hex {
  const bytes = new TextEncoder().encode(value);
  if (bytes.length > 31) throw new Error(`"${value}" does not fit in one slot`);
  const word = new Uint8Array(32);
  word.set(bytes);
  word[31] = bytes.length * 2;
  return toHex(word);
}

async function setSlot(chain: DevnetChain, address: Address, slot: bigint, value: Hex): Promise<void> {
  await chain.request('anvil_setStorageAt', [address, numberToHex(slot, { size: 32 }), pad(value)]);
}

/**
 * The chain's governance token, able to vote: OP's real GovernanceToken (OpenZeppelin 4.x ERC20Votes) from
 * `@eth-optimism/contracts-bedrock` at its predeploy address, with the storage its genesis would hold (name,
 * symbol, owner = the deployer, who mints); ARB and ZK an OpenZeppelin 5.7.0 ERC20Votes. Either way the
 * deployer can mint to any account (`mint(address,uint256)`), as with the plain tokens they replace.
 */
export async function deployGovernanceToken(
  ctx: SeedContext,
  symbol: string,
  name: string,
): Promise<Address> {
  const { chain, accounts } = ctx;
  if (symbol === 'OP') {
    const artifact = loadArtifact(OP_GOVERNANCE_TOKEN_ARTIFACT);
    // Runtime code with the constructor's immutables (EIP-712 domain) filled in, by simulating it.
    await chain.setCode(OP_GOVERNANCE_TOKEN, await chain.runtimeCode(artifact));
    const slot = (label: string) => slotOf(OP_GOVERNANCE_TOKEN_ARTIFACT, label);
    await setSlot(chain, OP_GOVERNANCE_TOKEN, slot('_name'), shortStringSlot(name));
    await setSlot(chain, OP_GOVERNANCE_TOKEN, slot('_symbol'), shortStringSlot(symbol));
    await setSlot(chain, OP_GOVERNANCE_TOKEN, slot('_owner'), accounts.deployer);
    await chain.mine();
    return OP_GOVERNANCE_TOKEN;
  }
  return chain.deploy(accounts.deployer, compile(VOTES_TOKEN_SOURCE), [name, symbol, accounts.deployer]);
}
