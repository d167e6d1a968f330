import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const OUT = join(import.meta.dirname, '..', '..', 'out');

/** First-load JavaScript of each page of the static export: the scripts its HTML loads, raw and gzipped. */
export async function benchBundle(): Promise<void> {
  const pages = [
    ['/', 'index.html'],
    ['/address/[address]', join('address', '_.html')],
    ['/fees', 'fees.html'],
  ] as const;
  let found = false;
  for (const [route, file] of pages) {
    let html: string;
    try {
      html = readFileSync(join(OUT, file), 'utf8');
    } catch {
      continue;
    }
    found = true;
    const scripts = [
      ...new Set([...html.matchAll(/src="(\/_next\/static\/[^"]+\.js)"/g)].map((m) => m[1] ?? '')),
    ];
    let raw = 0;
    let gz = 0;
    for (const src of scripts) {
      const body = readFileSync(join(OUT, src));
      raw += body.length;
      gz += gzipSync(body, { level: 9 }).length;
    }
    console.log(
      `${route.padEnd(20)} first-load JS ${(gz / 1024).toFixed(1)} KiB gzipped (${(raw / 1024).toFixed(1)} KiB raw, ${scripts.length} files)`,
    );
  }
  if (!found) {
    console.log('no build in out/: run `npm run build` first for bundle figures');
    return;
  }
  const all = readdirSync(join(OUT, '_next', 'static', 'chunks')).filter((f) => f.endsWith('.js'));
  const total = all.reduce((a, f) => a + statSync(join(OUT, '_next', 'static', 'chunks', f)).size, 0);
  console.log(`all JS chunks: ${(total / 1024).toFixed(1)} KiB raw in ${all.length} files`);
}
