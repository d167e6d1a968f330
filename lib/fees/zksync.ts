import { errorMessage } from '../chains/multicall';
import type { FeeActionId, FeeModelQuoter, ModelActionParts, ZkSyncFeeInfo } from './types';

/**
 * zkSync Era fees: the gas estimate already includes pubdata (bytes published to L1 × gas per pubdata
 * byte), so the cost is estimate × gas price and the L1 part cannot be separated from it. The node's
 * `zks_gasPerPubdata` (core ≥ 28.7) says how much gas one pubdata byte costs right now.
 * Sources: matter-labs/zksync-docs `10.api/40.zks-rpc.md`, `50.fee-model/*` (onchain-facts.md §7).
 */

/** The devnet manifest's `standIns` name for a chain 324 that is not a zkSync node. */
export const ZKSYNC_NODE_STAND_IN = 'ZkSyncEraNode';

/** Parses a JSON-RPC quantity; anything else is not a gas figure. */
function quantity(value: unknown): bigint | null {
  return typeof value === 'string' && /^0x[0-9a-fA-F]+$/.test(value) ? BigInt(value) : null;
}

export const zkSyncQuoter: FeeModelQuoter = {
  start(ctx) {
    // The zks_ namespace is not in viem's typed request list.
    const request = ctx.client.request as (args: { method: string; params?: unknown[] }) => Promise<unknown>;
    const perPubdata = request({ method: 'zks_gasPerPubdata' }).then(
      (v) => {
        const q = quantity(v);
        return q === null
          ? { value: null, note: `zks_gasPerPubdata answered ${JSON.stringify(v)}` }
          : { value: q, note: null };
      },
      (error: unknown) => ({
        value: null,
        note: `the node does not offer zks_gasPerPubdata (${errorMessage(error)})`,
      }),
    );

    return async ({ priced }) => {
      const pubdata = await perPubdata;
      const info: ZkSyncFeeInfo = {
        type: 'zksync',
        gasPerPubdata: pubdata.value,
        gasPerPubdataNote: pubdata.note,
      };
      const warnings: string[] = [];
      // The devnet names its chain 324 node a stand-in: plain anvil, no zkSync node is on npm.
      if (ctx.deployment.standIns[ZKSYNC_NODE_STAND_IN] !== undefined) {
        warnings.push(
          'the devnet’s chain 324 is a plain EVM node (no zkSync node is on npm): its estimates carry no pubdata charge',
        );
      }
      const note =
        pubdata.value === null
          ? 'charged as gas inside the estimate (pubdata), not separable'
          : `charged as gas inside the estimate: ${pubdata.value} gas per pubdata byte`;
      const parts = new Map<FeeActionId, ModelActionParts>();
      for (const a of priced) {
        parts.set(a.action, {
          l1Data: { wei: null, status: 'included', note },
          l1Detail: { type: 'zksync' },
          operator: null,
        });
      }
      return { info, parts, warnings };
    };
  },
};
