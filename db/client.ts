import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import postgres from 'postgres';
import { getConfig } from '@/lib/config';
import { lockDataDirectory } from './data-dir-lock';
import { migrateEmbeddedDatabase, migrateServerDatabase } from './migrate';
import * as schema from './schema';

export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;
export type Transaction = Parameters<Parameters<Database['transaction']>[0]>[0];
/** Either the database or an open transaction: for reads that may run inside one. */
export type Executor = Database | Transaction;

export type DatabaseHandle = {
  db: Database;
  kind: 'embedded' | 'server';
  /** Applies the committed migrations (idempotent). */
  migrate(): Promise<void>;
  close(): Promise<void>;
};

// Kept on globalThis so that `next dev` module reloads reuse one connection (and one lock).
const store = globalThis as typeof globalThis & { __bylineDatabase?: DatabaseHandle };

/** The application's database, opened on first use from the environment. */
export function getDb(): Database {
  if (!store.__bylineDatabase) {
    const { databaseUrl, dataDir } = getConfig();
    store.__bylineDatabase = openDatabase({ command: 'byline server', databaseUrl, dataDir });
  }
  return store.__bylineDatabase.db;
}

/** Installs a database for this process (tests, scripts). */
export function useDatabase(handle: DatabaseHandle): void {
  store.__bylineDatabase = handle;
}

export async function closeDatabase(): Promise<void> {
  const handle = store.__bylineDatabase;
  store.__bylineDatabase = undefined;
  await handle?.close();
}

/** Opens the server named by `databaseUrl`, else the embedded database in `dataDir`. */
export function openDatabase({
  command,
  databaseUrl,
  dataDir,
}: {
  command: string;
  databaseUrl: string | undefined;
  dataDir: string;
}): DatabaseHandle {
  // `next build` prerenders pages; nothing it renders may open (and lock) the database.
  if (process.env.NEXT_PHASE === 'phase-production-build') {
    throw new Error('Byline does not open its database during `next build`.');
  }
  if (databaseUrl) return openServerDatabase(databaseUrl);
  return openEmbeddedDatabase({ dataDir, command });
}

export function openServerDatabase(databaseUrl: string): DatabaseHandle {
  const client = postgres(databaseUrl, { max: 10, onnotice: () => {} });
  return {
    db: drizzlePostgres(client, { schema }) as unknown as Database,
    kind: 'server',
    migrate: () => migrateServerDatabase(databaseUrl),
    close: () => client.end({ timeout: 5 }),
  };
}

function openEmbeddedDatabase({ dataDir, command }: { dataDir: string; command: string }): DatabaseHandle {
  const lock = lockDataDirectory({
    dataDir,
    command,
    inheritedToken: process.env.BYLINE_DB_LOCK_TOKEN,
  });
  const client = new PGlite(path.join(dataDir, 'pgdata'));
  return openPgliteHandle(client, async () => {
    await client.close();
    lock.release();
  });
}

/** Wraps a PGlite instance (also an in-memory one, for tests). */
export function openPgliteHandle(client: PGlite, close: () => Promise<void> = () => client.close()): DatabaseHandle {
  return {
    db: drizzlePglite(client, { schema }) as unknown as Database,
    kind: 'embedded',
    migrate: () => migrateEmbeddedDatabase(client),
    close,
  };
}
