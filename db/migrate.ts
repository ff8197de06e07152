import path from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';

// Resolved from the project root (npm scripts run there), not import.meta.url, so that
// bundlers never try to follow the folder.
const migrationsFolder = path.join(process.cwd(), 'db', 'migrations');

// Any fixed number: app servers starting at once take turns to migrate.
const MIGRATION_LOCK_KEY = 47_112_025;

/** Applies the committed drizzle-kit migrations to an embedded database. */
export async function migrateEmbeddedDatabase(client: PGlite): Promise<void> {
  await migratePglite(drizzlePglite(client), { migrationsFolder });
}

/**
 * Applies the same migrations to a Postgres server. One dedicated connection holds a
 * session advisory lock for the whole run, so concurrent starts never race.
 */
export async function migrateServerDatabase(databaseUrl: string): Promise<void> {
  const connection = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  try {
    await connection`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`;
    await migratePostgres(drizzlePostgres(connection), { migrationsFolder });
    await connection`select pg_advisory_unlock(${MIGRATION_LOCK_KEY})`;
  } finally {
    await connection.end({ timeout: 5 });
  }
}
