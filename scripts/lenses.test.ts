import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { bytecodePath, lensModule, lensSources } from './lenses';

const ROOT = resolve(fileURLToPath(import.meta.url), '..', '..');

describe('committed lens bytecode', () => {
  const sources = lensSources();
  it('finds the lenses (the dispatcher at least)', () => {
    expect(sources).toContain('lib/chains/lens/ReadDispatcher.sol');
  });
  it.each(sources)(
    '%s: recompiled with npm solc, equals what is committed',
    (path) => {
      const expected = lensModule(path);
      const file = join(ROOT, bytecodePath(path));
      if (expected === null) {
        expect(existsSync(file), `${file} has no source contract any more`).toBe(false);
        return;
      }
      expect(existsSync(file), `run \`npm run lenses\` to write ${bytecodePath(path)}`).toBe(true);
      expect(readFileSync(file, 'utf8')).toBe(expected);
    },
    60_000,
  );
});
