import { count } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { Database } from '@/db/client';
import { articles, articleSlugs, auditEvents, publications, revisions, sections, users, workingCopies } from '@/db/schema';
import { parseConfig } from '@/lib/config';
import { useFreshDatabase } from '@/test-support/database';
import { seedIfEmpty } from './seed-database';

// Seeding needs an empty database, so this scenario has a file (and a database) of its own.
const { db } = useFreshDatabase();

async function rowCounts(database: Database) {
  const tables = { articles, articleSlugs, auditEvents, publications, revisions, sections, users, workingCopies };
  const counts: Record<string, number> = {};
  for (const [name, table] of Object.entries(tables)) {
    const [row] = await database.select({ n: count() }).from(table);
    counts[name] = row!.n;
  }
  return counts;
}

describe('seeding a database that already has users', () => {
  it('seeds nothing and adds no rows', async () => {
    const config = parseConfig({ BYLINE_ADMIN_EMAIL: 'chief@test.example', BYLINE_ADMIN_PASSWORD: 'seeded admin passphrase' });
    await seedIfEmpty(db(), { config });
    const before = await rowCounts(db());

    const second = await seedIfEmpty(db(), { config });

    expect(second).toEqual({ seeded: false });
    expect(await rowCounts(db())).toEqual(before);
    expect(before.users).toBeGreaterThan(0);
  });
});
