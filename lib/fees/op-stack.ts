import { type Address, type Hex, hexToBytes, parseAbi, serializeTransaction } from 'viem';
import { Batch, call, type Result } from '../chains/multicall';
import { CHAINS } from '../chains/registry';
import { flzCompressLength } from './fastlz';
import type {
  FeeActionId,
  FeeModelQuoter,
  FeePart,
  ModelActionParts,
  OpStackFeeInfo,
  QuotedTx,
} from './types';

/**
 * OP Stack fees: L2 execution (gas × base+priority) + the L1 data fee + the operator fee (Isthmus+).
 * Source: optimism `packages/contracts-bedrock/src/L2/GasPriceOracle.sol`, specs `fjord/exec-engine.md`,
 * `isthmus/exec-engine.md` (shared/reference/onchain-facts.md §7).
 */

/** Predeploys, the same on every OP Stack chain. */
export const GAS_PRICE_ORACLE: Address = '0x420000000000000000000000000000000000000F';
export const L1_BLOCK: Address = '0x4200000000000000000000000000000000000015';

/** viem's `gasPriceOracleAbi` lacks the upper bound and the scalar getters, so the project writes its own. */
export const gasPriceOracleAbi = parseAbi([
  'function getL1Fee(bytes _data) view returns (uint256)',
  'function getL1FeeUpperBound(uint256 _unsignedTxSize) view returns (uint256)',
  'function getOperatorFee(uint256 _gasUsed) view returns (uint256)',
  'function isEcotone() view returns (bool)',
  'function isFjord() view returns (bool)',
  'function isIsthmus() view returns (bool)',
  'function isJovian() view returns (bool)',
  'function l1BaseFee() view returns (uint256)',
  'function blobBaseFee() view returns (uint256)',
  'function baseFeeScalar() view returns (uint32)',
  'function blobBaseFeeScalar() view returns (uint32)',
]);

export interface OpL1FeeParams {
  l1BaseFee: bigint;
  blobBaseFee: bigint;
  /** 6 decimals. */
  baseFeeScalar: bigint;
  /** 6 decimals. */
  blobBaseFeeScalar: bigint;
}

/** Fjord: the oracle adds 68 bytes for the signature the unsigned transaction lacks. */
const SIGNATURE_BYTES = 68;
const FJORD_INTERCEPT = -42_585_600n;
const FJORD_FASTLZ_COEF = 836_500n;
/** 100 bytes, scaled by 1e6: no transaction is priced below this size. */
const FJORD_MIN_SIZE_SCALED = 100_000_000n;

/** Fjord's linear regression from the FastLZ size to the Brotli size on L1, in bytes × 1e6. */
export function fjordEstimatedSizeScaled(unsignedTx: Hex): bigint {
  const flz = BigInt(flzCompressLength(hexToBytes(unsignedTx)) + SIGNATURE_BYTES);
  const size = FJORD_INTERCEPT + FJORD_FASTLZ_COEF * flz;
  return size < FJORD_MIN_SIZE_SCALED ? FJORD_MIN_SIZE_SCALED : size;
}

/** The Fjord L1 data fee of an unsigned serialised transaction, in wei, as `GasPriceOracle.getL1Fee` computes it. */
export function l1FeeFjord(unsignedTx: Hex, p: OpL1FeeParams): bigint {
  const feeScaled = p.baseFeeScalar * 16n * p.l1BaseFee + p.blobBaseFeeScalar * p.blobBaseFee;
  return (fjordEstimatedSizeScaled(unsignedTx) * feeScaled) / 10n ** 12n;
}

/** The Ecotone L1 data fee (before Fjord): calldata gas of the transaction plus 68 signature bytes. */
export function l1FeeEcotone(unsignedTx: Hex, p: OpL1FeeParams): bigint {
  let gas = BigInt(SIGNATURE_BYTES * 16);
  for (const b of hexToBytes(unsignedTx)) gas += b === 0 ? 4n : 16n;
  const scaled = p.baseFeeScalar * 16n * p.l1BaseFee + p.blobBaseFeeScalar * p.blobBaseFee;
  return (gas * scaled) / (16n * 10n ** 6n);
}

/** The unsigned EIP-1559 transaction a wallet would sign for `tx`: what `getL1Fee` prices. */
export function unsignedTransaction(
  chainId: number,
  tx: QuotedTx,
  fields: { nonce: number; gas: bigint; maxFeePerGas: bigint; maxPriorityFeePerGas: bigint },
): Hex {
  return serializeTransaction({
    type: 'eip1559',
    chainId,
    nonce: fields.nonce,
    gas: fields.gas,
    maxFeePerGas: fields.maxFeePerGas,
    maxPriorityFeePerGas: fields.maxPriorityFeePerGas,
    to: tx.to,
    value: tx.value,
    data: tx.data,
  });
}

function flag(r: Result<boolean>): boolean | null {
  return r.ok ? r.value : null;
}

function value<T>(r: Result<T>): T | null {
  return r.ok ? r.value : null;
}

const unavailable = (note: string): FeePart => ({ wei: null, status: 'unavailable', note });

