import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHAIN_IDS, CHAINS } from '../lib/chains/registry';
import { inlineHashes } from './headers';
import { DEVNET_MANIFEST_ROUTE, negotiateEncoding, serve } from './serve';

const INLINE_SCRIPT = "document.documentElement.classList.toggle('dark',true)";
const STYLE_ATTRIBUTE = 'background-color:#ff0420';
const APP_JS = `console.log(${JSON.stringify('x'.repeat(4000))});`;
const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

async function startServer(manifestPath?: string) {
  const parent = mkdtempSync(join(tmpdir(), 'layerglass-serve-'));
  const root = join(parent, 'out');
  mkdirSync(join(root, 'address'), { recursive: true });
  mkdirSync(join(root, '_next', 'static', 'chunks'), { recursive: true });
  writeFileSync(
    join(root, 'index.html'),
    `<html><head><script>${INLINE_SCRIPT}</script><script src="/_next/static/chunks/app.js" async=""></script></head><body><span style="${STYLE_ATTRIBUTE}">home</span></body></html>`,
  );
  writeFileSync(join(root, '_next', 'static', 'chunks', 'app.js'), APP_JS);
  writeFileSync(join(root, '404.html'), 'missing');
  writeFileSync(join(root, 'address', '_.html'), 'shell');
  writeFileSync(join(root, 'address', '_.txt'), 'payload');
  writeFileSync(join(parent, 'secret.txt'), 'secret');
  writeFileSync(join(parent, 'out-other.txt'), 'sibling');
  const server = await serve({ root, port: 0, ...(manifestPath ? { manifestPath } : {}) });
  return { server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, parent };
}

/** A raw GET (Node's fetch would decode the body and hide the encoding). */
function rawGet(url: string, headers: Record<string, string> = {}) {
  return new Promise<{
    status: number;
    headers: Record<string, string | string[] | undefined>;
    body: Buffer;
  }>((resolve, reject) => {
    request(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
      );
    })
      .on('error', reject)
      .end();
  });
}

describe('scripts/serve', () => {
  let base = '';
  let close = () => {};
  beforeAll(async () => {
    const started = await startServer();
    base = started.base;
    close = () => started.server.close();
  });
  afterAll(() => close());

  const get = async (path: string) => {
    const response = await fetch(`${base}${path}`);
    return { status: response.status, body: await response.text() };
  };

  it('serves every address from the one shell, and its RSC payload', async () => {
    expect((await get('/')).status).toBe(200);
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

  it('sends the security headers on every response, 404s included', async () => {
    for (const path of ['/', '/_next/static/chunks/app.js', '/nowhere', DEVNET_MANIFEST_ROUTE, '/%E0%A4%A']) {
      const { headers } = await rawGet(`${base}${path}`);
      expect(headers['x-content-type-options'], path).toBe('nosniff');
      expect(headers['referrer-policy'], path).toBe('no-referrer');
      expect(headers['permissions-policy'], path).toMatch(/camera=\(\).*geolocation=\(\).*microphone=\(\)/);
      const csp = String(headers['content-security-policy']);
      expect(csp, path).toContain("frame-ancestors 'none'");
      expect(csp, path).not.toContain("'unsafe-eval'");
      expect(csp, path).not.toContain("'unsafe-inline'");
    }
  });

  it('allows exactly the inline scripts and style attributes of the export, by hash', async () => {
    const csp = String((await rawGet(`${base}/`)).headers['content-security-policy']);
    const directive = (name: string) =>
      csp
        .split(';')
        .map((d) => d.trim())
        .find((d) => d.startsWith(`${name} `))
        ?.split(' ')
        .slice(1);
    expect(directive('script-src')).toEqual(["'self'", sha256(INLINE_SCRIPT)]);
    expect(directive('style-src')).toEqual(["'self'", "'unsafe-hashes'", sha256(STYLE_ATTRIBUTE)]);
    expect(directive('default-src')).toEqual(["'none'"]);
    // Without a devnet: only the app's own origin and the public RPCs of the chain registry (every fallback too).
    expect(directive('connect-src')).toEqual([
      "'self'",
      ...CHAIN_IDS.flatMap((id) => CHAINS[id].rpcUrls.map((url) => new URL(url).origin)),
    ]);
  });

  it('compresses with brotli or gzip as the client accepts, and leaves the bytes intact', async () => {
    const path = `${base}/_next/static/chunks/app.js`;
    const br = await rawGet(path, { 'accept-encoding': 'gzip, deflate, br' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toBe('accept-encoding');
    expect(br.body.length).toBeLessThan(APP_JS.length / 10);
    expect(brotliDecompressSync(br.body).toString()).toBe(APP_JS);
    const gz = await rawGet(path, { 'accept-encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.body).toString()).toBe(APP_JS);
    const plain = await rawGet(path, { 'accept-encoding': 'identity' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toBe(APP_JS);
    const missing = await rawGet(`${base}/nowhere`, { 'accept-encoding': 'br' });
    expect(missing.status).toBe(404);
    expect(brotliDecompressSync(missing.body).toString()).toBe('missing');
  });
});

describe('scripts/serve with a devnet', () => {
  it('lets the page reach exactly the devnet chains of the manifest', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'layerglass-manifest-'));
    const manifestPath = join(dir, 'devnet.json');
    const chains = Object.fromEntries(
      CHAIN_IDS.map((id, i) => [id, { rpcUrl: `http://127.0.0.1:${9500 + i}`, contracts: {}, tokens: {} }]),
    );
    writeFileSync(manifestPath, JSON.stringify({ chains, accounts: {} }));
    const { server, base } = await startServer(manifestPath);
    try {
      const { headers, status } = await rawGet(`${base}${DEVNET_MANIFEST_ROUTE}`);
      expect(status).toBe(200);
      const connect = String(headers['content-security-policy'])
        .split(';')
        .map((d) => d.trim())
        .find((d) => d.startsWith('connect-src '));
      for (const i of [0, 1, 2]) expect(connect).toContain(` http://127.0.0.1:${9500 + i}`);
      expect(connect).not.toContain('127.0.0.1:*');
    } finally {
      server.close();
    }
  });
});

describe('inline hashes', () => {
  it('hashes script bodies raw and style attributes after decoding character references', () => {
    const h = inlineHashes(
      '<script>a&amp;b</script><script src="/x.js"></script><script type="module" async>c()</script><p style="font-family:&quot;A&quot;">',
    );
    expect(h.scripts).toEqual([sha256('a&amp;b'), sha256('c()')].sort());
    expect(h.styleAttributes).toEqual([sha256('font-family:"A"')]);
  });

  it('negotiates brotli over gzip, and honours q=0', () => {
    expect(negotiateEncoding('gzip, deflate, br, zstd')).toBe('br');
    expect(negotiateEncoding('gzip;q=1.0, br;q=0')).toBe('gzip');
    expect(negotiateEncoding('identity')).toBeNull();
    expect(negotiateEncoding(undefined)).toBeNull();
  });
});
