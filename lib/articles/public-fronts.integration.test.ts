import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { sections, users } from '@/db/schema';
import { useFreshDatabase } from '@/test-support/database';
import {
  createDraft,
  createPublishedArticle,
  createSection,
  createStaff,
  currentSaveInput,
  saveChanges,
  uniqueHeadline,
} from '@/test-support/factories';
import { publishArticle, unpublishArticle } from './article-workflow';
import { listLatestPublished } from './public-articles';
import { findPublicAuthor, findPublicSection, listSectionFronts, SECTION_FRONT_SIZE } from './public-fronts';

const { db } = useFreshDatabase();

async function slugOfUser(id: number): Promise<string> {
  const [row] = await db().select({ slug: users.slug }).from(users).where(eq(users.id, id));
  return row!.slug;
}

async function slugOfSection(id: number): Promise<string> {
  const [row] = await db().select({ slug: sections.slug }).from(sections).where(eq(sections.id, id));
  return row!.slug;
}

describe('section fronts', () => {
  it("lists a section's published stories only, newest first, by the published revision's section", async () => {
    const writer = await createStaff('writer');
    const editor = await createStaff('editor');
    const [politics, sport] = [await createSection(uniqueHeadline('Politics')), await createSection(uniqueHeadline('Sport'))];
    const older = await createPublishedArticle(writer, editor, { sectionId: politics, now: new Date('2030-01-01T09:00:00Z') });
    const newer = await createPublishedArticle(writer, editor, { sectionId: politics, now: new Date('2030-01-02T09:00:00Z') });
    await createPublishedArticle(writer, editor, { sectionId: sport });
    await createDraft(writer, { sectionId: politics });
    // Moved to sport in the working copy only: readers still see it under politics.
    const moving = await createPublishedArticle(writer, editor, { sectionId: politics, now: new Date('2030-01-03T09:00:00Z') });
    await saveChanges(editor, moving.id, { sectionId: sport });

    const front = await listLatestPublished({ sectionId: politics });

    expect(front.teasers.map((teaser) => teaser.slug)).toEqual([moving.slug, newer.slug, older.slug]);
    expect(front.total).toBe(3);
    expect(await findPublicSection(await slugOfSection(politics))).toMatchObject({ id: politics });
    expect(await findPublicSection('no-such-section')).toBeNull();
  });

  it('gives the home page each section with its latest stories, leaving out sections with none', async () => {
    const writer = await createStaff('writer');
    const editor = await createStaff('editor');
    const busy = await createSection(uniqueHeadline('Busy'));
    const quiet = await createSection(uniqueHeadline('Quiet'));
    const published: string[] = [];
    for (let day = 1; day <= SECTION_FRONT_SIZE + 1; day++) {
      published.push((await createPublishedArticle(writer, editor, { sectionId: busy, now: new Date(Date.UTC(2031, 0, day, 9)) })).slug);
    }
    await createDraft(writer, { sectionId: quiet });

    const fronts = await listSectionFronts();
    const newestFirst = [...published].reverse();

    const busyFront = fronts.find((front) => front.section.id === busy);
    expect(busyFront?.teasers.map((teaser) => teaser.slug)).toEqual(newestFirst.slice(0, SECTION_FRONT_SIZE));
    expect(fronts.some((front) => front.section.id === quiet)).toBe(false);
    // What the page already shows above is not repeated.
    const withoutNewest = await listSectionFronts({ shown: [newestFirst[0]!] });
    expect(withoutNewest.find((front) => front.section.id === busy)?.teasers.map((teaser) => teaser.slug)).toEqual(
      newestFirst.slice(1, SECTION_FRONT_SIZE + 1),
    );
  });
});

describe('author pages', () => {
  it("lists every story with the author anywhere in its byline, and nobody else's", async () => {
    const [ana, ben] = [await createStaff('writer'), await createStaff('writer')];
    const editor = await createStaff('editor');
    const alone = await createPublishedArticle(ana, editor, { now: new Date('2030-02-01T09:00:00Z') });
    const shared = await createDraft(ben);
    const version = await saveChanges(editor, shared.id, { bylineIds: [ben.id, ana.id] });
    await publishArticle(editor, { articleId: shared.id, expectedVersion: version }, { now: new Date('2030-02-02T09:00:00Z') });
    await createPublishedArticle(ben, editor);

    const anas = await listLatestPublished({ authorId: ana.id });

    expect(anas.teasers.map((teaser) => teaser.slug)).toEqual([shared.slug, alone.slug]);
    expect(anas.teasers[0]!.bylines.map((person) => person.id)).toEqual([ben.id, ana.id]);
  });

  it('has a page only for people with published work: not for a draft-only writer, nor after unpublishing', async () => {
    const writer = await createStaff('writer');
    const editor = await createStaff('editor');
    const draftOnly = await createStaff('writer');
    await createDraft(draftOnly);
    const story = await createPublishedArticle(writer, editor);

    expect(await findPublicAuthor(await slugOfUser(writer.id))).toMatchObject({ id: writer.id, name: writer.name });
    expect(await findPublicAuthor(await slugOfUser(draftOnly.id))).toBeNull();
    expect(await findPublicAuthor(await slugOfUser(editor.id))).toBeNull();

    await unpublishArticle(editor, { articleId: story.id, expectedVersion: (await currentSaveInput(story.id)).baseVersion });
    expect(await findPublicAuthor(await slugOfUser(writer.id))).toBeNull();
  });
});
