import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { TestProject } from 'vitest/node';
import { openPgliteHandle } from '@/db/client';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplate: string;
  }
}

/**
 * Vitest global setup for the integration project: migrates one embedded database and
 * saves its data directory, so each test file starts from a copy (under a second)
 * instead of creating and migrating its own (several seconds).
 */
export default async function setup(project: TestProject): Promise<() => void> {
  if (process.env.DATABASE_URL) {
    project.provide('pgliteTemplate', ''); // each file makes its own database on the server
    return () => {};
  }
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'byline-template-')), 'migrated.tar');
  const client = new PGlite();
  await openPgliteHandle(client).migrate();
  const dump = await client.dumpDataDir('none');
  fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  await client.close();
  project.provide('pgliteTemplate', file);
  return () => fs.rmSync(path.dirname(file), { recursive: true, force: true });
}
