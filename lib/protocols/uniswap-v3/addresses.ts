import {
  type Address,
  concat,
  encodeAbiParameters,
  getAddress,
  getContractAddress,
  type Hex,
  keccak256,
  pad,
  stringToHex,
} from 'viem';
import type { DeploymentSpec } from '../../chains/network';
import type { ChainId } from '../../chains/registry';

/**
 * How a factory's pool addresses are derived. Pools are CREATE2 deployments of the factory, so an address
 * is known from (token0, token1, fee) without asking the factory: that saves a whole round trip.
 */
export type PoolDerivation =
  | { kind: 'create2'; initCodeHash: Hex }
  /** zkSync Era's CREATE2 uses the hash of the deployed bytecode and its own prefix. */
  | { kind: 'zksync-create2'; bytecodeHash: Hex };

/**
 * A swap router and the ABI it speaks: SwapRouter02 (no deadline field) on mainnet; the devnet can only
 * deploy the SwapRouter that `@uniswap/v3-periphery` ships (with a deadline).
 */
export interface SwapRouterRef {
  address: Address;
  kind: 'SwapRouter' | 'SwapRouter02';
}

/** One V3-style deployment on one chain. */
export interface V3Deployment {
  factory: Address;
  positionManager: Address;
  pool: PoolDerivation;
  /** The router `/fees` quotes a swap through; null where none is known. */
  swapRouter: SwapRouterRef | null;
}

/**
 * POOL_INIT_CODE_HASH of the canonical v3-core pool bytecode (Uniswap/sdks `v3-sdk/src/constants.ts`).
 * The `@uniswap/v3-core` npm artifact the devnet deploys hashes to the same value.
 */
export const POOL_INIT_CODE_HASH: Hex = '0xe34f199b19b2b4f47f68442619d555527d244f78a3297ea89325f843f87b8b54';
/** zkSync Era's pool bytecode hash (Uniswap/sdks `poolInitCodeHash(ChainId.ZKSYNC)`). */
export const ZKSYNC_POOL_BYTECODE_HASH: Hex =
  '0x010013f177ea1fcbc4520f9a3ca7cd2d1d77959e05aa66484027cb38e712aeed';

/**
 * Uniswap V3 on each chain. Source: Uniswap/docs `docs/contracts/v3/reference/deployments/*`
 * (shared/reference/onchain-facts.md §2); the routers are SwapRouter02 from the same pages. `addresses.test.ts`
 * holds factory, position manager and router to `@uniswap/sdk-core`'s address map (a test oracle only).
 */
export const UNISWAP_V3_MAINNET: Partial<Record<ChainId, V3Deployment>> = {
  10: {
    factory: '0x1F98431c8aD98523631AE4a59f267346ea31F984',
    positionManager: '0xC36442b4a4522E871399CD717aBDD847Ab11FE88',
    pool: { kind: 'create2', initCodeHash: POOL_INIT_CODE_HASH },
    swapRouter: { address: '0x68b3465833fb72A70ecDF485E0e4C7bD8665Fc45', kind: 'SwapRouter02' },
  },
  42161: {
    factory: '0x1F98431c8aD98523631AE4a59f267346ea31F984',
    positionManager: '0xC36442b4a4522E871399CD717aBDD847Ab11FE88',
    pool: { kind: 'create2', initCodeHash: POOL_INIT_CODE_HASH },
    swapRouter: { address: '0x68b3465833fb72A70ecDF485E0e4C7bD8665Fc45', kind: 'SwapRouter02' },
  },
  324: {
    factory: '0x8FdA5a7a8dCA67BBcDd10F02Fa0649A937215422',
    positionManager: '0x0616e5762c1E7Dc3723c50663dF10a162D690a86',
    pool: { kind: 'zksync-create2', bytecodeHash: ZKSYNC_POOL_BYTECODE_HASH },
    swapRouter: { address: '0x99c56385daBCE3E81d8499d0b8d0257aBC07E8A3', kind: 'SwapRouter02' },
  },
};

/**
 * SushiSwap V3 on Optimism and Arbitrum. Source: SushiSwap's own SDK, the `sushi` package (7.3.15,
 * `evm/config/features/sushiswap-v3`: `SUSHISWAP_V3_FACTORY_ADDRESS`, `SUSHISWAP_V3_POSITION_MANAGER`,
 * `SUSHISWAP_V3_INIT_CODE_HASH`, which is the canonical v3-core hash); `addresses.test.ts` holds the table to
 * it (a test oracle only: never imported at run time). The SDK lists no zkSync Era deployment, so there is
 * none here, and no V3 SwapRouter (SushiSwap routes through its RouteProcessor): `/fees` does not quote one.
 */
