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
import type { ChainDeployment, NetworkName } from '../chains/network';
import type { ChainId, FeeModel } from '../chains/registry';
import {
  DEVNET_AAVE_POOL,
  DEVNET_SWAP_ROUTER,
  MAINNET_FEE_CONTRACTS,
  swapRouterKind,
  usdcStorageSlots,
} from './addresses';
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
/** Uniswap V3 fee tiers tried for the USDC→WETH swap, in order of preference. */
export const SWAP_FEE_TIERS = [500, 3000] as const;

export interface FeeActionSpec {
  id: FeeActionId;
  label: string;
  description: string;
  /**
   * Gas units assumed when estimation is impossible, for chains whose gas is EVM-equivalent (OP Stack,
   * Arbitrum's L2 part). These are stated assumptions, not measurements: an ETH transfer is the
   * protocol's fixed 21,000; the others are round figures in the range such calls use on Ethereum.
   * zkSync Era's gas (pubdata inside, different opcode prices) has no such figure: there the action
   * is shown as unavailable instead.
   */
  typicalGas: bigint;
  typicalBasis: string;
}

export const FEE_ACTION_SPECS: Record<FeeActionId, FeeActionSpec> = {
  'eth-transfer': {
    id: 'eth-transfer',
    label: 'ETH transfer',
    description: 'Send 0.01 ETH to another address',
    typicalGas: 21_000n,
    typicalBasis: 'the fixed cost of a plain transfer',
  },
  'usdc-transfer': {
    id: 'usdc-transfer',
    label: 'USDC transfer',
    description: 'Send 100 USDC to an address that already holds USDC',
    typicalGas: 60_000n,
    typicalBasis: 'assumed typical figure for an ERC-20 transfer',
  },
  'uniswap-v3-swap': {
    id: 'uniswap-v3-swap',
    label: 'Uniswap V3 swap',
    description: 'Swap 100 USDC for WETH in one Uniswap V3 pool (exactInputSingle)',
    typicalGas: 140_000n,
    typicalBasis: 'assumed typical figure for a single-pool Uniswap V3 swap',
  },
  'aave-supply': {
    id: 'aave-supply',
    label: 'Aave supply',
    description: 'Supply 100 USDC to Aave V3',
    typicalGas: 200_000n,
    typicalBasis: 'assumed typical figure for an Aave V3 supply',
  },
};

/** Typical figures apply where gas is EVM-equivalent. */
export function typicalGasApplies(model: FeeModel): boolean {
  return model !== 'zksync';
}

