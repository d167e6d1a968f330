import { type Address, encodeAbiParameters, parseAbiParameters } from 'viem';
import type { RoundOneJob } from '../../chains/round-one';
import type { LensContext } from '../../portfolio/types';
import { v3LensJobs } from '../uniswap-v3/lens';
import { LENS_GAS_BUDGET } from '../v2-pairs/lens';
import type { VelodromeDeployment } from './addresses';
import { SlipstreamGaugeLens } from './SlipstreamGaugeLens.bytecode';

const gaugeInputParams = parseAbiParameters('(address, address, address, address, uint256, uint256)');

/**
 * Gas of the staked-side lens, measured on the devnet (eth_estimateGas of the lens alone, see
 * slipstream-lens.integration.test.ts; 2 CL pools: 83k for an owner with nothing staked, 341k with one
 * staked position, 499k for the demo's two, in two gauges), rounded up: per CL pool (its entry, its gauge,
 * `stakedValues(owner)`) and per staked position (position, earned, its gauge's and pool's state, metadata).
 */
/** CL pools enumerated from the factory (to find the gauges staked positions sit in), read and walked alike. */
export const MAX_CL_POOLS = 5_000;
export const MAX_CL_POSITIONS = 500;

export const GAUGE_LENS_GAS = { base: 50_000, perPool: 20_000, perStaked: 260_000 } as const;
/** Staked positions a weight allows for (more only cost what the gas budget allows). */
const STAKED_ALLOWANCE = 4;

/** CL pool counts seen by the reader, by chain and factory: a refresh then declares the weight it needs. */
const knownPoolCounts = new Map<string, bigint>();
const poolCountKey = (chainId: number, factory: Address) => `${chainId}:${factory.toLowerCase()}`;

/** Called by `readSlipstream` once it knows how many pools the CL factory lists. */
export function rememberClPoolCount(chainId: number, factory: Address, count: bigint): void {
  knownPoolCounts.set(poolCountKey(chainId, factory), count);
}

/**
 * Round-1 weight (gas / 10,000) of the staked-side lens: the known pool count (else the reader's cap) at
 * the measured cost, at most its gas budget (where the lens stops; the reader reads what is left by levels).
 */
export function gaugeLensWeight(chainId: number, factory: Address, gasBudget = LENS_GAS_BUDGET): number {
  const known = knownPoolCounts.get(poolCountKey(chainId, factory));
  const pools = known === undefined || known > BigInt(MAX_CL_POOLS) ? MAX_CL_POOLS : Number(known);
  const gas =
    GAUGE_LENS_GAS.base + GAUGE_LENS_GAS.perPool * pools + GAUGE_LENS_GAS.perStaked * STAKED_ALLOWANCE;
  return Math.ceil(Math.min(gas, Number(gasBudget)) / 10_000);
}

/**
 * Round 1 of Slipstream (`readSlipstream`): the wallet's CL positions through the V3 lens, their pools asked
 * from the CL factory by tick spacing (`getPool(token0, token1, tickSpacing)`, as the reader asks), each
 * pool's slot0, fee growth and an open range's ticks, and the tokens' metadata; beside it the staked side
 * (`SlipstreamGaugeLens.sol`): the factory's pools, the Voter's gauges, `stakedValues(owner)` and every
 * read of the staked positions, their gauges, pools and reward tokens.
 */
export function slipstreamLens(
  ctx: LensContext,
  deployment: VelodromeDeployment,
  gasBudget = LENS_GAS_BUDGET,
): RoundOneJob[] {
  const s = deployment.slipstream;
  if (!s) return [];
  return [
    ...v3LensJobs(ctx.chainId, {
      label: 'velodrome slipstream',
      positionManager: s.positionManager,
      factory: s.factory,
      pools: { kind: 'factory-get-pool' },
      owner: ctx.owner,
      maxPositions: MAX_CL_POSITIONS,
      poolBalances: false,
    }),
    {
      label: 'velodrome slipstream: staked in CL gauges',
      lens: SlipstreamGaugeLens,
      weight: gaugeLensWeight(ctx.chainId, s.factory, gasBudget),
      input: encodeAbiParameters(gaugeInputParams, [
        [s.positionManager, s.factory, deployment.voter, ctx.owner, BigInt(MAX_CL_POOLS), gasBudget],
      ]),
    },
  ];
}
