import { type Address, type Hex, numberToHex, parseAbi, parseGwei, toHex } from 'viem';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DevnetChain } from '../../devnet/chain';
import { OP_L1_FEE_PARAMS, setOpL1FeeParams } from '../../devnet/seed/fees';
import { testDevnet } from '../../devnet/testing';
import { QUOTE_RECIPIENT } from './actions';
import {
  GAS_PRICE_ORACLE,
  gasPriceOracleAbi,
  l1FeeEcotone,
  l1FeeFjord,
  type OpL1FeeParams,
  unsignedTransaction,
} from './op-stack';
import { quoteChainFees, walletMaxFee } from './quote';
import type { FeeActionId } from './types';

const { manifest, network, clients } = testDevnet();
const client = clients[10];
const chain = new DevnetChain(10, network.chains[10].rpcUrl, []);

/** Deterministic pseudo-random bytes (a linear congruential generator), so sizes above Fjord's floor occur. */
function bytes(length: number, seed: number, pattern: 'random' | 'sparse' | 'repeating'): Hex {
  let s = seed;
  const next = () => {
    s = (s * 1_103_515_245 + 12_345) & 0x7fffffff;
    return s;
  };
  const out = new Uint8Array(length);
  for (let i = 0; i < length; i++) {
    if (pattern === 'random') out[i] = next() & 0xff;
    else if (pattern === 'sparse') out[i] = next() % 4 === 0 ? next() & 0xff : 0;
    else out[i] = i % 37;
  }
  return toHex(out);
}

async function oracleParams(): Promise<OpL1FeeParams> {
  const read = <F extends 'l1BaseFee' | 'blobBaseFee' | 'baseFeeScalar' | 'blobBaseFeeScalar'>(
    functionName: F,
  ) => client.readContract({ address: GAS_PRICE_ORACLE, abi: gasPriceOracleAbi, functionName });
  const [l1BaseFee, blobBaseFee, baseFeeScalar, blobBaseFeeScalar] = await Promise.all([
    read('l1BaseFee'),
    read('blobBaseFee'),
    read('baseFeeScalar'),
    read('blobBaseFeeScalar'),
  ]);
  return {
    l1BaseFee,
    blobBaseFee,
    baseFeeScalar: BigInt(baseFeeScalar),
    blobBaseFeeScalar: BigInt(blobBaseFeeScalar),
  };
}

const getL1Fee = (tx: Hex) =>
  client.readContract({
    address: GAS_PRICE_ORACLE,
    abi: gasPriceOracleAbi,
    functionName: 'getL1Fee',
    args: [tx],
  });

const CASES = [
  [0, 'random'],
  [4, 'random'],
  [68, 'random'],
  [200, 'random'],
  [200, 'sparse'],
  [1_000, 'random'],
  [1_000, 'repeating'],
  [5_000, 'sparse'],
  [20_000, 'random'],
] as const;

