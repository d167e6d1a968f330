import { type Address, encodeAbiParameters, type Hex, parseAbiParameters, slice } from 'viem';
import type { RoundOneJob } from '../../chains/round-one';
import type { PairFlavor } from './read';
import { V2PairsLens } from './V2PairsLens.bytecode';

/** How a registry lists its pools: its count call and the function taking an index. */
export interface PoolRegistry {
  address: Address;
  /** Calldata of the count (`allPairsLength()`, `poolsLength()`), exactly as the reader encodes it. */
  lengthCall: Hex;
  /** Calldata of the item at index 0 (`allPairs(0)`, `pools(0)`): its selector is what the lens uses. */
  itemAtZero: Hex;
  /** Items read at most (the reader's cap). */
  max: number;
}

/**
 * Gas each of these lenses may spend before it stops making calls (and returns what it recorded; the
 * reader sends the rest as Multicall3 levels). geth, op-geth and Nitro cap an eth_call at 50M gas for the
 * whole round 1, every module’s lens together: a registry of thousands of pools (the readers enumerate up to
 * 3,000–5,000) costs ~10k gas per pool for its entry and the owner's balance, so without a budget one module
 * could sink everyone's round 1. The devnet demo's heaviest (Velodrome V2) spends ~1.5M.
 */
export const LENS_GAS_BUDGET = 8_000_000n;

const FLAVOR: Record<PairFlavor | 'plain', number> = { plain: 0, camelot: 1, syncswap: 2 };

const inputParams = parseAbiParameters('address, bytes, bytes4, uint256, address, uint8, uint256');

/**
 * The shared V2 round-1 job (`V2PairsLens.sol`): a registry's pool list, the owner's LP balance in each
 * pool, and each held pool's state (`addPairStateReads` with `flavor`) and token metadata.
 */
export function v2PairsJob(
  label: string,
  registry: PoolRegistry,
  owner: Address,
  flavor: PairFlavor | 'plain',
  gasBudget = LENS_GAS_BUDGET,
): RoundOneJob {
  return {
    label,
    lens: V2PairsLens,
    input: encodeAbiParameters(inputParams, [
      registry.address,
      registry.lengthCall,
      slice(registry.itemAtZero, 0, 4),
      BigInt(registry.max),
      owner,
      FLAVOR[flavor],
      gasBudget,
    ]),
  };
}
