import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { users } from '@/db/schema';
import { attemptPasswordSignIn } from '@/lib/auth/sign-in-service';
import { parseConfig } from '@/lib/config';
import { useFreshDatabase } from '@/test-support/database';
import { seedIfEmpty } from './seed-database';

// Seeding needs an empty database, so this scenario has a file (and a database) of its own.
const { db } = useFreshDatabase();

describe('seeding without a configured admin password', () => {
  it('generates one that signs the admin in', async () => {
    const config = parseConfig({ BYLINE_SEED_DEMO: 'false' });

    const outcome = await seedIfEmpty(db(), { config });

    expect(outcome).toMatchObject({ seeded: true, adminEmail: 'admin@byline.local' });
    const generatedPassword = outcome.seeded ? outcome.generatedPassword : null;
    expect(typeof generatedPassword).toBe('string');
    expect(generatedPassword!.length).toBeGreaterThanOrEqual(12);
    const [admin] = await db().select({ id: users.id }).from(users).where(eq(users.email, 'admin@byline.local'));
    const signedIn = await attemptPasswordSignIn({
      email: 'admin@byline.local',
      password: generatedPassword!,
      address: '192.0.2.20',
      now: new Date('2030-01-01T00:00:00Z'),
      limits: { windowSeconds: 600, maxFailuresPerAccount: 3, maxFailuresPerAddress: 10 },
    });
    expect(signedIn).toMatchObject({ id: admin!.id, role: 'admin', email: 'admin@byline.local' });
  });
});
