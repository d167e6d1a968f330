import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/** The `@/…` imports of components (tsconfig `paths`). */
const alias = [{ find: /^@\//, replacement: fileURLToPath(new URL('./', import.meta.url)) }];

export default defineConfig({
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: 'unit',
          include: [
            'lib/**/*.test.ts',
            'devnet/**/*.test.ts',
            'scripts/**/*.test.ts',
            'components/**/*.test.tsx',
            'components/**/*.test.ts',
          ],
          exclude: ['**/*.integration.test.ts', '**/node_modules/**'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'integration',
          include: ['**/*.integration.test.ts'],
          exclude: ['**/node_modules/**'],
          environment: 'node',
          globalSetup: ['devnet/vitest.setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // One devnet is shared by every file; files that send transactions use their own snapshot.
          fileParallelism: false,
        },
      },
    ],
  },
});
