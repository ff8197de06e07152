import { asc, count, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { articles, revisions, sections, users } from '@/db/schema';
import { findPublishedArticle, listLatestPublished } from '@/lib/articles/public-articles';
import { attemptPasswordSignIn } from '@/lib/auth/sign-in-service';
import { parseConfig } from '@/lib/config';
import { validateBody } from '@/lib/content/validate-body';
import { useFreshDatabase } from '@/test-support/database';
import { seedIfEmpty, type SeedOutcome } from './seed-database';

// Seeding needs an empty database: this file seeds its own once, and every test reads
// what that one seed wrote. The other seed scenarios have files of their own.
const { db } = useFreshDatabase();

const ADMIN_EMAIL = 'chief@test.example';
const ADMIN_PASSWORD = 'seeded admin passphrase';
let outcome: SeedOutcome;

beforeAll(async () => {
  const config = parseConfig({ BYLINE_ADMIN_EMAIL: ADMIN_EMAIL, BYLINE_ADMIN_PASSWORD: ADMIN_PASSWORD });
  outcome = await seedIfEmpty(db(), { config });
});

describe('seeding an empty database with the demo newsroom', () => {
  it('reports what it seeded, with no generated password', () => {
    expect(outcome).toEqual({ seeded: true, adminEmail: ADMIN_EMAIL, generatedPassword: null, articles: 4 });
  });

  it('creates one admin with the configured email and password', async () => {
    const admins = await db().select({ id: users.id, email: users.email, isActive: users.isActive }).from(users).where(eq(users.role, 'admin'));

    const signedIn = await attemptPasswordSignIn({
      email: ADMIN_EMAIL,
      password: ADMIN_PASSWORD,
      address: '192.0.2.10',
      now: new Date('2030-01-01T00:00:00Z'),
      limits: { windowSeconds: 600, maxFailuresPerAccount: 3, maxFailuresPerAddress: 10 },
    });

    expect(admins).toEqual([{ id: expect.any(Number), email: ADMIN_EMAIL, isActive: true }]);
    expect(signedIn).toMatchObject({ id: admins[0]!.id, role: 'admin' });
  });

  it('creates the four sections and the staff', async () => {
    const sectionSlugs = await db().select({ slug: sections.slug }).from(sections).orderBy(asc(sections.position));
    const staff = await db().select({ role: users.role, n: count() }).from(users).groupBy(users.role).orderBy(asc(users.role));

    expect(sectionSlugs.map((row) => row.slug)).toEqual(['politics', 'world', 'immigration', 'economy']);
    expect(staff).toEqual([
      { role: 'admin', n: 1 },
      { role: 'editor', n: 2 },
      { role: 'writer', n: 3 },
    ]);
  });

  it('creates four articles: three published, one in review', async () => {
    const rows = await db().select({ slug: articles.slug, status: articles.status }).from(articles);
    const home = await listLatestPublished();
    const inReview = rows.find((row) => row.status === 'in_review');

    expect(rows.map((row) => row.status).sort()).toEqual(['in_review', 'published', 'published', 'published']);
    expect(home.total).toBe(3);
    expect(home.teasers.map((teaser) => teaser.slug).sort()).toEqual(
      rows.filter((row) => row.status === 'published').map((row) => row.slug).sort(),
    );
    expect(await findPublishedArticle(inReview!.slug)).toBeNull();
  });

  it('writes only revision bodies that pass the body check', async () => {
    const bodies = await db().select({ id: revisions.id, body: revisions.body }).from(revisions);

    const problems = bodies.flatMap(({ id, body }) => {
      const check = validateBody(body);
      return check.ok ? [] : [{ id, problems: check.problems }];
    });

    expect(bodies.length).toBeGreaterThanOrEqual(4);
    expect(problems).toEqual([]);
  });
});
