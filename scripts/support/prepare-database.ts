import { sql } from 'drizzle-orm';
import { closeDatabase, openDatabase, useDatabase } from '@/db/client';
import { lockDataDirectory, type DataDirectoryLock } from '@/db/data-dir-lock';
import { seedIfEmpty, type SeedOutcome } from '@/db/seed/seed-database';
import type { Config } from '@/lib/config';
import { reindexPublishedArticles } from '@/lib/search/search-index';

/**
 * Opens the database, applies migrations and seeds an empty one. For the embedded
 * database the lock is taken here and kept by the caller for its whole life; the
 * returned token lets the server it spawns open the directory it holds.
 */
export async function prepareDatabase({
  config,
  command,
  log,
}: {
  config: Config;
  command: string;
  log: (message: string) => void;
}): Promise<{ lock: DataDirectoryLock | null; seed: SeedOutcome }> {
  let lock: DataDirectoryLock | null = null;
  if (!config.databaseUrl) {
    lock = lockDataDirectory({ dataDir: config.dataDir, command });
    process.env.BYLINE_DB_LOCK_TOKEN = lock.token;
  }
  try {
    const handle = openDatabase({ command, databaseUrl: config.databaseUrl, dataDir: config.dataDir });
    useDatabase(handle);
    log('applying migrations');
    await handle.migrate();
    await reindexPublishedArticles(handle.db, { log: (message) => log(`search: ${message}`) });
    if (handle.kind === 'embedded') {
      // PGlite has no autovacuum: without fresh statistics its planner guesses, and the
      // history of a long-lived article gets slower than it should. Analysing at start is cheap.
      await handle.db.execute(sql`analyze`);
    }
    const seed = await seedIfEmpty(handle.db, { config, onProgress: (message) => log(`seeding: ${message}`) });
    await closeDatabase();
    return { lock, seed };
  } catch (error) {
    await closeDatabase().catch(() => {});
    lock?.release();
    throw error;
  }
}
