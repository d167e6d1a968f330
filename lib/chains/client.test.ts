import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type FaultProxy, startFaultProxy } from '../../devnet/fault-proxy';
import { createReadClient, isWrongChainError, RPC_TIMEOUT_MS } from './client';

/** A JSON-RPC node that answers for one chain id, its head at block 0x64; counts what it is asked. */
async function fakeNode(chainId: number): Promise<{ url: string; server: Server; bodies: unknown[] }> {
  const bodies: unknown[] = [];
  const server = createServer((req, res) => {
    let text = '';
    req.on('data', (c: Buffer) => {
      text += c.toString();
    });
    req.on('end', () => {
      const body = JSON.parse(text) as { id: number; method: string } | { id: number; method: string }[];
      bodies.push(body);
      const one = (r: { id: number; method: string }) => ({
        jsonrpc: '2.0',
        id: r.id,
        result: r.method === 'eth_chainId' ? `0x${chainId.toString(16)}` : '0x64',
      });
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(Array.isArray(body) ? body.map(one) : one(body)));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server, bodies };
}

describe('read client', () => {
  let node: Awaited<ReturnType<typeof fakeNode>>;
  let other: Awaited<ReturnType<typeof fakeNode>>;
  let proxy: FaultProxy;
  beforeAll(async () => {
    node = await fakeNode(10);
    other = await fakeNode(42161);
    proxy = await startFaultProxy({ target: node.url, wrongChainTarget: other.url });
  });
  afterAll(async () => {
    await proxy.stop();
    node.server.close();
    other.server.close();
  });
  beforeEach(async () => {
    await proxy.setFault(null);
    proxy.reset();
  });

  it('checks the chain id once per URL, in the same JSON-RPC batch as the first request', async () => {
    const client = createReadClient(10, proxy.url);
    expect(await client.getBlockNumber()).toBe(100n);
    expect(await client.getBlockNumber()).toBe(100n);
    expect(proxy.requests).toBe(2);
    expect(proxy.methods).toEqual(['eth_chainId', 'eth_blockNumber', 'eth_blockNumber']);
  });

  it('refuses an RPC that answers for another chain, and accepts it once it is right', async () => {
    await proxy.setFault('wrong-chain');
    const client = createReadClient(10, proxy.url);
    const error = await client.getBlockNumber().catch((e: unknown) => e);
    expect(isWrongChainError(error)).toBe(true);
    expect(String((error as Error).message)).toMatch(/answers for chain 42161, not 10/);
    expect(proxy.requests).toBe(1);
    await proxy.setFault(null);
    expect(await client.getBlockNumber()).toBe(100n);
  });

  it('asks a rate-limited node twice, no more', async () => {
    await proxy.setFault('429');
    const client = createReadClient(10, proxy.url);
    await expect(client.getBlockNumber()).rejects.toThrow(/rate-limiting \(HTTP 429\)/);
    expect(proxy.requests).toBe(2);
  });

  for (const kind of ['down', '500', 'malformed'] as const) {
    it(`fails on a node that is ${kind} after one retry`, async () => {
      await proxy.setFault(kind);
      const client = createReadClient(10, proxy.url);
      const words = { down: /unreachable/, '500': /answered HTTP 500/, malformed: /not JSON/ }[kind];
      await expect(client.getBlockNumber()).rejects.toThrow(words);
      expect(proxy.requests).toBe(2);
    });
  }

  it('turns a hang into an error after the timeout, without retrying it', async () => {
    await proxy.setFault('hang');
    const client = createReadClient(10, proxy.url, { timeoutMs: 300 });
    const t = performance.now();
    await expect(client.getBlockNumber()).rejects.toThrow(/did not answer within 0.3 s/);
    const ms = performance.now() - t;
    expect(ms).toBeGreaterThanOrEqual(290);
    expect(ms).toBeLessThan(1500);
    expect(proxy.requests).toBe(1);
    expect(RPC_TIMEOUT_MS).toBeLessThan(10_000);
  });

  it('skips a failing URL for the next one, then keeps skipping it while it cools down', async () => {
    await proxy.setFault('500');
    node.bodies.length = 0;
    const client = createReadClient(10, [proxy.url, node.url]);
    expect(await client.getBlockNumber()).toBe(100n);
    expect(proxy.requests).toBe(2);
    expect(await client.getBlockNumber()).toBe(100n);
    expect(proxy.requests).toBe(2);
    // The second URL proved its own chain id in its first request.
    expect(node.bodies[0]).toMatchObject([{ method: 'eth_chainId' }, { method: 'eth_blockNumber' }]);
  });

  it('skips a URL that answers for another chain to the next one', async () => {
    await proxy.setFault('wrong-chain');
    const client = createReadClient(10, [proxy.url, node.url]);
    expect(await client.getBlockNumber()).toBe(100n);
  });
});
