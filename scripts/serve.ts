import { existsSync, readFileSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import {
  createServer,
  type IncomingMessage,
  type OutgoingHttpHeaders,
  type Server,
  type ServerResponse,
} from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { brotliCompress, gzip as gzipCallback, constants as zlib } from 'node:zlib';
import { parseManifest } from '../lib/chains/manifest';
import {
  configuredRpcUrls,
  connectSources,
  contentSecurityPolicy,
  devnetRpcUrlsOf,
  exportHashes,
  extraConnectSources,
  securityHeaders,
} from './headers';

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
  /**
   * More connect-src sources than the configured RPCs (and `LAYERGLASS_CSP_CONNECT_SRC`), e.g. a test's
   * fault proxy that the page is pointed at through Settings.
   */
  extraConnectSrc?: readonly string[];
}

const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.json', '.svg', '.txt']);

type Encoding = 'br' | 'gzip' | null;

/** The encoding to answer with: brotli when accepted, else gzip, else none (q=0 refuses). */
export function negotiateEncoding(accept: string | undefined): Encoding {
  const accepted = new Set(
    (accept ?? '')
      .split(',')
      .map((part) => part.trim().split(';'))
      .filter(([, q]) => !q || Number(q.trim().replace(/^q=/, '')) > 0)
      .map(([name]) => (name ?? '').trim().toLowerCase()),
  );
  if (accepted.has('br')) return 'br';
  if (accepted.has('gzip') || accepted.has('*')) return 'gzip';
  return null;
}

const brotli = promisify(brotliCompress);
const gzip = promisify(gzipCallback);

/**
 * Compressed bodies, made once per file version (the export is static), off the event loop so a first
 * request for a large chunk never stalls the others.
 */
const compressed = new Map<string, { mtimeMs: number; br?: Promise<Buffer>; gzip?: Promise<Buffer> }>();

async function body(file: string, encoding: Encoding): Promise<Buffer> {
  const raw = await readFile(file);
  if (!encoding) return raw;
  const { mtimeMs } = statSync(file);
  let entry = compressed.get(file);
  if (!entry || entry.mtimeMs !== mtimeMs) {
    entry = { mtimeMs };
    compressed.set(file, entry);
  }
  if (encoding === 'br')
    entry.br ??= brotli(raw, {
      params: { [zlib.BROTLI_PARAM_QUALITY]: 9, [zlib.BROTLI_PARAM_SIZE_HINT]: raw.length },
    });
  else entry.gzip ??= gzip(raw, { level: 9 });
  return (await (encoding === 'br' ? entry.br : entry.gzip)) ?? raw;
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
  // One policy for the whole export, computed from this build's pages and the RPCs it may talk to.
  const devnetRpcUrls =
    options.manifestPath && existsSync(options.manifestPath)
      ? devnetRpcUrlsOf(parseManifest(JSON.parse(readFileSync(options.manifestPath, 'utf8'))))
      : [];
  const csp = contentSecurityPolicy(
    exportHashes(root),
    connectSources(
      [...configuredRpcUrls(), ...devnetRpcUrls],
      [...extraConnectSources(), ...(options.extraConnectSrc ?? [])],
    ),
  );
  const security = securityHeaders(csp);

  const send = async (
    req: IncomingMessage,
    res: ServerResponse,
    status: number,
    file: string | null,
    headers: OutgoingHttpHeaders,
  ) => {
    const type = file ? extname(file) : '.txt';
    const encoding =
      file && COMPRESSIBLE.has(type) ? negotiateEncoding(req.headers['accept-encoding']) : null;
    const payload = file ? await body(file, encoding) : Buffer.from('not found');
    res.writeHead(status, {
      ...security,
      'content-type': TYPES[type] ?? 'application/octet-stream',
      ...(file && COMPRESSIBLE.has(type) ? { vary: 'accept-encoding' } : {}),
      ...(encoding ? { 'content-encoding': encoding } : {}),
      'content-length': payload.length,
      ...headers,
    });
    res.end(req.method === 'HEAD' ? undefined : payload);
  };

  const respond = (...args: Parameters<typeof send>) => {
    const res = args[1];
    send(...args).catch(() => {
      if (res.headersSent) res.destroy();
      else res.writeHead(500, security).end();
    });
  };

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname === DEVNET_MANIFEST_ROUTE) {
      if (!options.manifestPath || !existsSync(options.manifestPath)) {
        respond(req, res, 404, null, {});
        return;
      }
      respond(req, res, 200, options.manifestPath, { 'cache-control': 'no-store' });
      return;
    }
    const file = fileFor(url.pathname === '/' ? '/index.html' : url.pathname);
    if (!file) {
      const notFound = join(root, '404.html');
      respond(req, res, 404, existsSync(notFound) ? notFound : null, { 'cache-control': 'no-cache' });
      return;
    }
    const immutable = url.pathname.startsWith('/_next/static/');
    respond(req, res, 200, file, {
      'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    });
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
