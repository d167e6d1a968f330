import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { type Address, type Hex, numberToHex, pad, parseGwei } from 'viem';
import { CHAINS } from '../../lib/chains/registry';
import { ARB_GAS_INFO, NODE_INTERFACE } from '../../lib/fees/arbitrum';
import { GAS_PRICE_ORACLE, L1_BLOCK } from '../../lib/fees/op-stack';
import { ZKSYNC_NODE_STAND_IN } from '../../lib/fees/zksync';
import { loadArtifact } from '../artifacts';
import type { DevnetChain } from '../chain';
import { compile } from '../solc';
import type { SeedContext, SeedModule } from './types';

const require = createRequire(import.meta.url);

const BEDROCK = '@eth-optimism/contracts-bedrock/forge-artifacts';
export const GAS_PRICE_ORACLE_ARTIFACT = `${BEDROCK}/GasPriceOracle.sol/GasPriceOracle.json`;
export const L1_BLOCK_ARTIFACT = `${BEDROCK}/L1Block.sol/L1Block.json`;

/**
 * The L1 fee parameters chain 10 is seeded with. The scalars are of the size OP Mainnet has used since
 * Ecotone (base-fee scalar ~5k, blob scalar ~1M, both 6 decimals); the L1 prices are those of a calm
 * L1 day. They are the devnet's, not a reading of mainnet.
 */
export const OP_L1_FEE_PARAMS = {
  l1Number: 24_150_000n,
  l1BaseFee: parseGwei('2'),
  blobBaseFee: parseGwei('1'),
  baseFeeScalar: 5_227n,
  blobBaseFeeScalar: 1_014_213n,
} as const;

/**
 * The Arbitrum stand-ins' prices: the L1 price per calldata unit (blob-era Arbitrum One sits in the
 * 10⁷–10⁸ wei range) and the L2 base-fee floor Arbitrum One uses (0.01 gwei).
 */
export const ARB_FEE_PARAMS = {
  l1PricePerUnit: 50_000_000n,
  minimumGasPrice: parseGwei('0.01'),
} as const;

interface StorageEntry {
  label: string;
  slot: string;
  offset: number;
}

/** The storage layout a forge artifact records, so slots come from the real contract, not from memory. */
function storageLayout(artifactPath: string): Map<string, { slot: bigint; offset: number }> {
  const json = JSON.parse(readFileSync(require.resolve(artifactPath), 'utf8')) as {
    storageLayout?: { storage?: StorageEntry[] };
  };
  const entries = json.storageLayout?.storage;
  if (!entries) throw new Error(`${artifactPath}: no storageLayout`);
  return new Map(entries.map((e) => [e.label, { slot: BigInt(e.slot), offset: e.offset }]));
}

/** Packs named values into the slots the layout assigns them (several small variables share a slot). */
export function packStorage(
  layout: Map<string, { slot: bigint; offset: number }>,
  values: Record<string, bigint>,
): Map<bigint, bigint> {
  const slots = new Map<bigint, bigint>();
  for (const [label, value] of Object.entries(values)) {
    const at = layout.get(label);
    if (!at) throw new Error(`storage layout has no ${label}`);
    slots.set(at.slot, (slots.get(at.slot) ?? 0n) | (value << BigInt(at.offset * 8)));
  }
  return slots;
}

async function setStorage(chain: DevnetChain, address: Address, slots: Map<bigint, bigint>): Promise<void> {
  for (const [slot, value] of slots) {
    await chain.request('anvil_setStorageAt', [
      address,
      numberToHex(slot, { size: 32 }),
      pad(numberToHex(value)),
    ]);
  }
}

/** Writes L1Block's fee fields (as the L1 attributes deposit would) and mines a block so they apply. */
export async function setOpL1FeeParams(
  chain: DevnetChain,
  params: { l1BaseFee: bigint; blobBaseFee: bigint; baseFeeScalar: bigint; blobBaseFeeScalar: bigint },
  l1Timestamp: bigint,
): Promise<void> {
  const layout = storageLayout(L1_BLOCK_ARTIFACT);
  await setStorage(
    chain,
    L1_BLOCK,
    packStorage(layout, {
      number: OP_L1_FEE_PARAMS.l1Number,
      timestamp: l1Timestamp,
      basefee: params.l1BaseFee,
      sequenceNumber: 0n,
      baseFeeScalar: params.baseFeeScalar,
      blobBaseFeeScalar: params.blobBaseFeeScalar,
      blobBaseFee: params.blobBaseFee,
    }),
  );
}

