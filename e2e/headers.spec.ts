import { createHash } from 'node:crypto';
import { CHAIN_IDS } from '../lib/chains/registry';
import { expect, test } from './fixtures';
import { E2E_EXTRA_CONNECT_SRC } from './global-setup';

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

function directive(csp: string, name: string): string[] {
  const found = csp
    .split(';')
    .map((d) => d.trim())
    .find((d) => d.startsWith(`${name} `));
  return found ? found.split(/\s+/).slice(1) : [];
}

test('the served app sends its security headers on every page, 404s and the manifest included', async ({
  request,
  manifest,
  demo,
}) => {
  for (const path of ['/', `/address/${demo}`, '/fees', '/no-such-page', '/layerglass.devnet.json']) {
    const response = await request.get(path);
    const headers = response.headers();
    expect(headers['x-content-type-options'], path).toBe('nosniff');
    expect(headers['referrer-policy'], path).toBe('no-referrer');
    expect(headers['permissions-policy'], path).toContain('camera=()');
    const csp = headers['content-security-policy'] ?? '';
    expect(directive(csp, 'frame-ancestors'), path).toEqual(["'none'"]);
    expect(directive(csp, 'default-src'), path).toEqual(["'none'"]);
    expect(csp, path).not.toContain('unsafe-eval');
    expect(directive(csp, 'script-src'), path).not.toContain("'unsafe-inline'");
    // connect-src: the app itself, the public RPCs, and this devnet's chains; no wildcard.
    const connect = directive(csp, 'connect-src');
    for (const id of CHAIN_IDS)
      expect(connect, path).toContain(new URL(manifest.chains[`${id}`].rpcUrl).origin);
    // The harness's own addition (E2E_EXTRA_CONNECT_SRC: loopback fault proxies) is the only wildcard allowed.
    expect(
      connect.filter(
        (s) => (s.includes('*') || s === 'https:' || s === 'http:') && !E2E_EXTRA_CONNECT_SRC.includes(s),
      ),
      path,
    ).toEqual([]);
    if (response.status() === 200 && (headers['content-type'] ?? '').startsWith('text/html')) {
      // Every inline script of the page as served is allowed by its hash.
      const html = await response.text();
      const inline = [...html.matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g)]
        .map((m) => m[1] ?? '')
        .filter((b) => b.length > 0);
      expect(inline.length, path).toBeGreaterThan(0);
      for (const body of inline) expect(directive(csp, 'script-src'), path).toContain(sha256(body));
    }
  }
  expect((await request.get('/no-such-page')).status()).toBe(404);
});

test('pages and scripts are sent compressed', async ({ request }) => {
  const home = await request.get('/', { headers: { 'accept-encoding': 'br, gzip' } });
  expect(home.headers()['content-encoding']).toBe('br');
  const html = await home.text();
  const script = /src="(\/_next\/static\/chunks\/[^"]+\.js)"/.exec(html)?.[1];
  expect(script).toBeTruthy();
  const js = await request.get(script ?? '', { headers: { 'accept-encoding': 'gzip' } });
  expect(js.headers()['content-encoding']).toBe('gzip');
  expect(js.headers()['cache-control']).toContain('immutable');
});
