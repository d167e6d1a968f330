import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
};

export const DEVNET_MANIFEST_ROUTE = '/layerglass.devnet.json';

export interface ServeOptions {
  /** The static export (`out/`). */
  root: string;
  port: number;
  host?: string;
  /** A devnet manifest to publish at DEVNET_MANIFEST_ROUTE, pointing the app at the devnet. */
  manifestPath?: string;
}

/**
 * Serves the static export on loopback. The one rewrite a host needs: `/address/<anything>` is the
 * single prerendered shell `/address/_`, which reads the address from the URL in the browser.
 */
export function serve(options: ServeOptions): Promise<Server> {
  const root = resolve(options.root);
  const fileFor = (pathname: string): string | null => {
    let decoded: string;
    try {
      decoded = decodeURIComponent(pathname);
    } catch {
      return null; // a malformed escape is simply not a file here
    }
    const clean = normalize(decoded).replace(/^(\.\.[/\\])+/, '');
    const candidates = [join(root, clean), join(root, `${clean}.html`), join(root, clean, 'index.html')];
    const match = /^\/address\/[^/]+(\/.*)?$/.exec(clean);
    if (match) {
      // Every address is the `_` shell: its HTML, its RSC payloads (`_.txt`, `_/__next.*.txt`).
      const rest = match[1] ?? '';
      candidates.splice(0, candidates.length, join(root, 'address', rest ? `_${rest}` : '_.html'));
      if (!rest && clean.endsWith('.txt')) candidates.unshift(join(root, 'address', '_.txt'));
    }
    for (const file of candidates) {
      if (file !== root && !file.startsWith(root + sep)) continue;
      if (existsSync(file) && statSync(file).isFile()) return file;
    }
    return null;
  };
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname === DEVNET_MANIFEST_ROUTE) {
      if (!options.manifestPath || !existsSync(options.manifestPath)) {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, { 'content-type': TYPES['.json'] ?? '', 'cache-control': 'no-store' });
      res.end(readFileSync(options.manifestPath));
      return;
    }
    const file = fileFor(url.pathname === '/' ? '/index.html' : url.pathname);
    if (!file) {
      const notFound = join(root, '404.html');
      res.writeHead(404, { 'content-type': TYPES['.html'] ?? '' });
      if (existsSync(notFound)) createReadStream(notFound).pipe(res);
      else res.end('not found');
      return;
    }
    const immutable = url.pathname.startsWith('/_next/static/');
    res.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
      'x-content-type-options': 'nosniff',
    });
    createReadStream(file).pipe(res);
  });
  return new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? '127.0.0.1', () => resolvePromise(server));
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const port = Number(process.env.PORT ?? 3000);
  const manifestIndex = process.argv.indexOf('--devnet');
  const manifestPath = manifestIndex >= 0 ? process.argv[manifestIndex + 1] : undefined;
  const root = join(fileURLToPath(new URL('..', import.meta.url)), 'out');
  if (!existsSync(join(root, 'index.html'))) {
    console.error('No build in out/: run `npm run build` first.');
    process.exit(1);
  }
  serve({ root, port, ...(manifestPath ? { manifestPath } : {}) }).then(
    () =>
      console.log(
        `Layerglass on http://127.0.0.1:${port}${manifestPath ? ` (devnet: ${manifestPath})` : ''}`,
      ),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}