async function seedOpStack(ctx: SeedContext): Promise<void> {
  const { chain } = ctx;
  // The real predeploys' runtime code from @eth-optimism/contracts-bedrock, at their predeploy addresses.
  await chain.setCode(GAS_PRICE_ORACLE, loadArtifact(GAS_PRICE_ORACLE_ARTIFACT).deployedBytecode);
  await chain.setCode(L1_BLOCK, loadArtifact(L1_BLOCK_ARTIFACT).deployedBytecode);
  chain.contracts.GasPriceOracle = GAS_PRICE_ORACLE;
  chain.contracts.L1Block = L1_BLOCK;
  // Ecotone and Fjord active, as the upgrade transactions would have left them.
  await setStorage(
    chain,
    GAS_PRICE_ORACLE,
    packStorage(storageLayout(GAS_PRICE_ORACLE_ARTIFACT), { isEcotone: 1n, isFjord: 1n }),
  );
  const now = await chain.latestTimestamp();
  await setOpL1FeeParams(chain, OP_L1_FEE_PARAMS, now - 12n);
  await chain.mine();
}

const ARB_GAS_INFO_SOURCE = { path: 'devnet/contracts/ArbGasInfoStandIn.sol', contract: 'ArbGasInfoStandIn' };
const ARB_SYS = CHAINS[42161].l2BlockNumberSource;
const ARB_SYS_SOURCE = { path: 'devnet/contracts/ArbSysStandIn.sol', contract: 'ArbSysStandIn' };
const NODE_INTERFACE_SOURCE = {
  path: 'devnet/contracts/NodeInterfaceStandIn.sol',
  contract: 'NodeInterfaceStandIn',
};

async function seedArbitrum(ctx: SeedContext): Promise<void> {
  const { chain } = ctx;
  await chain.setCode(ARB_GAS_INFO, compile(ARB_GAS_INFO_SOURCE).deployedBytecode);
  await chain.setCode(NODE_INTERFACE, compile(NODE_INTERFACE_SOURCE).deployedBytecode);
  await chain.setCode(ARB_SYS, compile(ARB_SYS_SOURCE).deployedBytecode);
  chain.contracts.ArbSys = ARB_SYS;
  chain.standIns.ArbSys =
    'devnet/contracts/ArbSysStandIn.sol: ArbSys is a precompile built into the Arbitrum node (no bytecode exists); this stand-in answers arbBlockNumber() with the devnet block, which round 1 reads because block.number is L1’s on Arbitrum';
  const slot = (n: bigint): Hex => numberToHex(n, { size: 32 });
  await chain.request('anvil_setStorageAt', [ARB_GAS_INFO, slot(0n), slot(ARB_FEE_PARAMS.l1PricePerUnit)]);
  await chain.request('anvil_setStorageAt', [ARB_GAS_INFO, slot(1n), slot(ARB_FEE_PARAMS.minimumGasPrice)]);
  chain.contracts.ArbGasInfo = ARB_GAS_INFO;
  chain.contracts.NodeInterface = NODE_INTERFACE;
  chain.standIns.ArbGasInfo =
    'devnet/contracts/ArbGasInfoStandIn.sol: ArbGasInfo is a precompile built into the Arbitrum node (no bytecode exists); this stand-in implements getPricesInWei/getL1BaseFeeEstimate/getMinimumGasPrice with nitro formulas over seeded prices';
  chain.standIns.NodeInterface =
    'devnet/contracts/NodeInterfaceStandIn.sol: NodeInterface is a virtual contract the Arbitrum node answers itself (no bytecode exists); this stand-in answers gasEstimateL1Component from the uncompressed calldata size, and the devnet node (anvil) leaves the L1 component out of eth_estimateGas';
  await chain.mine();
}

/**
 * The chains' own fee machinery. Chain 10 (anvil in Optimism mode) gets the real GasPriceOracle and
 * L1Block, so the L1 data fee is really charged; chain 42161 gets stand-ins for the node precompiles;
 * chain 324 needs nothing (its fee quote is gas × gas price, which any node answers), but its node is
 * itself a stand-in, and the manifest says so (the fee quote warns that no pubdata is charged).
 */
async function seedFees(ctx: SeedContext): Promise<void> {
  if (ctx.chainId === 10) await seedOpStack(ctx);
  if (ctx.chainId === 42161) await seedArbitrum(ctx);
  if (ctx.chainId === 324)
    ctx.chain.standIns[ZKSYNC_NODE_STAND_IN] =
      'the devnet’s chain 324 is a plain EVM node (anvil; no zkSync node is on npm): no pubdata charge, no zks_ methods';
}

export const feesSeed: SeedModule = { name: 'fees', after: ['base'], seed: seedFees };
