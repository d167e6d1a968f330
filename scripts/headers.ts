/**
 * The security headers of the served app (scripts/serve.ts) and of the headers file for static hosts
 * (`out/_headers`, written after `next build`). One policy for the whole export: the union of every
 * page's inline-script hashes, so a client-side navigation never meets a script its document's policy
 * does not allow.
 */

import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DevnetManifest } from '../lib/chains/manifest';
import { CHAIN_IDS, CHAINS } from '../lib/chains/registry';
import { rpcOverridesFromEnv } from '../lib/chains/rpc';

export interface InlineHashes {
  /** `'sha256-…'` of every inline `<script>` body. */
  scripts: string[];
  /** `'sha256-…'` of every `style="…"` attribute value (allowed with `'unsafe-hashes'`). */
  styleAttributes: string[];
  /** `'sha256-…'` of every inline `<style>` body. */
  styles: string[];
}

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/** Attribute values are hashed as the browser sees them: after character references are decoded. */
function decodeAttribute(value: string): string {
  return value.replace(/&(#x[0-9a-f]+|#\d+|amp|quot|apos|lt|gt|#39);/gi, (_, ref: string) => {
    const r = ref.toLowerCase();
    if (r.startsWith('#x')) return String.fromCodePoint(Number.parseInt(r.slice(2), 16));
    if (r.startsWith('#')) return String.fromCodePoint(Number.parseInt(r.slice(1), 10));
    return { amp: '&', quot: '"', apos: "'", lt: '<', gt: '>' }[r] ?? '';
  });
}

/** The hashes of one HTML document's inline scripts, inline styles and style attributes. */
export function inlineHashes(html: string): InlineHashes {
  const scripts = [...html.matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/gi)]
    .map((m) => m[1] ?? '')
    .filter((body) => body.length > 0);
  const styles = [...html.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/gi)].map((m) => m[1] ?? '');
  const attributes = [...html.matchAll(/\sstyle="([^"]*)"/gi)].map((m) => decodeAttribute(m[1] ?? ''));
  const unique = (xs: string[]) => [...new Set(xs.map(sha256))].sort();
  return { scripts: unique(scripts), styles: unique(styles), styleAttributes: unique(attributes) };
}

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === '_next' ? [] : htmlFiles(path);
    return entry.name.endsWith('.html') ? [path] : [];
  });
}

/** The union of the inline hashes of every page of the static export in `root` (out/). */
export function exportHashes(root: string): InlineHashes {
  const all: InlineHashes = { scripts: [], styles: [], styleAttributes: [] };
  for (const file of htmlFiles(root)) {
    const h = inlineHashes(readFileSync(file, 'utf8'));
    all.scripts.push(...h.scripts);
    all.styles.push(...h.styles);
    all.styleAttributes.push(...h.styleAttributes);
  }
  const unique = (xs: string[]) => [...new Set(xs)].sort();
  return {
    scripts: unique(all.scripts),
    styles: unique(all.styles),
    styleAttributes: unique(all.styleAttributes),
  };
}

/** `scheme://host[:port]` of a URL, as a CSP source; null for anything but http(s). */
export function originSource(url: string): string | null {
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.origin : null;
  } catch {
    return null;
  }
}

/**
 * Where the browser may send requests: the app's own origin (the devnet manifest) and the RPC URLs
 * the app is configured with: the public defaults, build-time `NEXT_PUBLIC_LAYERGLASS_RPC_*`, a
 * served devnet's chains, and `extra` (sources as written, e.g. `https:` to allow any user-set RPC).
 */
export function connectSources(rpcUrls: readonly string[], extra: readonly string[] = []): string[] {
  const origins = rpcUrls.map(originSource).filter((o): o is string => o !== null);
  return ["'self'", ...new Set([...origins, ...extra])];
}

/** A served devnet's RPC URLs: its three chains and its local chain 1 (ENS) when it has one. */
export function devnetRpcUrlsOf(manifest: DevnetManifest): string[] {
  return [
    ...Object.values(manifest.chains).map((c) => c.rpcUrl),
    ...(manifest.l1 ? [manifest.l1.rpcUrl] : []),
  ];
}

/** The mainnet RPC URLs the build is configured with (defaults and build-time overrides). */
export function configuredRpcUrls(env: Record<string, string | undefined> = process.env): string[] {
  const overrides = rpcOverridesFromEnv(env, 'NEXT_PUBLIC_LAYERGLASS_RPC_');
  return CHAIN_IDS.flatMap((id) => [...CHAINS[id].rpcUrls, ...(overrides[id] ? [overrides[id]] : [])]);
}

/** Extra connect-src sources from `LAYERGLASS_CSP_CONNECT_SRC` (space-separated), e.g. `https:`. */
export function extraConnectSources(env: Record<string, string | undefined> = process.env): string[] {
  return (env.LAYERGLASS_CSP_CONNECT_SRC ?? '').split(/\s+/).filter((s) => s.length > 0);
}

export function contentSecurityPolicy(hashes: InlineHashes, connect: readonly string[]): string {
  const styleHashes = [...hashes.styles, ...hashes.styleAttributes];
  return [
    "default-src 'none'",
    `script-src 'self' ${hashes.scripts.join(' ')}`.trim(),
    `style-src 'self'${hashes.styleAttributes.length > 0 ? " 'unsafe-hashes'" : ''} ${styleHashes.join(' ')}`.trim(),
    // Wallet icons are data: URIs announced by the wallet (EIP-6963).
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src ${connect.join(' ')}`,
    "manifest-src 'self'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** Every feature the app does not use, switched off (names Chromium knows, so no console warnings). */
export const PERMISSIONS_POLICY = [
  'accelerometer=()',
  'autoplay=()',
  'camera=()',
  'display-capture=()',
  'encrypted-media=()',
  'geolocation=()',
  'gyroscope=()',
  'hid=()',
  'magnetometer=()',
  'microphone=()',
  'midi=()',
  'payment=()',
  'publickey-credentials-get=()',
  'screen-wake-lock=()',
  'serial=()',
  'usb=()',
  'xr-spatial-tracking=()',
].join(', ');

/** The headers every response carries (404s and the devnet manifest included). */
export function securityHeaders(csp: string): Record<string, string> {
  return {
    'content-security-policy': csp,
    'referrer-policy': 'no-referrer',
    'x-content-type-options': 'nosniff',
    'permissions-policy': PERMISSIONS_POLICY,
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-resource-policy': 'same-origin',
    'x-frame-options': 'DENY',
  };
}

/** The `_headers` file (Netlify / Cloudflare Pages format) for a static host serving `root`. */
export function headersFile(root: string, env: Record<string, string | undefined> = process.env): string {
  const csp = contentSecurityPolicy(
    exportHashes(root),
    connectSources(configuredRpcUrls(env), extraConnectSources(env)),
  );
  const headers = {
    ...securityHeaders(csp),
    // Static hosts serve HTTPS; a local `npm start` is plain loopback HTTP, where this header means nothing.
    'strict-transport-security': 'max-age=31536000',
  };
  const lines = Object.entries(headers).map(([name, value]) => `  ${name}: ${value}`);
  return [
    '# Written by scripts/headers.ts after `next build`: the CSP hashes are those of this build.',
    '/*',
    ...lines,
    '/_next/static/*',
    '  cache-control: public, max-age=31536000, immutable',
    '',
  ].join('\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const root = join(fileURLToPath(new URL('..', import.meta.url)), 'out');
  writeFileSync(join(root, '_headers'), headersFile(root));
  console.log(`wrote ${join(root, '_headers')}`);
}
