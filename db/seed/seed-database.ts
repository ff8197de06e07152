import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { count } from 'drizzle-orm';
import { z } from 'zod';
import type { Database, Transaction } from '@/db/client';
import { entities, sections, sources, users } from '@/db/schema';
import { createArticleIn, parseWorkingCopy, saveWorkingCopyIn } from '@/lib/articles/article-saving';
import { publishArticleIn, submitArticleIn } from '@/lib/articles/article-workflow';
import { hashPassword } from '@/lib/auth/passwords';
import type { Config } from '@/lib/config';
import type { Actor } from '@/lib/permissions';
import { slugify } from '@/lib/articles/slug';
import { bumpEntityCatalog } from '@/lib/entities/entity-catalog';
import { insertUser } from '@/lib/users/user-service';
import { insertCitations, tagEntities } from './annotate';
import { normalizeSourceUrl } from '@/lib/sources/source-url';
import { parseSeedArticle, type SeedArticle } from './article-format';

/*
 * First-start seeding: the first admin, and (unless BYLINE_SEED_DEMO=false) the demo
 * newsroom: sections, staff and the articles in db/seed/newsroom, written, saved,
 * submitted and published through the same services the studio uses. All in one
 * transaction: a crash half way leaves an empty database that seeds again next time.
 */

const NEWSROOM_DIR = path.join(process.cwd(), 'db', 'seed', 'newsroom');
const DEFAULT_ADMIN_EMAIL = 'admin@byline.local';

const staffSchema = z.array(
  z.object({
    slug: z.string(),
    name: z.string(),
    email: z.string(),
    role: z.enum(['editor', 'writer']),
    bio: z.string(),
  }),
);
const sectionsSchema = z.array(z.object({ slug: z.string(), name: z.string(), description: z.string() }));

export type SeedOutcome =
  | { seeded: false }
  | { seeded: true; adminEmail: string; generatedPassword: string | null; articles: number };

export async function seedIfEmpty(
  db: Database,
  { config, onProgress = () => {} }: { config: Config; onProgress?: (message: string) => void },
): Promise<SeedOutcome> {
  const [existing] = await db.select({ users: count() }).from(users);
  if ((existing?.users ?? 0) > 0) return { seeded: false };

  const adminEmail = config.admin.email?.toLowerCase() ?? DEFAULT_ADMIN_EMAIL;
  const generatedPassword = config.admin.password ? null : randomBytes(12).toString('base64url');
  const passwordHash = await hashPassword(config.admin.password ?? generatedPassword!);

  let articleCount = 0;
  await db.transaction(async (tx) => {
    const admin = await insertUser(tx, { name: 'Site Admin', email: adminEmail, role: 'admin', passwordHash });
    onProgress(`admin ${admin.email}`);
    if (config.seedDemo) articleCount = await seedDemoNewsroom(tx, onProgress);
  });
  return { seeded: true, adminEmail, generatedPassword, articles: articleCount };
}

async function seedDemoNewsroom(tx: Transaction, onProgress: (message: string) => void): Promise<number> {
  const sectionIds = new Map<string, number>();
  const sectionRows = sectionsSchema.parse(readJson('sections.json'));
  for (const [position, section] of sectionRows.entries()) {
    const [row] = await tx.insert(sections).values({ ...section, position }).returning({ id: sections.id });
    sectionIds.set(section.slug, row!.id);
  }
  onProgress(`${sectionRows.length} sections`);

  // Demo staff get unguessable passwords: an admin sets a real one under Users.
  const staff = new Map<string, Actor>();
  const unusableHash = await hashPassword(randomBytes(24).toString('base64url'));
  for (const person of staffSchema.parse(readJson('staff.json'))) {
    const created = await insertUser(tx, { ...person, email: person.email.toLowerCase(), passwordHash: unusableHash });
    staff.set(person.slug, { id: created.id, role: created.role, name: created.name, email: created.email });
  }
  onProgress(`${staff.size} staff`);

  const entityIds = await seedEntities(tx);
  onProgress(`${entityIds.size} entities`);
  const sourceIds = await seedSources(tx);
  onProgress(`${sourceIds.size} sources`);

  const files = fs
    .readdirSync(path.join(NEWSROOM_DIR, 'articles'))
    .filter((file) => file.endsWith('.md'))
    .sort();
  const editor = [...staff.values()].find((person) => person.role === 'editor');
  if (!editor) throw new Error('The demo staff needs an editor to publish.');
  for (const [index, file] of files.entries()) {
    const article = parseSeedArticle(fs.readFileSync(path.join(NEWSROOM_DIR, 'articles', file), 'utf8'), file);
    await seedArticle(tx, { article, staff, sectionIds, editor, entityIds, sourceIds });
    onProgress(`article ${index + 1}/${files.length}: ${article.headline}`);
  }
  return files.length;
}

