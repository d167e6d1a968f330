import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const ROOT = join(import.meta.dirname, '..');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.(ts|tsx)$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

/**
 * Every line of the app's runtime code (app/, components/, lib/; tests excluded) that matches `pattern`,
 * as `file:line: text`: what the source-scanning tests (read-only, oracle imports) report.
 */
export function runtimeLinesMatching(pattern: RegExp): string[] {
  const hits: string[] = [];
  for (const dir of ['app', 'components', 'lib']) {
    for (const file of sources(join(ROOT, dir))) {
      readFileSync(file, 'utf8')
        .split('\n')
        .forEach((line, i) => {
          if (pattern.test(line)) hits.push(`${relative(ROOT, file)}:${i + 1}: ${line.trim()}`);
        });
    }
  }
  return hits;
}
