import { type Address, encodeAbiParameters, type Hex, parseAbiParameters, zeroHash } from 'viem';
import type { RoundOneJob } from '../../chains/round-one';
import type { LensContext } from '../../portfolio/types';
import type { PoolDerivation, V3Deployment } from './addresses';
import { V3Lens } from './V3Lens.bytecode';

/**
 * Round 1 for a V3-style position manager (`V3Lens.sol`): the reader's levels 1–4 at the current block
 * (count, ids, positions, pool state, token metadata and pool balances) in one lens job, or several for a
 * big account: positions are split in ranges of `POSITIONS_PER_JOB`, so no lens call nears geth's 50M-gas
 * `eth_call` cap, and each range's memory (what its gas grows with, quadratically) stays small.
 */

/**
 * Positions one lens job reads: about 6.5M gas at 100 (measured on the devnet: ~65k a position, growing
 * slowly with the memory used), so a range stays far below any node's `eth_call` cap by itself.
 */
export const POSITIONS_PER_JOB = 100;

const inputParams = parseAbiParameters(
  '(address positionManager, address owner, uint256 maxPositions, uint256 start, uint256 count, uint8 poolKind, address factory, bytes32 poolHash, bool poolBalances)',
);

/** How the lens finds a position's pool: as the reader derives it (CREATE2) or asks it (Slipstream's getPool). */
export type LensPools = PoolDerivation | { kind: 'factory-get-pool' };

export interface V3LensSpec {
  label: string;
  positionManager: Address;
  factory: Address;
  pools: LensPools;
  owner: Address;
  maxPositions: number;
  poolBalances: boolean;
}

function poolInput(pools: LensPools): { poolKind: number; poolHash: Hex } {
  if (pools.kind === 'create2') return { poolKind: 0, poolHash: pools.initCodeHash };
  if (pools.kind === 'zksync-create2') return { poolKind: 1, poolHash: pools.bytecodeHash };
  return { poolKind: 2, poolHash: zeroHash };
}

/**
 * Position counts seen by the readers, by chain, manager and owner: a refresh then asks for just the ranges
 * it needs. Unknown (the first read), the ranges cover the whole cap; a range past the count costs one call.
 */
const knownCounts = new Map<string, bigint>();
const countKey = (chainId: number, positionManager: Address, owner: Address) =>
  `${chainId}:${positionManager.toLowerCase()}:${owner.toLowerCase()}`;

/** Called by a reader once it knows how many positions `owner` holds. */
export function rememberPositionCount(
  chainId: number,
  positionManager: Address,
  owner: Address,
  count: bigint,
): void {
  knownCounts.set(countKey(chainId, positionManager, owner), count);
}

/** The lens jobs of one owner in one V3-style position manager. */
export function v3LensJobs(chainId: number, spec: V3LensSpec): RoundOneJob[] {
  const known = knownCounts.get(countKey(chainId, spec.positionManager, spec.owner));
  const cap = BigInt(spec.maxPositions);
  const wanted = known === undefined ? cap : known < cap ? known : cap;
  const per = BigInt(POSITIONS_PER_JOB);
  const ranges = wanted === 0n ? 1n : (wanted + per - 1n) / per;
  return Array.from({ length: Number(ranges) }, (_, i) => ({
    label: ranges === 1n ? spec.label : `${spec.label} (positions ${BigInt(i) * per}–)`,
    lens: V3Lens,
    // ~65k gas a position (measured, see above), in round 1's units of 10k gas.
    weight: POSITIONS_PER_JOB * 7,
    input: encodeAbiParameters(inputParams, [
      {
        positionManager: spec.positionManager,
        owner: spec.owner,
        maxPositions: cap,
        start: BigInt(i) * per,
        count: per,
        factory: spec.factory,
        poolBalances: spec.poolBalances,
        ...poolInput(spec.pools),
      },
    ]),
  }));
}

/** Round 1 of a V3 deployment (Uniswap V3, SushiSwap V3) for `ctx.owner`. */
export function v3Lens(
  ctx: LensContext,
  protocol: string,
  deployment: V3Deployment,
  maxPositions: number,
): RoundOneJob[] {
  return v3LensJobs(ctx.chainId, {
    label: protocol,
    positionManager: deployment.positionManager,
    factory: deployment.factory,
    pools: deployment.pool,
    owner: ctx.owner,
    maxPositions,
    poolBalances: true,
  });
}
