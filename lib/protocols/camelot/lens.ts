import { encodeAbiParameters, parseAbiParameters } from 'viem';
import { call } from '../../chains/multicall';
import type { RoundOneJob } from '../../chains/round-one';
import type { LensContext } from '../../portfolio/types';
import { LENS_GAS_BUDGET, v2PairsJob } from '../v2-pairs/lens';
import { factoryAbi } from './abi';
import { CamelotLens } from './CamelotLens.bytecode';
import { type CamelotDeployment, grailQuotes, MAX_NFT_POOLS, MAX_PAIRS, MAX_SPNFTS } from './read';

const inputParams = parseAbiParameters(
  '(address, address, address, address, address, address[], uint256, uint256, uint256)',
);

/**
 * Camelot's round 1, two jobs: the shared V2 lens over the factory's pairs (the owner's LP in each, the
 * held pairs' state and tokens), and `CamelotLens.sol` for the rest of `readCamelot`'s current-block
 * calls (the Master's rates and NFT pools, the owner's spNFTs, the staked and GRAIL pairs' state).
 */
export function camelotJobs(
  ctx: LensContext,
  d: CamelotDeployment,
  gasBudget = LENS_GAS_BUDGET,
): RoundOneJob[] {
  const registry = {
    address: d.factory,
    lengthCall: call(d.factory, factoryAbi, 'allPairsLength').callData,
    itemAtZero: call(d.factory, factoryAbi, 'allPairs', [0n]).callData,
    max: MAX_PAIRS,
  };
  return [
    v2PairsJob('camelot: factory pairs', registry, ctx.owner, 'camelot', gasBudget),
    {
      label: 'camelot: Master, NFT pools and GRAIL pairs',
      lens: CamelotLens,
      input: encodeAbiParameters(inputParams, [
        [
          d.factory,
          d.master,
          d.grail,
          d.xGrail,
          ctx.owner,
          grailQuotes(ctx.deployment, d),
          BigInt(MAX_NFT_POOLS),
          BigInt(MAX_SPNFTS),
          gasBudget,
        ],
      ]),
    },
  ];
}