const erc20Abi = parseAbi([
  'function transfer(address to, uint256 amount) returns (bool)',
  'function decimals() view returns (uint8)',
]);
const swapRouterAbi = parseAbi([
  'struct ExactInputSingleParams { address tokenIn; address tokenOut; uint24 fee; address recipient; uint256 deadline; uint256 amountIn; uint256 amountOutMinimum; uint160 sqrtPriceLimitX96; }',
  'function exactInputSingle(ExactInputSingleParams params) payable returns (uint256 amountOut)',
  'function WETH9() view returns (address)',
]);
const swapRouter02Abi = parseAbi([
  'struct ExactInputSingleParams { address tokenIn; address tokenOut; uint24 fee; address recipient; uint256 amountIn; uint256 amountOutMinimum; uint160 sqrtPriceLimitX96; }',
  'function exactInputSingle(ExactInputSingleParams params) payable returns (uint256 amountOut)',
]);
const aavePoolAbi = parseAbi([
  'function supply(address asset, uint256 amount, address onBehalfOf, uint16 referralCode)',
  'function ADDRESSES_PROVIDER() view returns (address)',
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
  network: NetworkName;
  sender: Address;
  blockTimestamp: bigint;
}): ActionPlan {
  const { chainId, deployment, network, sender } = options;
  const candidates: CandidateTx[] = [];
  const unavailable = new Map<FeeActionId, string>();
  const skipEstimate = new Map<FeeActionId, string>();
  const probes: [FeeActionId, Call<unknown>][] = [];

  candidates.push({
    action: 'eth-transfer',
    tx: { to: QUOTE_RECIPIENT, data: '0x', value: ETH_AMOUNT },
    variant: null,
  });

  const usdc = token(deployment, 'USDC');
  const weth = token(deployment, 'WETH');
  const onDevnet = network === 'devnet';
  const router = onDevnet
    ? deployment.contracts[DEVNET_SWAP_ROUTER]
    : MAINNET_FEE_CONTRACTS[chainId].swapRouter;
  const pool = onDevnet ? deployment.contracts[DEVNET_AAVE_POOL] : MAINNET_FEE_CONTRACTS[chainId].aavePool;
  // Without the devnet's own contract, the calldata is priced as if sent to the mainnet address.
  const routerTarget = router ?? MAINNET_FEE_CONTRACTS[chainId].swapRouter;
  const poolTarget = pool ?? MAINNET_FEE_CONTRACTS[chainId].aavePool;
  if (!router) skipEstimate.set('uniswap-v3-swap', `no ${DEVNET_SWAP_ROUTER} on this ${network}`);
  if (!pool) skipEstimate.set('aave-supply', `no ${DEVNET_AAVE_POOL} on this ${network}`);

  if (!usdc) {
    for (const a of ['usdc-transfer', 'uniswap-v3-swap', 'aave-supply'] as const)
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

    if (!weth) unavailable.set('uniswap-v3-swap', 'no WETH in this chain’s token list');
    else {
      probes.push(['uniswap-v3-swap', call(routerTarget, swapRouterAbi, 'WETH9')]);
      const kind = swapRouterKind(network);
      for (const fee of SWAP_FEE_TIERS) {
        const data =
          kind === 'SwapRouter'
            ? encodeFunctionData({
                abi: swapRouterAbi,
                functionName: 'exactInputSingle',
                args: [
                  {
                    tokenIn: usdc,
                    tokenOut: weth,
                    fee,
                    recipient: sender,
                    deadline: options.blockTimestamp + 1800n,
                    amountIn: USDC_AMOUNT,
                    amountOutMinimum: 0n,
                    sqrtPriceLimitX96: 0n,
                  },
                ],
              })
            : encodeFunctionData({
                abi: swapRouter02Abi,
                functionName: 'exactInputSingle',
                args: [
                  {
                    tokenIn: usdc,
                    tokenOut: weth,
                    fee,
                    recipient: sender,
                    amountIn: USDC_AMOUNT,
                    amountOutMinimum: 0n,
                    sqrtPriceLimitX96: 0n,
                  },
                ],
              });
        candidates.push({
          action: 'uniswap-v3-swap',
          tx: { to: routerTarget, data, value: 0n },
          variant: `${fee / 10_000}% pool`,
        });
      }
    }

    probes.push(['aave-supply', call(poolTarget, aavePoolAbi, 'ADDRESSES_PROVIDER')]);
    candidates.push({
      action: 'aave-supply',
      tx: {
        to: poolTarget,
        data: encodeFunctionData({
          abi: aavePoolAbi,
          functionName: 'supply',
          args: [usdc, USDC_AMOUNT, sender, 0],
        }),
        value: 0n,
      },
      variant: null,
    });
  }

  const stateOverride: StateOverride = [{ address: sender, balance: parseEther('1000') }];
  if (usdc) {
    const slots = usdcStorageSlots(network);
    const word = (v: bigint) => numberToHex(v, { size: 32 });
    stateOverride.push({
      address: usdc,
      stateDiff: [
        { slot: mappingSlot(sender, slots.balances), value: word(1_000_000n * USDC_AMOUNT) },
        { slot: mappingSlot(QUOTE_RECIPIENT, slots.balances), value: word(USDC_AMOUNT) },
        { slot: nestedMappingSlot(sender, routerTarget, slots.allowances), value: word(maxUint256) },
        { slot: nestedMappingSlot(sender, poolTarget, slots.allowances), value: word(maxUint256) },
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
