import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEVNET_MANIFEST_ROUTE, serve } from './serve';

describe('scripts/serve', () => {
  let base = '';
  let close = () => {};
  beforeAll(async () => {
    const parent = mkdtempSync(join(tmpdir(), 'layerglass-serve-'));
    const root = join(parent, 'out');
    mkdirSync(join(root, 'address'), { recursive: true });
    writeFileSync(join(root, 'index.html'), 'home');
    writeFileSync(join(root, 'address', '_.html'), 'shell');
    writeFileSync(join(root, 'address', '_.txt'), 'payload');
    writeFileSync(join(parent, 'secret.txt'), 'secret');
    writeFileSync(join(parent, 'out-other.txt'), 'sibling');
    const server = await serve({ root, port: 0 });
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    close = () => server.close();
  });
  afterAll(() => close());

  const get = async (path: string) => {
    const response = await fetch(`${base}${path}`);
    return { status: response.status, body: await response.text() };
  };

  it('serves every address from the one shell, and its RSC payload', async () => {
    expect(await get('/')).toEqual({ status: 200, body: 'home' });
    expect(await get('/address/0x70997970C51812dc3A010C7d01b50e0d17dc79C8')).toEqual({
      status: 200,
      body: 'shell',
    });
    expect((await get('/address/0x7099.txt')).body).toBe('payload');
  });

  it('survives malformed escapes and never leaves its folder', async () => {
    expect((await get('/%E0%A4%A')).status).toBe(404);
    expect((await get('/../secret.txt')).status).toBe(404);
    expect((await get('/%2e%2e/secret.txt')).status).toBe(404);
    expect((await get('/..%2fout-other.txt')).status).toBe(404);
    expect((await get('/')).status).toBe(200); // still up
  });

  it('publishes no devnet manifest unless given one', async () => {
    expect((await get(DEVNET_MANIFEST_ROUTE)).status).toBe(404);
  });
});
