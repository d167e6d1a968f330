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

const FLAVOR: Record<PairFlavor | 'plain', number> = { plain: 0, camelot: 1, syncswap: 2 };

const inputParams = parseAbiParameters('address, bytes, bytes4, uint256, address, uint8');

/**
 * The shared V2 round-1 job (`V2PairsLens.sol`): a registry's pool list, the owner's LP balance in each
 * pool, and each held pool's state (`addPairStateReads` with `flavor`) and token metadata.
 */
export function v2PairsJob(
  label: string,
  registry: PoolRegistry,
  owner: Address,
  flavor: PairFlavor | 'plain',
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
    ]),
  };
}
