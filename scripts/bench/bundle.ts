import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** The build measured: out/, or another export (`LAYERGLASS_BENCH_OUT`, e.g. a copy of an earlier build). */
const OUT = process.env.LAYERGLASS_BENCH_OUT ?? join(import.meta.dirname, '..', '..', 'out');

export const PAGES = [
  ['/', 'index.html'],
  ['/address/[address]', join('address', '_.html')],
  ['/fees', 'fees.html'],
  ['404', '404.html'],
] as const;

export interface FirstLoad {
  route: string;
  /** Scripts a modern browser runs on a first visit (module-capable: `noModule` scripts skipped). */
  modern: { files: number; raw: number; gzip: number };
  /** The `noModule` polyfill, loaded only by browsers without ES modules; not in `modern`. */
  nomodule: { files: number; gzip: number };
}

/** First-load JavaScript of each page of the static export: the scripts its HTML loads, gzipped at level 9. */
export function firstLoadJs(root = OUT): FirstLoad[] {
  const out: FirstLoad[] = [];
  for (const [route, file] of PAGES) {
    let html: string;
    try {
      html = readFileSync(join(root, file), 'utf8');
    } catch {
      continue;
    }
    const tags = [
      ...new Map(
        [...html.matchAll(/<script[^>]*\ssrc="(\/_next\/static\/[^"]+\.js)"[^>]*>/g)].map((m) => [
          m[1] ?? '',
          m[0],
        ]),
      ),
    ];
    const entry: FirstLoad = {
      route,
      modern: { files: 0, raw: 0, gzip: 0 },
      nomodule: { files: 0, gzip: 0 },
    };
    for (const [src, tag] of tags) {
      const body = readFileSync(join(root, src));
      const gz = gzipSync(body, { level: 9 }).length;
      if (/\snomodule/i.test(tag)) {
        entry.nomodule.files += 1;
        entry.nomodule.gzip += gz;
      } else {
        entry.modern.files += 1;
        entry.modern.raw += body.length;
        entry.modern.gzip += gz;
      }
    }
    out.push(entry);
  }
  return out;
}

const kib = (n: number) => (n / 1024).toFixed(1);

/** Prints the first-load JS of each page of the existing out/ build (nothing is built here). */
export async function benchBundle(): Promise<void> {
  const pages = firstLoadJs();
  if (pages.length === 0) {
    console.log('no build in out/: run `npm run build` first for bundle figures');
    return;
  }
  console.log('first-load JS, modern browsers (gzip -9; the nomodule polyfill is NOT counted, shown apart):');
  for (const p of pages) {
    console.log(
      `  ${p.route.padEnd(20)} ${kib(p.modern.gzip).padStart(6)} KiB gzip (${kib(p.modern.raw)} KiB raw, ${p.modern.files} files)` +
        `  + nomodule polyfill ${kib(p.nomodule.gzip)} KiB for legacy browsers`,
    );
  }
  const chunks = join(OUT, '_next', 'static', 'chunks');
  const all = readdirSync(chunks).filter((f) => f.endsWith('.js'));
  const total = all.reduce((a, f) => a + statSync(join(chunks, f)).size, 0);
  console.log(`all JS chunks: ${kib(total)} KiB raw in ${all.length} files (lazy chunks included)`);
}
