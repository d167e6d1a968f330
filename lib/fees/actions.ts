import {
  type Address,
  encodeAbiParameters,
  encodeFunctionData,
  getAddress,
  type Hex,
  keccak256,
  maxUint256,
  numberToHex,
  parseAbi,
  parseEther,
  type StateOverride,
  stringToHex,
} from 'viem';
import { type Batch, type Call, call, type Result } from '../chains/multicall';
import type { ChainDeployment } from '../chains/network';
import type { ChainId, FeeModel } from '../chains/registry';
import { PROTOCOL_FEE_ACTIONS } from './catalog';
import type { CandidateTx, FeeActionId } from './types';

/**
 * The example transactions each chain is quoted for. Amounts are fixed so chains compare like for
 * like: 0.01 ETH, 100 USDC. The sender is a fixed address nobody holds a key for; estimation gives it
 * ETH, USDC and approvals through a state override, so no real account's state matters.
 */
function derivedAddress(label: string): Address {
  return getAddress(`0x${keccak256(stringToHex(label)).slice(-40)}`);
}
export const QUOTE_SENDER: Address = derivedAddress('layerglass:fee-quote:sender');
export const QUOTE_RECIPIENT: Address = derivedAddress('layerglass:fee-quote:recipient');

export const ETH_AMOUNT = parseEther('0.01');
/** 100 USDC (6 decimals on every chain here). */
export const USDC_AMOUNT = 100_000_000n;
/** Typical figures apply where gas is EVM-equivalent. */
export function typicalGasApplies(model: FeeModel): boolean {
  return model !== 'zksync';
}

const erc20Abi = parseAbi([
  'function transfer(address to, uint256 amount) returns (bool)',
  'function decimals() view returns (uint8)',
]);
/** Storage key of `mapping(address => …)` at `slot` for `key` (Solidity's layout). */
export function mappingSlot(key: Address, slot: bigint): Hex {
  return keccak256(encodeAbiParameters([{ type: 'address' }, { type: 'uint256' }], [key, slot]));
}

/** Storage key of `mapping(address => mapping(address => …))` at `slot` for `[outer][inner]`. */
export function nestedMappingSlot(outer: Address, inner: Address, slot: bigint): Hex {
  return keccak256(
    encodeAbiParameters([{ type: 'address' }, { type: 'bytes32' }], [inner, mappingSlot(outer, slot)]),
  );
}

export interface ActionPlan {
  candidates: CandidateTx[];
  /** Actions no transaction can be built for on this chain, with why. */
  unavailable: Map<FeeActionId, string>;
  /** Actions whose target is known to be absent (so an estimate would be void): why. */
  skipEstimate: Map<FeeActionId, string>;
  stateOverride: StateOverride;
  /** Adds the reads that prove each target answers; an estimate against a silent address is void. */
  addProbes: (batch: Batch) => Map<FeeActionId, () => Result<unknown>>;
}

function token(deployment: ChainDeployment, symbol: string): Address | null {
  return deployment.tokens.find((t) => t.symbol === symbol)?.address ?? null;
}

/** Builds every action's candidate transactions for one chain at one block. */
export function planActions(options: {
  chainId: ChainId;
  deployment: ChainDeployment;
  sender: Address;
  blockTimestamp: bigint;
}): ActionPlan {
  const { chainId, deployment, sender } = options;
  const candidates: CandidateTx[] = [];
  const unavailable = new Map<FeeActionId, string>();
  const skipEstimate = new Map<FeeActionId, string>();
  const probes: [FeeActionId, Call<unknown>][] = [];

  candidates.push({
    action: 'eth-transfer',
    tx: { to: QUOTE_RECIPIENT, data: '0x', value: ETH_AMOUNT },
    variant: null,
  });

  const usdcEntry = deployment.tokens.find((t) => t.symbol === 'USDC') ?? null;
  const usdc = usdcEntry?.address ?? null;
  const weth = token(deployment, 'WETH');
  const spenders: Address[] = [];

  if (!usdc) {
    for (const a of ['usdc-transfer', ...PROTOCOL_FEE_ACTIONS.map((p) => p.spec.id)])
      unavailable.set(a, 'no USDC in this chain’s token list');
  } else {
    probes.push(['usdc-transfer', call(usdc, erc20Abi, 'decimals')]);
    candidates.push({
      action: 'usdc-transfer',
      tx: {
        to: usdc,
        data: encodeFunctionData({
          abi: erc20Abi,
          functionName: 'transfer',
          args: [QUOTE_RECIPIENT, USDC_AMOUNT],
        }),
        value: 0n,
      },
      variant: null,
    });
    const ctx = {
      chainId,
      sender,
      blockTimestamp: options.blockTimestamp,
      usdc,
      usdcAmount: USDC_AMOUNT,
      weth,
    };
    for (const action of PROTOCOL_FEE_ACTIONS) {
      const id = action.spec.id;
      const plan = action.plan(ctx, deployment);
      if (plan.kind === 'unavailable') {
        unavailable.set(id, plan.reason);
        continue;
      }
      probes.push([id, plan.probe]);
      if (plan.skipEstimate) skipEstimate.set(id, plan.skipEstimate);
      spenders.push(plan.target);
      for (const c of plan.candidates) {
        candidates.push({ action: id, tx: { to: plan.target, data: c.data, value: 0n }, variant: c.variant });
      }
    }
  }

  const stateOverride: StateOverride = [{ address: sender, balance: parseEther('1000') }];
  const slots = usdcEntry?.storage;
  if (usdc && slots) {
    const word = (v: bigint) => numberToHex(v, { size: 32 });
    stateOverride.push({
      address: usdc,
      stateDiff: [
        { slot: mappingSlot(sender, slots.balances), value: word(1_000_000n * USDC_AMOUNT) },
        { slot: mappingSlot(QUOTE_RECIPIENT, slots.balances), value: word(USDC_AMOUNT) },
        ...spenders.map((spender) => ({
          slot: nestedMappingSlot(sender, spender, slots.allowances),
          value: word(maxUint256),
        })),
      ],
    });
  }

  return {
    candidates,
    unavailable,
    skipEstimate,
    stateOverride,
    addProbes: (batch) =>
      new Map(
        probes.filter(([action]) => !skipEstimate.has(action)).map(([action, c]) => [action, batch.add(c)]),
      ),
  };
}
