import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createReadClient } from '../lib/chains/client';
import {
  BATCH_TOO_LARGE,
  DEPLOYLESS_REFUSAL,
  type LatencyProxy,
  STATE_OVERRIDE_REFUSAL,
  startLatencyProxy,
} from './latency-proxy';
import { testDevnet } from './testing';

const LATENCY = 40;
/** Runtime (or creation) code that returns the word 0x2a: PUSH1 2a PUSH1 0 MSTORE PUSH1 20 PUSH1 0 RETURN. */
const RETURNS_42 = '0x602a60005260206000f3';
const WORD_42 = `0x${'2a'.padStart(64, '0')}`;
const NOBODY = '0x00000000000000000000000000000000000a11ce';

interface Answer {
  id: number;
  result?: unknown;
  error?: { code: number; message: string };
}

async function post(url: string, body: unknown): Promise<{ text: string; json: unknown; ms: number }> {
  const t = performance.now();
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  return { text, json: JSON.parse(text), ms: performance.now() - t };
}

const item = (id: number, method: string, params: unknown[] = []) => ({ jsonrpc: '2.0', id, method, params });

describe('latency proxy in front of a devnet chain', () => {
  const { manifest } = testDevnet();
  const target = manifest.chains['42161'].rpcUrl;
  let proxy: LatencyProxy;
  beforeAll(async () => {
    proxy = await startLatencyProxy({ target, latencyMs: LATENCY });
  });
  afterAll(async () => {
    await proxy.stop();
  });
  beforeEach(() => {
    proxy.configure({ refuseStateOverride: false, refuseDeployless: false, maxBatchItems: null });
    proxy.reset();
  });

  it('forwards a single request and a batch as the node answers them, counting items and bytes', async () => {
    const single = item(1, 'eth_chainId');
    const one = await post(proxy.url, single);
    expect(one.json).toEqual((await post(target, single)).json);
    expect(one.ms).toBeGreaterThanOrEqual(LATENCY - 1);

    const batch = [
      item(2, 'eth_chainId'),
      item(3, 'eth_getCode', [NOBODY, 'latest']),
      item(4, 'eth_blockNumber'),
    ];
    const many = await post(proxy.url, batch);
    const answers = many.json as Answer[];
    expect(answers.map((a) => a.id)).toEqual([2, 3, 4]);
    expect(answers[0]?.result).toBe('0xa4b1');
    expect(answers[1]?.result).toBe('0x');
    const direct = (await post(target, [item(5, 'eth_blockNumber')])).json as Answer[];
    expect(BigInt(String(answers[2]?.result))).toBeLessThanOrEqual(BigInt(String(direct[0]?.result)));

    const stats = proxy.stats();
    expect(stats.httpRequests).toBe(2);
    expect(stats.rpcItems).toBe(4);
    expect(stats.methods).toEqual({ eth_chainId: 2, eth_getCode: 1, eth_blockNumber: 1 });
    expect(stats.bytesSent).toBe(
      Buffer.byteLength(JSON.stringify(single)) + Buffer.byteLength(JSON.stringify(batch)),
    );
    expect(stats.bytesReceived).toBe(Buffer.byteLength(one.text) + Buffer.byteLength(many.text));
    expect(stats.roundTrips).toBe(2);
  });

  it('counts sequential round trips, not requests, and starts from zero after a reset', async () => {
    await post(proxy.url, item(1, 'eth_chainId'));
    proxy.reset();
    expect(proxy.stats().httpRequests).toBe(0);
    // Round 1: three together; round 2: two together; round 3: one.
    await Promise.all([1, 2, 3].map((i) => post(proxy.url, item(i, 'eth_blockNumber'))));
    await Promise.all([4, 5].map((i) => post(proxy.url, item(i, 'eth_blockNumber'))));
    await post(proxy.url, item(6, 'eth_blockNumber'));
    expect(proxy.stats()).toMatchObject({ httpRequests: 6, rpcItems: 6, roundTrips: 3 });
  });

  it('refuses a state override only when told to, with geth’s error, through the app’s read client', async () => {
    const client = createReadClient(42161, proxy.url);
    const overridden: Parameters<typeof client.call>[0] = {
      to: NOBODY,
      data: '0x',
      stateOverride: [{ address: NOBODY, code: RETURNS_42 }],
    };
    expect((await client.call(overridden)).data).toBe(WORD_42);
    proxy.configure({ refuseStateOverride: true });
    await expect(client.call(overridden)).rejects.toThrow(STATE_OVERRIDE_REFUSAL.message);
    // A plain call still passes.
    expect((await client.call({ to: NOBODY, data: '0x' })).data).toBeUndefined();
    expect(proxy.stats().refused).toEqual({ stateOverride: 1, deployless: 0, batchTooLarge: 0 });
  });

  it('refuses a call without `to` only when told to, with zkSync Era’s error, inside a batch too', async () => {
    const deployless = (id: number) => item(id, 'eth_call', [{ data: RETURNS_42 }, 'latest']);
    const ok = (await post(proxy.url, deployless(1))).json as Answer;
    expect(ok.result).toBe(WORD_42);
    proxy.configure({ refuseDeployless: true });
    const refused = (await post(proxy.url, [item(2, 'eth_chainId'), deployless(3)])).json as Answer[];
    expect(refused[0]?.result).toBe('0xa4b1');
    expect(refused[1]).toMatchObject({ id: 3, error: DEPLOYLESS_REFUSAL });
    const client = createReadClient(42161, proxy.url);
    await expect(client.call({ data: RETURNS_42 })).rejects.toThrow(DEPLOYLESS_REFUSAL.message);
    // A state override is not refused by this switch.
    expect(proxy.stats().refused.deployless).toBe(2);
  });

  it('refuses a batch over its limit as geth does: one error carrying the first id', async () => {
    proxy.configure({ maxBatchItems: 2 });
    const within = (await post(proxy.url, [item(1, 'eth_chainId'), item(2, 'eth_chainId')])).json as Answer[];
    expect(within).toHaveLength(2);
    const over = (
      await post(proxy.url, [item(7, 'eth_chainId'), item(8, 'eth_chainId'), item(9, 'eth_chainId')])
    ).json as Answer[];
    expect(over).toEqual([{ jsonrpc: '2.0', id: 7, error: BATCH_TOO_LARGE }]);
    expect(proxy.stats().refused.batchTooLarge).toBe(1);
  });
});
