import {
  type Address,
  createPublicClient,
  custom,
  decodeFunctionData,
  encodeFunctionResult,
  type Hex,
  type PublicClient,
  RpcRequestError,
} from 'viem';
import { multicall3Abi } from '../../lib/chains/multicall';
import { type ChainId, readChain } from '../../lib/chains/registry';

/**
 * The naive baseline of `npm run bench -- portfolio`: a read client that sends one HTTP request per read,
 * no JSON-RPC batching, no Multicall3. The app's own code runs on it unchanged: each Multicall3
 * `aggregate3` eth_call it makes is taken apart here, its inner calls sent as single eth_calls at the same
 * block, concurrently (at most `concurrency` in flight per chain), and their answers encoded back as the
 * `aggregate3` answer (a revert is `success: false` with the revert data, as Multicall3 reports it). Every
 * other request passes through, one HTTP request each.
 */
interface JsonRpcAnswer {
  result?: unknown;
  error?: { code: number; message: string; data?: unknown };
}

function limiter(max: number) {
  let active = 0;
  const waiting: (() => void)[] = [];
  return async <T>(run: () => Promise<T>): Promise<T> => {
    if (active >= max) await new Promise<void>((resolve) => waiting.push(resolve));
    active += 1;
    try {
      return await run();
    } finally {
      active -= 1;
      waiting.shift()?.();
    }
  };
}

export function naiveClient(chainId: ChainId, url: string, options: { concurrency: number }): PublicClient {
  let id = 0;
  const limit = limiter(options.concurrency);
  const post = (method: string, params: unknown): Promise<JsonRpcAnswer> =>
    limit(async () => {
      const body = { jsonrpc: '2.0', id: ++id, method, params };
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      return (await response.json()) as JsonRpcAnswer;
    });
  const unwrap = (method: string, params: unknown, answer: JsonRpcAnswer) => {
    if (answer.error) throw new RpcRequestError({ body: { method, params }, error: answer.error, url });
    return answer.result;
  };

  const aggregate3 = async (tx: { to?: Address; data?: Hex }, rest: unknown[]) => {
    if (!tx.data) return null;
    let calls: readonly { target: Address; allowFailure: boolean; callData: Hex }[];
    try {
      const decoded = decodeFunctionData({ abi: multicall3Abi, data: tx.data });
      if (decoded.functionName !== 'aggregate3') return null;
      calls = decoded.args[0];
    } catch {
      return null;
    }
    const results = await Promise.all(
      calls.map(async (c) => {
        const answer = await post('eth_call', [{ to: c.target, data: c.callData }, ...rest]);
        if (!answer.error) return { success: true, returnData: (answer.result ?? '0x') as Hex };
        const data = typeof answer.error.data === 'string' ? (answer.error.data as Hex) : '0x';
        // A revert fails that call alone; anything else (the node failing) fails the whole read.
        if (!/revert/i.test(answer.error.message) && answer.error.code !== 3)
          unwrap('eth_call', [{ to: c.target, data: c.callData }, ...rest], answer);
        if (!c.allowFailure)
          throw new RpcRequestError({
            body: { method: 'eth_call' },
            error: { code: 3, message: 'execution reverted: Multicall3: call failed' },
            url,
          });
        return { success: false, returnData: data };
      }),
    );
    return encodeFunctionResult({ abi: multicall3Abi, functionName: 'aggregate3', result: results });
  };

  return createPublicClient({
    chain: readChain(chainId, url),
    transport: custom(
      {
        async request({ method, params }: { method: string; params?: unknown }) {
          if (method === 'eth_call' && Array.isArray(params)) {
            const [tx, ...rest] = params as [{ to?: Address; data?: Hex }, ...unknown[]];
            const answer = await aggregate3(tx, rest);
            if (answer !== null) return answer;
          }
          return unwrap(method, params, await post(method, params ?? []));
        },
      },
      { retryCount: 0 },
    ),
    batch: { multicall: false },
    cacheTime: 0,
  });
}
