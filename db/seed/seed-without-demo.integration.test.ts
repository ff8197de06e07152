import { count } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { articles, revisions, sections, users } from '@/db/schema';
import { parseConfig } from '@/lib/config';
import { useFreshDatabase } from '@/test-support/database';
import { seedIfEmpty } from './seed-database';

// Seeding needs an empty database, so this scenario has a file (and a database) of its own.
const { db } = useFreshDatabase();

describe('seeding with BYLINE_SEED_DEMO=false', () => {
  it('creates only the admin', async () => {
    const config = parseConfig({
      BYLINE_ADMIN_EMAIL: 'chief@test.example',
      BYLINE_ADMIN_PASSWORD: 'seeded admin passphrase',
      BYLINE_SEED_DEMO: 'false',
    });

    const outcome = await seedIfEmpty(db(), { config });

    expect(outcome).toEqual({ seeded: true, adminEmail: 'chief@test.example', generatedPassword: null, articles: 0 });
    const everyone = await db().select({ email: users.email, role: users.role }).from(users);
    expect(everyone).toEqual([{ email: 'chief@test.example', role: 'admin' }]);
    for (const table of [sections, articles, revisions]) {
      const [row] = await db().select({ n: count() }).from(table);
      expect(row!.n).toBe(0);
    }
  });
});
