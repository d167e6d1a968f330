import { type Address, decodeFunctionResult, encodeFunctionData, parseAbi } from 'viem';
import { call, errorMessage, type Result } from '../chains/multicall';
import { CHAINS } from '../chains/registry';
import type { ArbitrumFeeInfo, FeeActionId, FeeModelQuoter, ModelActionParts } from './types';

/**
 * Arbitrum (nitro) fees: every unit of gas pays the L2 base fee P (tips are ignored), and the L1 data
 * cost is charged as extra gas: `gasEstimateForL1 = L1 cost / P`. So the total is `P × (L2 gas + L1 gas)`.
 * Sources: nitro-contracts `src/node-interface/NodeInterface.sol`, nitro-precompile-interfaces
 * `ArbGasInfo.sol`, nitro `docs/arbos/gas.md` (shared/reference/onchain-facts.md §7).
 */

/** Node precompiles, the same on every Arbitrum chain. */
export const ARB_GAS_INFO: Address = '0x000000000000000000000000000000000000006C';
/** Virtual: the node answers `eth_call`s to this address itself, so it cannot go through Multicall3. */
export const NODE_INTERFACE: Address = '0x00000000000000000000000000000000000000C8';

export const arbGasInfoAbi = parseAbi([
  'function getPricesInWei() view returns (uint256, uint256, uint256, uint256, uint256, uint256)',
  'function getL1BaseFeeEstimate() view returns (uint256)',
  'function getMinimumGasPrice() view returns (uint256)',
]);

export const nodeInterfaceAbi = parseAbi([
  'function gasEstimateL1Component(address to, bool contractCreation, bytes data) payable returns (uint64 gasEstimateForL1, uint256 baseFee, uint256 l1BaseFeeEstimate)',
]);

/**
 * A node whose NodeInterface is a stand-in is not nitro (the devnet's anvil): its `eth_estimateGas` is
 * plain EVM gas without the L1 component, so nothing is subtracted from it.
 */
export function estimateIncludesL1(standIns: Record<string, string>): boolean {
  return CHAINS[42161].fees.estimateIncludesL1 && standIns.NodeInterface === undefined;
}

export const arbitrumQuoter: FeeModelQuoter = {
  start(ctx, batch, candidates) {
    const prices = batch.add(call(ARB_GAS_INFO, arbGasInfoAbi, 'getPricesInWei'));
    const l1Price = batch.add(call(ARB_GAS_INFO, arbGasInfoAbi, 'getL1BaseFeeEstimate'));
    const minimum = batch.add(call(ARB_GAS_INFO, arbGasInfoAbi, 'getMinimumGasPrice'));

    // One direct eth_call per candidate transaction, concurrent with the batch (same round trip).
    const l1Components = new Map(
      candidates.map((c) => [
        c,
        ctx.client
          .call({
            to: NODE_INTERFACE,
            data: encodeFunctionData({
              abi: nodeInterfaceAbi,
              functionName: 'gasEstimateL1Component',
              args: [c.tx.to, false, c.tx.data],
            }),
            blockNumber: ctx.blockNumber,
          })
          .then(
            ({ data }): Result<bigint> => {
              if (!data) return { ok: false, error: 'NodeInterface returned nothing' };
              const [gasForL1] = decodeFunctionResult({
                abi: nodeInterfaceAbi,
                functionName: 'gasEstimateL1Component',
                data,
              });
              return { ok: true, value: gasForL1 };
            },
            (error: unknown): Result<bigint> => ({ ok: false, error: errorMessage(error) }),
          ),
      ]),
    );

    return async ({ priced, gasPrice }) => {
      const p = prices();
      const l1 = l1Price();
      const min = minimum();
      const includesL1 = estimateIncludesL1(ctx.deployment.standIns);
      const info: ArbitrumFeeInfo = {
        type: 'arbitrum',
        l1PricePerUnit: l1.ok ? l1.value : null,
        perL1CalldataByte: p.ok ? p.value[1] : null,
        minimumGasPrice: min.ok ? min.value : null,
        estimateIncludesL1: includesL1,
      };
      const warnings: string[] = [];
      if (!l1.ok) warnings.push(`ArbGasInfo unreadable: ${l1.error}`);
      if (!includesL1) {
        warnings.push(
          'NodeInterface and ArbGasInfo are devnet stand-ins: the L1 part is their estimate, and the node’s gas estimates carry no L1 component',
        );
      }
      const parts = new Map<FeeActionId, ModelActionParts>();
      for (const a of priced) {
        const component = (await l1Components.get(a.candidate)) ?? {
          ok: false as const,
          error: 'not asked',
        };
        const l1Gas = component.ok ? component.value : null;
        const failure = component.ok ? '' : component.error;
        const estimatedWithL1 = includesL1 && a.gasSource.kind === 'estimated';
        if (l1Gas === null && estimatedWithL1) {
          // nitro's estimate already holds the L1 gas: the total is known, only the split is not.
          parts.set(a.action, {
            l1Data: {
              wei: null,
              status: 'included',
              note: `inside the execution figure (NodeInterface.gasEstimateL1Component failed: ${failure})`,
            },
            l1Detail: { type: 'arbitrum', l1GasUnits: null },
            operator: null,
            executionNote: 'includes the L1 data component, which could not be separated',
          });
          continue;
        }
        // Take the L1 gas out of nitro's estimate so "execution" is L2 work only (a typical figure is
        // L2-only already).
        const executionGas = estimatedWithL1 && l1Gas !== null ? (a.gas > l1Gas ? a.gas - l1Gas : 0n) : a.gas;
        parts.set(a.action, {
          l1Data:
            l1Gas === null
              ? {
                  wei: null,
                  status: 'unavailable',
                  note: `NodeInterface.gasEstimateL1Component failed: ${failure}`,
                }
              : {
                  wei: l1Gas * gasPrice.baseFee,
                  status: 'ok',
                  note: `${l1Gas} gas for L1 data at the L2 base fee`,
                },
          l1Detail: { type: 'arbitrum', l1GasUnits: l1Gas },
          operator: null,
          executionGas,
        });
      }
      return { info, parts, warnings };
    };
  },
};
