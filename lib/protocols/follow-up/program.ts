import {
  type Address,
  encodeAbiParameters,
  encodeFunctionData,
  type Hex,
  parseAbiParameters,
  zeroAddress,
} from 'viem';
import type { Call } from '../../chains/multicall';
import type { RoundOneJob } from '../../chains/round-one';
import { erc20Abi } from '../../tokens/metadata';
import { FollowUpLens } from './FollowUpLens.bytecode';

/**
 * The TypeScript side of `FollowUpLens.sol`: a module's first level (the very calls its reader adds to its
 * first `Batch`, handed in as `batch.pending`) and the follow-ups its reader derives from those answers
 * (an address returned, then reads on it; an amount returned, then a read with it). The program is one
 * round-1 job; the reader, unchanged, finds each of its levels answered.
 */

const stepsParams = parseAbiParameters(
  '(address target, bytes callData, uint256 from, uint256 fromWord, uint8 mode, uint256 offset)[]',
);

interface Step {
  target: Address;
  callData: Hex;
  from: bigint;
  fromWord: bigint;
  mode: number;
  offset: bigint;
}

/** A step of the program: its index, which later steps refer to. */
export type StepRef = number;

/** What `addMetadataReads` sends a token (symbol, name, decimals). */
const METADATA: Hex[] = (['symbol', 'name', 'decimals'] as const).map((functionName) =>
  encodeFunctionData({ abi: erc20Abi, functionName }),
);

const key = (target: string, callData: string) => `${target.toLowerCase()}${callData.toLowerCase()}`;

export class FollowUpProgram {
  private readonly steps: Step[] = [];
  private readonly byKey = new Map<string, StepRef>();

  /** Plain calls known before any block (a first level). */
  calls(calls: readonly Call<unknown>[]): this {
    for (const c of calls) this.plain(c.target, c.callData);
    return this;
  }

  plain(target: Address, callData: Hex): StepRef {
    const known = this.byKey.get(key(target, callData));
    if (known !== undefined) return known;
    const ref = this.push({ target, callData, from: 0n, fromWord: 0n, mode: 0, offset: 0n });
    this.byKey.set(key(target, callData), ref);
    return ref;
  }

  /** The step of a plain call already in the program (the reader's call, found by target and calldata). */
  ref(c: Pick<Call<unknown>, 'target' | 'callData'>): StepRef {
    const ref = this.byKey.get(key(c.target, c.callData));
    if (ref === undefined)
      throw new Error(`FollowUpProgram: ${c.target} ${c.callData.slice(0, 10)} is not a step`);
    return ref;
  }

  /** `callData` sent to the address that word `word` of step `from`'s answer holds. */
  on(from: StepRef, callData: Hex, word = 0): StepRef {
    return this.push({
      target: zeroAddress,
      callData,
      from: BigInt(from),
      fromWord: BigInt(word),
      mode: 1,
      offset: 0n,
    });
  }

  /** The token metadata reads (`addMetadataReads`) of the address step `from` returned. */
  metadataOn(from: StepRef, word = 0): StepRef[] {
    return METADATA.map((data) => this.on(from, data, word));
  }

  /**
   * `template` sent to `target` with the word at byte `offset` of its calldata replaced by word `word` of
   * step `from`'s answer (skipped when that is zero). `template` is the call encoded with any value there.
   */
  withArg(target: Address, template: Hex, offset: number, from: StepRef, word = 0): StepRef {
    return this.push({
      target,
      callData: template,
      from: BigInt(from),
      fromWord: BigInt(word),
      mode: 2,
      offset: BigInt(offset),
    });
  }

  get size(): number {
    return this.steps.length;
  }

  job(label: string): RoundOneJob {
    return { label, lens: FollowUpLens, input: encodeAbiParameters(stepsParams, [this.steps]) };
  }

  private push(step: Step): StepRef {
    this.steps.push(step);
    return this.steps.length - 1;
  }
}

/** Byte offset of the `n`-th (0-based) static argument in a call's data. */
export const argOffset = (n: number) => 4 + 32 * n;