export const SUSHISWAP_V3_MAINNET: Partial<Record<ChainId, V3Deployment>> = {
  10: {
    factory: '0x9c6522117e2ed1fE5bdb72bb0eD5E3f2bdE7DBe0',
    positionManager: '0x1af415a1EbA07a4986a52B6f2e7dE7003D82231e',
    pool: { kind: 'create2', initCodeHash: POOL_INIT_CODE_HASH },
    swapRouter: null,
  },
  42161: {
    factory: '0x1af415a1EbA07a4986a52B6f2e7dE7003D82231e',
    positionManager: '0xF0cBce1942A68BEB3d1b73F0dd86C8DCc363eF49',
    pool: { kind: 'create2', initCodeHash: POOL_INIT_CODE_HASH },
    swapRouter: null,
  },
};

/**
 * A deployment from the devnet manifest (`<prefix>Factory`, `<prefix>NonfungiblePositionManager`). Devnet
 * chains are plain EVMs (anvil), so pools follow standard CREATE2 on every chain, including 324.
 */
export function devnetV3Deployment(
  contracts: Readonly<Record<string, Address>>,
  prefix: string,
): V3Deployment | null {
  const factory = contracts[`${prefix}Factory`];
  const positionManager = contracts[`${prefix}NonfungiblePositionManager`];
  if (!factory || !positionManager) return null;
  const router = contracts[`${prefix}SwapRouter`];
  return {
    factory,
    positionManager,
    pool: { kind: 'create2', initCodeHash: POOL_INIT_CODE_HASH },
    swapRouter: router ? { address: router, kind: 'SwapRouter' } : null,
  };
}

/** Where a V3-style protocol is on each network (resolved by `lib/chains`' network profile). */
export function v3DeploymentSpec(
  prefix: string,
  mainnet: Partial<Record<ChainId, V3Deployment>>,
): DeploymentSpec<V3Deployment> {
  return { devnet: (contracts) => devnetV3Deployment(contracts, prefix), mainnet };
}

/** Tokens in pool order (token0 < token1 by address). */
export function sortTokens(a: Address, b: Address): [Address, Address] {
  return a.toLowerCase() < b.toLowerCase() ? [a, b] : [b, a];
}

const ZKSYNC_CREATE2_PREFIX = keccak256(stringToHex('zksyncCreate2'));
const EMPTY_INPUT_HASH = keccak256('0x');

/** Pools already derived, by (factory, derivation, tokens, fee): a big account has many positions per pool. */
const derivedPools = new Map<string, Address>();
const MAX_DERIVED_POOLS = 10_000;

/**
 * The pool of (tokenA, tokenB, fee) of a factory, as PoolAddress.computeAddress derives it (each distinct
 * pool hashed once: the keccaks were a hot spot of a 500-position read).
 */
export function poolAddress(
  factory: Address,
  derivation: PoolDerivation,
  tokenA: Address,
  tokenB: Address,
  fee: number,
): Address {
  const [token0, token1] = sortTokens(tokenA, tokenB);
  const hash = derivation.kind === 'create2' ? derivation.initCodeHash : derivation.bytecodeHash;
  const key = `${factory}:${derivation.kind}:${hash}:${token0}:${token1}:${fee}`.toLowerCase();
  const known = derivedPools.get(key);
  if (known) return known;
  const pool = derivePool(factory, derivation, token0, token1, fee);
  if (derivedPools.size >= MAX_DERIVED_POOLS) derivedPools.clear();
  derivedPools.set(key, pool);
  return pool;
}

function derivePool(
  factory: Address,
  derivation: PoolDerivation,
  token0: Address,
  token1: Address,
  fee: number,
): Address {
  const salt = keccak256(
    encodeAbiParameters(
      [{ type: 'address' }, { type: 'address' }, { type: 'uint24' }],
      [token0, token1, fee],
    ),
  );
  if (derivation.kind === 'create2') {
    return getContractAddress({
      opcode: 'CREATE2',
      from: factory,
      salt,
      bytecodeHash: derivation.initCodeHash,
    });
  }
  const hash = keccak256(
    concat([ZKSYNC_CREATE2_PREFIX, pad(factory), salt, derivation.bytecodeHash, EMPTY_INPUT_HASH]),
  );
  return getAddress(`0x${hash.slice(26)}`);
}
