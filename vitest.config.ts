import path from 'node:path';
import { defineConfig } from 'vitest/config';

const root = import.meta.dirname;
const alias = {
  '@': root,
  // Services import 'server-only' so a client bundle can never pull them in; under test
  // they run in plain Node, where the guard has nothing to guard.
  'server-only': path.join(root, 'test-support', 'server-only-stub.ts'),
};

/**
 * Two projects: `unit` for pure rules (fast, no I/O) and `integration` for services on a
 * real Postgres engine: in-memory PGlite by default, the server named by DATABASE_URL
 * when set (each test file then gets a database of its own).
 */
export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: 'unit',
          include: ['{lib,db,components,scripts}/**/*.test.{ts,tsx}'],
          exclude: ['**/*.integration.test.{ts,tsx}', 'node_modules/**'],
          environment: 'node',
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'integration',
          include: ['{lib,db,scripts}/**/*.integration.test.{ts,tsx}'],
          globalSetup: ['test-support/pglite-template.ts'],
          environment: 'node',
          testTimeout: 30_000,
          hookTimeout: 60_000,
          // Two cores: two files at a time, each with its own database; after the unit tests.
          maxWorkers: 2,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