describe('OP Stack L1 data fee on the devnet (real GasPriceOracle and L1Block bytecode)', () => {
  let snapshot: Hex;
  beforeEach(async () => {
    snapshot = await chain.request<Hex>('evm_snapshot', []);
  });
  afterEach(async () => {
    await chain.revert(snapshot);
  });

  it('has the seeded Fjord oracle in place', async () => {
    expect(await client.getCode({ address: GAS_PRICE_ORACLE })).toMatch(/^0x60/);
    expect(manifest.chains['10'].contracts.GasPriceOracle).toBe(GAS_PRICE_ORACLE);
    const p = await oracleParams();
    expect(p).toEqual({
      l1BaseFee: OP_L1_FEE_PARAMS.l1BaseFee,
      blobBaseFee: OP_L1_FEE_PARAMS.blobBaseFee,
      baseFeeScalar: OP_L1_FEE_PARAMS.baseFeeScalar,
      blobBaseFeeScalar: OP_L1_FEE_PARAMS.blobBaseFeeScalar,
    });
  });

  it('computes the Fjord fee exactly as the oracle’s getL1Fee, for calldata sizes from 0 to 20 kB', async () => {
    const params = await oracleParams();
    let aboveFloor = 0;
    for (const [size, pattern] of CASES) {
      const tx = bytes(size, size + 1, pattern);
      const onChain = await getL1Fee(tx);
      expect(l1FeeFjord(tx, params), `${size} bytes ${pattern}`).toBe(onChain);
      if (onChain > l1FeeFjord('0x', params)) aboveFloor += 1;
    }
    // The regression (not just the 100-byte floor) was exercised.
    expect(aboveFloor).toBeGreaterThanOrEqual(5);
  });

  it('follows other L1 prices too (blob-heavy and calldata-heavy settings)', async () => {
    const settings = [
      { l1BaseFee: parseGwei('35'), blobBaseFee: 1n, baseFeeScalar: 1_368n, blobBaseFeeScalar: 810_949n },
      {
        l1BaseFee: parseGwei('0.4'),
        blobBaseFee: parseGwei('12'),
        baseFeeScalar: 5_227n,
        blobBaseFeeScalar: 1_014_213n,
      },
    ];
    for (const s of settings) {
      await setOpL1FeeParams(chain, s, await chain.latestTimestamp());
      await chain.mine();
      expect(await oracleParams()).toEqual(s);
      for (const [size, pattern] of CASES.slice(2, 7)) {
        const tx = bytes(size, size * 7, pattern);
        expect(l1FeeFjord(tx, s)).toBe(await getL1Fee(tx));
      }
    }
  });

  it('computes the Ecotone fee as the oracle does once Fjord is switched off', async () => {
    // GasPriceOracle slot 0: isEcotone (byte 0) and isFjord (byte 1); keep Ecotone only.
    await chain.request('anvil_setStorageAt', [
      GAS_PRICE_ORACLE,
      numberToHex(0, { size: 32 }),
      numberToHex(1, { size: 32 }),
    ]);
    await chain.mine();
    expect(
      await client.readContract({
        address: GAS_PRICE_ORACLE,
        abi: gasPriceOracleAbi,
        functionName: 'isFjord',
      }),
    ).toBe(false);
    const params = await oracleParams();
    for (const [size, pattern] of CASES.slice(0, 7)) {
      const tx = bytes(size, size + 3, pattern);
      expect(l1FeeEcotone(tx, params)).toBe(await getL1Fee(tx));
    }
  });

  it('prices an ETH transfer as the oracle does for that very transaction (viem’s estimateL1Fee prices a stub one)', async () => {
    const quote = await quoteChainFees({ network, chainId: 10, client });
    const transfer = quote.actions.find((a) => a.action === 'eth-transfer');
    if (!transfer?.tx || transfer.gas === null) throw new Error('no ETH transfer quoted');
    // The transaction the quote prices: the synthetic sender's nonce 0, the estimated gas, a wallet's fees.
    const unsigned = unsignedTransaction(10, transfer.tx, {
      nonce: 0,
      gas: transfer.gas,
      maxFeePerGas: walletMaxFee(quote.gasPrice.baseFee, quote.gasPrice.priorityFee),
      maxPriorityFeePerGas: quote.gasPrice.priorityFee,
    });
    const onChain = await client.readContract({
      address: GAS_PRICE_ORACLE,
      abi: gasPriceOracleAbi,
      functionName: 'getL1Fee',
      args: [unsigned],
      blockNumber: quote.blockNumber,
    });
    expect(transfer.l1Data).toEqual({ wei: onChain, status: 'ok', note: null });
  });
});

const erc20 = parseAbi([
  'function mint(address account, uint256 value) returns (bool)',
  'function approve(address spender, uint256 value) returns (bool)',
]);

interface RawReceipt {
  status: Hex;
  gasUsed: Hex;
  effectiveGasPrice: Hex;
  blockNumber: Hex;
}

/**
 * "Checked against reality": the sender actually sends each quoted transaction (same calldata, gas,
 * fee caps and nonce as priced) and what it paid, read from its balance, is compared with the quote.
 * The quote is taken at block N and the transaction lands in N+1. Differences allowed, and why:
 * - execution: N+1's base fee instead of N's (|Δ| × gas), and the estimate being a gas *limit* (a
 *   transaction with refunds uses less; transfers use exactly the estimate);
 * - L1 data: `getL1Fee` prices the unsigned transaction plus 68 bytes for the signature; the node
 *   charges the signed bytes, whose FastLZ size comes out up to a few bytes smaller. At Fjord's
 *   100-byte floor (every transfer) there is no difference at all; above it, up to 8 FastLZ bytes.
 */