async function seedArticle(
  tx: Transaction,
  {
    article,
    staff,
    sectionIds,
    editor,
    entityIds,
    sourceIds,
  }: {
    article: SeedArticle;
    staff: Map<string, Actor>;
    sectionIds: Map<string, number>;
    editor: Actor;
    entityIds: Map<string, number>;
    sourceIds: Map<string, number>;
  },
): Promise<void> {
  const bylines = article.bylines.map((slug) => {
    const person = staff.get(slug);
    if (!person) throw new Error(`${article.slug}: unknown byline "${slug}"`);
    return person;
  });
  const writer = bylines[0]!;
  const sectionId = sectionIds.get(article.section);
  if (!sectionId) throw new Error(`${article.slug}: unknown section "${article.section}"`);

  // Written a few hours before publication (or before now, for the piece in review).
  const publishedAt = article.published ?? new Date();
  const writtenAt = new Date(publishedAt.getTime() - 3 * 60 * 60 * 1000);
  const created = await createArticleIn(tx, {
    actor: writer,
    headline: article.headline,
    sectionId,
    bylineIds: bylines.map((person) => person.id),
    now: writtenAt,
  });
  const fields = parseWorkingCopy({
    baseVersion: 1,
    intent: 'save',
    headline: article.headline,
    standfirst: article.standfirst,
    slug: article.slug,
    sectionId,
    bylineIds: bylines.map((person) => person.id),
    body: insertCitations(
      tagEntities(
        article.body,
        article.entityMentions.map((mention) => {
          const entityId = entityIds.get(mention.entity);
          if (!entityId) throw new Error(`${article.slug}: unknown entity "${mention.entity}"`);
          return { ...mention, entityId };
        }),
      ),
      article.citations.map((citation) => {
        const sourceId = sourceIds.get(citation.source);
        if (!sourceId) throw new Error(`${article.slug}: unknown source "${citation.source}"`);
        return { ...citation, sourceId };
      }),
    ),
  });
  const saved = await saveWorkingCopyIn(tx, { actor: writer, articleId: created.id, fields, now: writtenAt });
  if (article.status === 'in_review') {
    await submitArticleIn(tx, { actor: writer, articleId: created.id, expectedVersion: saved.version, now: writtenAt });
  } else {
    await publishArticleIn(tx, { actor: editor, articleId: created.id, expectedVersion: saved.version, now: publishedAt });
  }
}

const entitiesSchema = z.array(
  z.object({
    name: z.string(),
    type: z.enum(['person', 'organization', 'place', 'event', 'law', 'topic']),
    aliases: z.array(z.string()).default([]),
    description: z.string().default(''),
  }),
);

/** The story's entities; the newsroom file says "law" where Byline's type is "law or topic". */
async function seedEntities(tx: Transaction): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  for (const entity of entitiesSchema.parse(readJson('entities.json'))) {
    const slug = slugify(entity.name);
    const aliases = entity.aliases.filter((alias) => alias !== entity.name);
    const [row] = await tx
      .insert(entities)
      .values({ name: entity.name, slug, type: entity.type === 'law' ? 'topic' : entity.type, aliases, description: entity.description })
      .returning({ id: entities.id });
    ids.set(entity.name, row!.id);
  }
  await bumpEntityCatalog(tx);
  return ids;
}

const sourcesSchema = z.array(
  z.object({
    key: z.string(),
    headline: z.string().nullable(),
    standfirst: z.string().optional(),
    outlet: z.string().nullable(),
    author: z.string().nullable(),
    published: z.string(),
    url: z.string().nullable(),
    note: z.string().optional(),
  }),
);

/** The five reports the story rests on. A report without a headline is titled by its summary. */
async function seedSources(tx: Transaction): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  for (const report of sourcesSchema.parse(readJson('sources.json'))) {
    const [row] = await tx
      .insert(sources)
      .values({
        title: report.headline ?? report.standfirst ?? `Report of ${report.published.slice(0, 10)}`,
        outlet: report.outlet ?? '',
        author: report.author ?? '',
        publishedOn: report.published.slice(0, 10),
        url: report.url,
        normalizedUrl: report.url ? normalizeSourceUrl(report.url) : null,
        notes: report.note ?? '',
      })
      .returning({ id: sources.id });
    ids.set(report.key, row!.id);
  }
  return ids;
}

function readJson(file: string): unknown {
  return JSON.parse(fs.readFileSync(path.join(NEWSROOM_DIR, file), 'utf8'));
}
