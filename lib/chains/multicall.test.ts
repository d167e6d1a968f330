import {
  type Address,
  decodeFunctionData,
  encodeAbiParameters,
  encodeFunctionResult,
  type Hex,
  parseAbiParameters,
} from 'viem';
import { describe, expect, it } from 'vitest';
import type { ReadClient } from './client';
import { call, multicall, multicall3Abi } from './multicall';

const MULTICALL3: Address = '0xcA11bde05977b3631167028862bE2a173976CA11';
const A: Address = '0x00000000000000000000000000000000000000aa';
const B: Address = '0x00000000000000000000000000000000000000bb';

/**
 * A node that answers aggregate3 itself: each inner call's answer is the target's last byte as a uint256,
 * so every answer says which call it belongs to. It records the inner calls of every aggregate3 it runs.
 */
function fakeNode() {
  const sent: { target: Address; callData: Hex }[][] = [];
  const client = {
    call: async ({ data }: { data: Hex }) => {
      const { args } = decodeFunctionData({ abi: multicall3Abi, data });
      const calls = (args?.[0] ?? []) as readonly { target: Address; callData: Hex }[];
      sent.push(calls.map((c) => ({ target: c.target, callData: c.callData })));
      const results = calls.map((c) => ({
        success: true,
        returnData: encodeAbiParameters(parseAbiParameters('uint256'), [BigInt(`0x${c.target.slice(-2)}`)]),
      }));
      return {
        data: encodeFunctionResult({ abi: multicall3Abi, functionName: 'aggregate3', result: results }),
      };
    },
  } as unknown as ReadClient;
  return { client, sent };
}

describe('multicalls asked in the same tick at one block', () => {
  it('go out as one aggregate3 in which a call asked twice is sent once, each caller getting its answer', async () => {
    const node = fakeNode();
    const at = { multicall3: MULTICALL3, blockNumber: 7n };
    const timeA = call(A, multicall3Abi, 'getCurrentBlockTimestamp');
    const timeB = call(B, multicall3Abi, 'getCurrentBlockTimestamp');
    const [first, second] = await Promise.all([
      multicall(node.client, [timeA, timeB], at),
      multicall(node.client, [timeB, timeA, timeA], at),
    ]);
    expect(node.sent).toHaveLength(1);
    expect(node.sent[0]?.map((c) => c.target.toLowerCase())).toEqual([A, B]);
    expect(first).toEqual([
      { ok: true, value: 0xaan },
      { ok: true, value: 0xbbn },
    ]);
    expect(second).toEqual([
      { ok: true, value: 0xbbn },
      { ok: true, value: 0xaan },
      { ok: true, value: 0xaan },
    ]);
  });
});
