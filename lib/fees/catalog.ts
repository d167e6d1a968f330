import { type ChainDeployment, resolveDeployment } from '../chains/network';
import { aaveV3SupplyFee } from '../protocols/aave-v3/fee';
import { uniswapV3SwapFee } from '../protocols/uniswap-v3/fee';
import type {
  FeeActionContext,
  FeeActionId,
  FeeActionSpec,
  ProtocolFeeAction,
  ProtocolFeePlan,
} from './types';

/** The two transfers every chain is quoted for, whatever protocols it has. */
const BASE_FEE_ACTION_SPECS: readonly FeeActionSpec[] = [
  {
    id: 'eth-transfer',
    label: 'ETH transfer',
    description: 'Send 0.01 ETH to another address',
    typicalGas: 21_000n,
    typicalBasis: 'the fixed cost of a plain transfer',
  },
  {
    id: 'usdc-transfer',
    label: 'USDC transfer',
    description: 'Send 100 USDC to an address that already holds USDC',
    typicalGas: 60_000n,
    typicalBasis: 'assumed typical figure for an ERC-20 transfer',
  },
];

/** A protocol fee action with its deployment type closed over. */
export interface RegisteredFeeAction {
  spec: FeeActionSpec;
  plan: (ctx: FeeActionContext, chain: ChainDeployment) => ProtocolFeePlan;
}

function register<D>(action: ProtocolFeeAction<D>): RegisteredFeeAction {
  return {
    spec: action.spec,
    plan: (ctx, chain) => action.plan(ctx, resolveDeployment(action.deployment, chain)),
  };
}

/**
 * The protocols' example transactions, one line each, in display order after the two transfers. Each is
 * declared in its protocol's folder (`fee.ts`), apart from the protocol's reader so `/fees` loads no reader.
 */
export const PROTOCOL_FEE_ACTIONS: readonly RegisteredFeeAction[] = [
  register(uniswapV3SwapFee),
  register(aaveV3SupplyFee),
];

/** Every action quoted on every chain, in display order. */
export const FEE_ACTIONS: readonly FeeActionId[] = [
  ...BASE_FEE_ACTION_SPECS.map((s) => s.id),
  ...PROTOCOL_FEE_ACTIONS.map((a) => a.spec.id),
];

export const FEE_ACTION_SPECS: Readonly<Record<FeeActionId, FeeActionSpec>> = Object.fromEntries(
  [...BASE_FEE_ACTION_SPECS, ...PROTOCOL_FEE_ACTIONS.map((a) => a.spec)].map((s) => [s.id, s]),
);

/** A spec by id; an id not in the catalog (from another build's JSON) gets a plain label. */
export function feeActionSpec(id: FeeActionId): FeeActionSpec {
  return (
    FEE_ACTION_SPECS[id] ?? { id, label: id, description: id, typicalGas: 0n, typicalBasis: 'unknown action' }
  );
}