describe('OP Stack quotes against what a transaction really pays (devnet chain 10)', () => {
  const sender = manifest.accounts.feeSender as Address;
  const usdc = manifest.chains['10'].tokens.USDC as Address;
  let snapshot: Hex;
  beforeEach(async () => {
    snapshot = await chain.request<Hex>('evm_snapshot', []);
    // Real balances and approvals, so the real transactions do what the estimates assumed.
    await chain.write(sender, usdc, erc20, 'mint', [sender, 1_000_000_000n]);
    await chain.write(sender, usdc, erc20, 'mint', [QUOTE_RECIPIENT, 1_000_000n]);
    for (const name of ['UniswapV3SwapRouter', 'AaveV3Pool']) {
      const spender = manifest.chains['10'].contracts[name];
      if (spender) await chain.write(sender, usdc, erc20, 'approve', [spender, 2n ** 256n - 1n]);
    }
  });
  afterEach(async () => {
    await chain.revert(snapshot);
  });

  /** Wei one FastLZ byte adds above the floor: 836,500 × (scaled L1 price) / 1e12. */
  const perFlzByte = (p: OpL1FeeParams) =>
    (836_500n * (p.baseFeeScalar * 16n * p.l1BaseFee + p.blobBaseFeeScalar * p.blobBaseFee)) / 10n ** 12n;
  const SIGNATURE_SLACK_BYTES = 8n;

  /** Sends `tx` with exactly the priced fields; returns what the sender paid and the receipt's figures. */
  async function sendAsQuoted(
    tx: { to: Address; data: Hex; value: bigint },
    gas: bigint,
    base: bigint,
    tip: bigint,
  ) {
    const nonce = await client.getTransactionCount({ address: sender });
    const before = await client.getBalance({ address: sender });
    const receipt = await chain.request<RawReceipt>('eth_sendTransactionSync', [
      {
        from: sender,
        to: tx.to,
        data: tx.data,
        value: numberToHex(tx.value),
        gas: numberToHex(gas),
        maxFeePerGas: numberToHex(walletMaxFee(base, tip)),
        maxPriorityFeePerGas: numberToHex(tip),
        nonce: numberToHex(nonce),
      },
    ]);
    expect(receipt.status).toBe('0x1');
    const after = await client.getBalance({ address: sender });
    const block = await client.getBlock({ blockNumber: BigInt(receipt.blockNumber) });
    const gasUsed = BigInt(receipt.gasUsed);
    const effective = BigInt(receipt.effectiveGasPrice);
    const paid = before - after - tx.value;
    return {
      paid,
      gasUsed,
      effective,
      blockNumber: block.number,
      inclusionBase: block.baseFeePerGas ?? 0n,
      l1Charged: paid - gasUsed * effective,
    };
  }

  const actions: FeeActionId[] = ['eth-transfer', 'usdc-transfer', 'uniswap-v3-swap', 'aave-supply'];
  for (const action of actions) {
    it(`${action}: the sender pays the quote, up to the base fee's move between quote and inclusion`, async (ctx) => {
      const quote = await quoteChainFees({ network, chainId: 10, client, sender });
      const a = quote.actions.find((x) => x.action === action);
      if (!a?.tx || a.gas === null || a.gasSource?.kind !== 'estimated') {
        ctx.skip(
          `not estimated on this devnet: ${a?.gasSource?.kind === 'typical' ? a.gasSource.reason : a?.error}`,
        );
        return;
      }
      const quotedL1 = a.l1Data.wei ?? -1n;
      const quotedTotal = a.totalWei ?? -1n;
      const { base, tip } = { base: quote.gasPrice.baseFee, tip: quote.gasPrice.priorityFee };
      const r = await sendAsQuoted(a.tx, a.gas, base, tip);
      // The devnet mines a block every second, so one may come between the quote and the inclusion; the
      // base fee's move between them is accounted for below.
      expect(r.blockNumber).toBeGreaterThan(quote.blockNumber);
      expect(r.effective).toBe(r.inclusionBase + tip);
      expect(r.gasUsed).toBeLessThanOrEqual(a.gas);

      const atFloor = a.l1Detail?.type === 'op-stack' && a.l1Detail.estimatedL1Bytes === 100;
      const l1Slack = atFloor ? 0n : SIGNATURE_SLACK_BYTES * perFlzByte(await oracleParams());
      const l1Diff = quotedL1 - r.l1Charged;
      expect(l1Diff).toBeGreaterThanOrEqual(-l1Slack);
      expect(l1Diff).toBeLessThanOrEqual(l1Slack);

      const baseFeeMove = r.inclusionBase - base;
      const bound =
        a.gas * (baseFeeMove < 0n ? -baseFeeMove : baseFeeMove) + (a.gas - r.gasUsed) * r.effective + l1Slack;
      const diff = r.paid - quotedTotal;
      expect(diff < 0n ? -diff : diff).toBeLessThanOrEqual(bound);
      if (action === 'eth-transfer' || action === 'usdc-transfer') {
        // Transfers: the estimate is the gas used and the L1 fee sits at the floor, so the quote is
        // exact once the base fee's move is accounted for.
        expect(r.gasUsed).toBe(a.gas);
        expect(r.l1Charged).toBe(quotedL1);
        expect(r.paid).toBe(quotedTotal + a.gas * baseFeeMove);
      }
    });
  }

  it('prices calldata above Fjord’s floor within the signature’s few bytes of what is charged', async () => {
    const params = await oracleParams();
    const to: Address = '0x000000000000000000000000000000000000dEaD';
    for (const size of [300, 1_000, 3_000]) {
      const data = bytes(size, size, 'sparse');
      const block = await client.getBlock();
      const base = block.baseFeePerGas ?? 0n;
      const tip = parseGwei('0.001');
      const gas = await client.estimateGas({ account: sender, to, data });
      const nonce = await client.getTransactionCount({ address: sender });
      const unsigned = unsignedTransaction(
        10,
        { to, data, value: 0n },
        {
          nonce,
          gas,
          maxFeePerGas: walletMaxFee(base, tip),
          maxPriorityFeePerGas: tip,
        },
      );
      const quoted = await getL1Fee(unsigned);
      expect(quoted).toBeGreaterThan(l1FeeFjord('0x', params));
      const r = await sendAsQuoted({ to, data, value: 0n }, gas, base, tip);
      expect(r.gasUsed).toBe(gas);
      const diff = quoted - r.l1Charged;
      expect(diff, `${size} bytes`).toBeGreaterThanOrEqual(0n);
      expect(diff, `${size} bytes`).toBeLessThanOrEqual(SIGNATURE_SLACK_BYTES * perFlzByte(params));
    }
  });
});
