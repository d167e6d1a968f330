import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { mainnetNetwork } from '../chains/network';
import { failedChain } from '../portfolio/failed';
import type { ReadReply, ReadRequest } from './off-thread';

/** A JSON-RPC node that answers every request (batched or not) for another chain: 42161. */
async function arbitrumNode(): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    let text = '';
    req.on('data', (c: Buffer) => {
      text += c.toString();
    });
    req.on('end', () => {
      const body = JSON.parse(text) as { id: number } | { id: number }[];
      const one = (r: { id: number }) => ({ jsonrpc: '2.0', id: r.id, result: '0xa4b1' });
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(Array.isArray(body) ? body.map(one) : one(body)));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

/**
 * A stand-in for the browser's Worker that runs the real worker entry (`reads.worker.ts`) in this
 * process: every message crosses by `structuredClone`, as it does between threads.
 */
class InProcessWorker {
  static started = 0;
  static requests: ReadRequest[] = [];
  onmessage: ((event: { data: ReadReply }) => void) | null = null;
  onerror: ((event: unknown) => void) | null = null;
  constructor(_url: URL) {
    InProcessWorker.started += 1;
    (globalThis as unknown as { postMessage: (reply: ReadReply) => void }).postMessage = (reply) =>
      this.onmessage?.({ data: structuredClone(reply) });
  }
  postMessage(request: ReadRequest) {
    InProcessWorker.requests.push(request);
    const scope = globalThis as unknown as { onmessage: ((event: { data: ReadRequest }) => void) | null };
    scope.onmessage?.({ data: structuredClone(request) });
  }
}

describe('reads off the main thread', () => {
  let node: Awaited<ReturnType<typeof arbitrumNode>>;
  beforeAll(async () => {
    node = await arbitrumNode();
    (globalThis as unknown as { Worker: unknown }).Worker = InProcessWorker;
    await import('./reads.worker');
  });
  afterEach(() => {
    InProcessWorker.requests = [];
  });
  afterAll(() => {
    node.server.close();
    delete (globalThis as unknown as { Worker?: unknown }).Worker;
    delete (globalThis as unknown as { onmessage?: unknown }).onmessage;
  });

  it('runs each read in the one worker, and a wrong chain still reads as one on this side', async () => {
    const { runRead, warmReadWorker } = await import('./off-thread');
    warmReadWorker();
    const network = mainnetNetwork({ 10: node.url, 324: 'http://127.0.0.1:1' });
    const [wrong, down] = await Promise.allSettled([
      runRead('feeHistory', { network, chainId: 10 }),
      runRead('feeHistory', { network, chainId: 324 }),
    ]);
    expect(InProcessWorker.started).toBe(1);
    expect(InProcessWorker.requests.map((r) => [r.id, r.kind])).toEqual([
      [0, 'feeHistory'],
      [1, 'feeHistory'],
    ]);
    // Each caller gets its own answer: the chain-10 read met another chain's RPC, the zkSync one none.
    if (wrong.status !== 'rejected' || down.status !== 'rejected') throw new Error('both reads should fail');
    expect(String(wrong.reason.message)).toContain('answers for chain 42161, not 10');
    expect(String(down.reason.message)).not.toContain('answers for chain');
    expect(failedChain(10, wrong.reason).errorKind).toBe('wrong-chain');
    expect(failedChain(324, down.reason).errorKind).toBe('error');
  });
});
