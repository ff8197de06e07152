import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { afterAll, beforeAll, inject } from 'vitest';
import { closeDatabase, openPgliteHandle, openServerDatabase, useDatabase, type Database } from '@/db/client';

/**
 * Gives a test file a fresh, migrated database of its own and installs it as the app's
 * database: in-memory PGlite by default, or a new database on the server named by
 * DATABASE_URL (created here, dropped after the file). Call at the top of a test file.
 */
export function useFreshDatabase(): {
  db: () => Database;
  /** The server database's URL, for opening more connections to it (as other app servers would); undefined on PGlite. */
  url: () => string | undefined;
} {
  let database: Database | undefined;
  let databaseUrl: string | undefined;
  let dropServerDatabase: (() => Promise<void>) | undefined;

  beforeAll(async () => {
    const serverUrl = process.env.DATABASE_URL;
    if (serverUrl) {
      const name = `byline_test_${randomBytes(6).toString('hex')}`;
      const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
      await admin.unsafe(`create database ${name}`);
      const url = new URL(serverUrl);
      url.pathname = `/${name}`;
      databaseUrl = url.toString();
      const handle = openServerDatabase(url.toString());
      await handle.migrate();
      useDatabase(handle);
      database = handle.db;
      dropServerDatabase = async () => {
        await admin.unsafe(`drop database if exists ${name} with (force)`);
        await admin.end();
      };
    } else {
      // A copy of the database the global setup migrated (test-support/pglite-template.ts).
      const template = new Blob([fs.readFileSync(inject('pgliteTemplate'))]);
      const handle = openPgliteHandle(await PGlite.create({ loadDataDir: template }));
      await handle.migrate(); // a no-op unless a migration was added since the template
      useDatabase(handle);
      database = handle.db;
    }
  });

  afterAll(async () => {
    await closeDatabase();
    await dropServerDatabase?.();
  });

  return {
    db: () => {
      if (!database) throw new Error('The test database is not ready yet (use it inside tests or hooks).');
      return database;
    },
    url: () => {
      if (!database) throw new Error('The test database is not ready yet (use it inside tests or hooks).');
      return databaseUrl;
    },
  };
}

/** Drizzle wraps a database error ("Failed query: …"); the database's own words are its cause. */
export async function databaseRefusal(attempt: PromiseLike<unknown>): Promise<string> {
  try {
    await attempt;
  } catch (error) {
    const cause = (error as { cause?: unknown }).cause;
    return cause instanceof Error ? cause.message : error instanceof Error ? error.message : String(error);
  }
  throw new Error('Expected the database to refuse, but it accepted.');
}

/**
 * Opens several pooled connections ahead of a race. On a server, a cold pool connects one
 * connection at a time, so operations "started together" would quietly run one after the
 * other; with the connections open they overlap for real. Harmless on PGlite.
 */
export async function openConnections(database: Database, count = 10): Promise<void> {
  await Promise.all(Array.from({ length: count }, () => database.execute(sql`select pg_sleep(0.02)`)));
}

/**
 * Stages a race on the server deterministically: another connection takes a SHARE lock on
 * `table`, so every transaction that then writes to it waits there, holding whatever locks
 * it took before. `waitForWaiters(n)` returns once n sessions of this database wait on a
 * lock; `release()` ends the hold and lets them go on.
 */
export async function holdWritesTo(serverUrl: string, table: string) {
  const client = postgres(serverUrl, { max: 2, onnotice: () => {} });
  const holder = await client.reserve();
  await holder`begin`;
  await holder.unsafe(`lock table ${table} in share mode`);
  return {
    async waitForWaiters(count: number, timeoutMs = 10_000): Promise<void> {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const [row] = await client`
          select count(*)::int as waiting from pg_stat_activity
          where datname = current_database() and wait_event_type = 'Lock'`;
        if ((row?.waiting as number) >= count) return;
        if (Date.now() > deadline) throw new Error(`Expected ${count} sessions waiting on a lock, found ${row?.waiting as number}.`);
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    },
    async release(): Promise<void> {
      await holder`rollback`;
      holder.release();
      await client.end({ timeout: 5 });
    },
  };
}