export const opStackQuoter: FeeModelQuoter = {
  start(ctx, batch) {
    const gpo = (fn: 'isEcotone' | 'isFjord' | 'isIsthmus' | 'isJovian') =>
      batch.add(call(GAS_PRICE_ORACLE, gasPriceOracleAbi, fn));
    const reads = {
      ecotone: gpo('isEcotone'),
      fjord: gpo('isFjord'),
      isthmus: gpo('isIsthmus'),
      jovian: gpo('isJovian'),
      l1BaseFee: batch.add(call(GAS_PRICE_ORACLE, gasPriceOracleAbi, 'l1BaseFee')),
      blobBaseFee: batch.add(call(GAS_PRICE_ORACLE, gasPriceOracleAbi, 'blobBaseFee')),
      baseFeeScalar: batch.add(call(GAS_PRICE_ORACLE, gasPriceOracleAbi, 'baseFeeScalar')),
      blobBaseFeeScalar: batch.add(call(GAS_PRICE_ORACLE, gasPriceOracleAbi, 'blobBaseFeeScalar')),
    };

    return async ({ priced, gasPrice, maxFeePerGas, nonce }) => {
      const scalar = (r: Result<number>) => (r.ok ? BigInt(r.value) : null);
      const info: OpStackFeeInfo = {
        type: 'op-stack',
        forks: {
          ecotone: flag(reads.ecotone()),
          fjord: flag(reads.fjord()),
          isthmus: flag(reads.isthmus()),
          jovian: flag(reads.jovian()),
        },
        l1BaseFee: value(reads.l1BaseFee()),
        blobBaseFee: value(reads.blobBaseFee()),
        baseFeeScalar: scalar(reads.baseFeeScalar()),
        blobBaseFeeScalar: scalar(reads.blobBaseFeeScalar()),
      };
      const warnings: string[] = [];
      const oracleReadable = info.forks.ecotone !== null;
      if (!oracleReadable)
        warnings.push(`GasPriceOracle at ${GAS_PRICE_ORACLE} did not answer: no L1 data fee`);

      // Round three: each action's own transaction, priced by the oracle at the same block.
      const round = new Batch();
      const perAction = priced.map((p) => {
        const unsigned = unsignedTransaction(ctx.chainId, p.candidate.tx, {
          nonce,
          gas: p.gas,
          maxFeePerGas,
          maxPriorityFeePerGas: gasPrice.priorityFee,
        });
        const size = (unsigned.length - 2) / 2;
        return {
          p,
          unsigned,
          size,
          l1Fee: round.add(call(GAS_PRICE_ORACLE, gasPriceOracleAbi, 'getL1Fee', [unsigned])),
          upperBound: info.forks.fjord
            ? round.add(call(GAS_PRICE_ORACLE, gasPriceOracleAbi, 'getL1FeeUpperBound', [BigInt(size)]))
            : null,
          operatorFee: info.forks.isthmus
            ? round.add(call(GAS_PRICE_ORACLE, gasPriceOracleAbi, 'getOperatorFee', [p.gas]))
            : null,
        };
      });
      if (oracleReadable && round.size > 0) {
        await round.execute(ctx.client, {
          multicall3: CHAINS[ctx.chainId].multicall3,
          blockNumber: ctx.blockNumber,
        });
      }

      const parts = new Map<FeeActionId, ModelActionParts>();
      for (const a of perAction) {
        let l1Data: FeePart;
        if (!oracleReadable) {
          l1Data = unavailable('GasPriceOracle unreadable');
        } else {
          const exact = a.l1Fee();
          const bound = a.upperBound?.();
          if (exact.ok) l1Data = { wei: exact.value, status: 'ok', note: null };
          else if (bound?.ok)
            l1Data = {
              wei: bound.value,
              status: 'upper-bound',
              note: `getL1Fee failed (${exact.error}); GasPriceOracle's upper bound for ${a.size} bytes`,
            };
          else l1Data = unavailable(`GasPriceOracle.getL1Fee failed: ${exact.error}`);
        }
        let operator: FeePart;
        if (!oracleReadable) operator = unavailable('GasPriceOracle unreadable');
        else if (info.forks.isthmus === null)
          operator = { wei: 0n, status: 'ok', note: 'this GasPriceOracle predates Isthmus: no operator fee' };
        else if (!info.forks.isthmus)
          operator = { wei: 0n, status: 'ok', note: 'Isthmus not active: no operator fee' };
        else {
          const fee = a.operatorFee?.();
          operator = fee?.ok
            ? { wei: fee.value, status: 'ok', note: null }
            : unavailable(`GasPriceOracle.getOperatorFee failed${fee ? `: ${fee.error}` : ''}`);
        }
        parts.set(a.p.action, {
          l1Data,
          operator,
          l1Detail: {
            type: 'op-stack',
            unsignedTxBytes: a.size,
            estimatedL1Bytes: info.forks.fjord
              ? Math.ceil(Number(fjordEstimatedSizeScaled(a.unsigned)) / 1e6)
              : null,
          },
        });
      }
      return { info, parts, warnings };
    };
  },
};
