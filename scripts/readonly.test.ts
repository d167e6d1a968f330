import { describe, expect, it } from 'vitest';
import { runtimeLinesMatching } from './runtime-sources';

/** Wallet write, send and sign APIs (wagmi hooks, viem actions, raw JSON-RPC methods). */
const FORBIDDEN =
  /\b(useWriteContract|useSendTransaction|useSendCalls|useSignMessage|useSignTypedData|useSignTransaction|useDeployContract|useWatchAsset|writeContract|sendTransaction|sendRawTransaction|signMessage|signTypedData|signTransaction|eth_sendTransaction|eth_sendRawTransaction|eth_sign|personal_sign|eth_signTypedData(_v4)?|wallet_sendCalls)\b/;

describe('read-only', () => {
  it('no file in app/, components/ or lib/ names a wallet write, send or sign API', () => {
    const hits = runtimeLinesMatching(FORBIDDEN);
    expect(hits).toEqual([]);
  });

  it('the pattern catches what it is meant to catch', () => {
    expect(FORBIDDEN.test('const { writeContract } = useWriteContract()')).toBe(true);
    expect(FORBIDDEN.test("provider.request({ method: 'personal_sign' })")).toBe(true);
    expect(FORBIDDEN.test('client.readContract({})')).toBe(false);
  });
});
