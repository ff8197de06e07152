import { asc, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { publications, revisions, sections } from '@/db/schema';
import { useFreshDatabase } from '@/test-support/database';
import {
  appendRevisions,
  createDraft,
  createPublishedArticle,
  createSection,
  createStaff,
  paragraphs,
  saveChanges,
  uniqueHeadline,
} from '@/test-support/factories';
import { readArticleState } from '@/test-support/inspect';
import { publishArticle, unpublishArticle } from './article-workflow';
import { findChangeLog } from './change-log';
import { scheduleArticle } from './scheduling';
import { slugify } from './slug';

const { db } = useFreshDatabase();

const FIRST_PUBLISHED = new Date('2030-05-01T08:00:00Z');
const CORRECTED = new Date('2030-05-01T12:00:00Z');
const UPDATED = new Date('2030-05-02T08:00:00Z');

const minutes = (from: Date, count: number) => new Date(from.getTime() + count * 60_000);

describe('findChangeLog: every version readers were shown', () => {
  it('lists each publication newest first, with its time, its notice, and what changed in the text since the one before', async () => {
    const writer = await createStaff('writer');
    const editor = await createStaff('editor');
    const article = await createPublishedArticle(writer, editor, {
      headline: 'Council approves the budget',
      body: paragraphs('The council met on a rainy evening.', 'Residents spoke at length.'),
      now: FIRST_PUBLISHED,
    });
    const corrected = paragraphs('The council met on a rainy evening.', 'Residents spoke at great length.');
    let version = await saveChanges(editor, article.id, { body: corrected });
    await publishArticle(
      editor,
      { articleId: article.id, expectedVersion: version, notice: { kind: 'correction', body: 'An earlier version understated the debate.' } },
      { now: CORRECTED },
    );
    version = await saveChanges(editor, article.id, {
      headline: 'Council approves the budget after a long night',
      body: paragraphs('The council met on a rainy evening.', 'Residents spoke at great length.', 'The mayor left early.'),
    });
    await publishArticle(editor, { articleId: article.id, expectedVersion: version }, { now: UPDATED });

    const found = await findChangeLog(article.slug);

    expect(found).toEqual({
      kind: 'log',
      log: {
        slug: article.slug,
        headline: 'Council approves the budget after a long night',
        entries: [
          {
            publishedAt: UPDATED,
            notice: null,
            isFirst: false,
            changes: [
              {
                part: 'headline',
                words: [
                  { kind: 'equal', text: 'Council approves the budget' },
                  { kind: 'insert', text: ' after a long night' },
                ],
              },
              { part: 'paragraph', paragraph: 3, change: 'added', words: [{ kind: 'insert', text: 'The mayor left early.' }] },
            ],
          },
          {
            publishedAt: CORRECTED,
            notice: { kind: 'correction', body: 'An earlier version understated the debate.' },
            isFirst: false,
            changes: [
              {
                part: 'paragraph',
                paragraph: 2,
                change: 'changed',
                words: [
                  { kind: 'equal', text: 'Residents spoke at ' },
                  { kind: 'insert', text: 'great ' },
                  { kind: 'equal', text: 'length.' },
                ],
              },
            ],
          },
          { publishedAt: FIRST_PUBLISHED, notice: null, isFirst: true, changes: [] },
        ],
      },
    });
  });

  it('compares with the version readers saw before, across an unpublication, and keeps that first version', async () => {
    const writer = await createStaff('writer');
    const editor = await createStaff('editor');
    const article = await createPublishedArticle(writer, editor, { body: paragraphs('Residents spoke at length.'), now: FIRST_PUBLISHED });
    await unpublishArticle(editor, { articleId: article.id, expectedVersion: article.version }, { now: CORRECTED });
    const version = await saveChanges(editor, article.id, { body: paragraphs('Residents spoke at great length.') });
    await publishArticle(editor, { articleId: article.id, expectedVersion: version }, { now: UPDATED });

    const found = await findChangeLog(article.slug);

    expect(found?.kind).toBe('log');
    const { entries } = (found as Extract<typeof found, { kind: 'log' }>).log;
    expect(entries.map((entry) => [entry.publishedAt, entry.isFirst])).toEqual([
      [UPDATED, false],
      [FIRST_PUBLISHED, true],
    ]);
    expect(entries[0]!.changes).toEqual([
      {
        part: 'paragraph',
        paragraph: 1,
        change: 'changed',
        words: [
          { kind: 'equal', text: 'Residents spoke at ' },
          { kind: 'insert', text: 'great ' },
          { kind: 'equal', text: 'length.' },
        ],
      },
    ]);
  });

  it('shows a republication without a change to the text as an entry with no changes', async () => {
    const writer = await createStaff('writer');
    const editor = await createStaff('editor');
    const article = await createPublishedArticle(writer, editor, { now: FIRST_PUBLISHED });

    await publishArticle(
      editor,
      { articleId: article.id, expectedVersion: article.version, notice: { kind: 'clarification', body: 'The council is the city council.' } },
      { now: CORRECTED },
    );

    expect(await findChangeLog(article.slug)).toEqual({
      kind: 'log',
      log: {
        slug: article.slug,
        headline: expect.any(String),
        entries: [
          { publishedAt: CORRECTED, notice: { kind: 'clarification', body: 'The council is the city council.' }, isFirst: false, changes: [] },
          { publishedAt: FIRST_PUBLISHED, notice: null, isFirst: true, changes: [] },
        ],
      },
    });
  });
});

describe('what the change log does not show', () => {
  it('shows no change, and nothing of the studio, when only the bylines, section and slug changed', async () => {
    const writer = await createStaff('writer');
    const coauthor = await createStaff('writer', { name: 'Coauthor Unseen-Byline' });
    const editor = await createStaff('editor', { name: 'Editor Unseen-Publisher' });
    const article = await createPublishedArticle(writer, editor, { now: FIRST_PUBLISHED });
    const otherSection = await createSection(`Desk ${uniqueHeadline('Unseen')}`);
    const [otherSectionRow] = await db().select().from(sections).where(eq(sections.id, otherSection));
    const newSlug = slugify(uniqueHeadline('Renamed'));
    const version = await saveChanges(editor, article.id, { bylineIds: [writer.id, coauthor.id], sectionId: otherSection, slug: newSlug });
    await publishArticle(editor, { articleId: article.id, expectedVersion: version }, { now: CORRECTED });
    // Edits after the last publication are not part of any version readers saw.
    await saveChanges(editor, article.id, { body: paragraphs('A sentence nobody has published.') });

    const found = await findChangeLog(newSlug);

    expect(found?.kind).toBe('log');
    const { log } = found as Extract<typeof found, { kind: 'log' }>;
    expect(log.slug).toBe(newSlug);
    expect(log.entries).toEqual([
      { publishedAt: CORRECTED, notice: null, isFirst: false, changes: [] },
      { publishedAt: FIRST_PUBLISHED, notice: null, isFirst: true, changes: [] },
    ]);
    const everything = JSON.stringify(log);
    const studioOnly = [coauthor.name, coauthor.email, editor.name, editor.email, writer.name, otherSectionRow!.name, otherSectionRow!.slug];
    for (const hidden of [...studioOnly, article.slug, 'A sentence nobody has published.']) expect(everything).not.toContain(hidden);
  });

  it('answers a draft, a scheduled article, an unpublished article and an unknown slug with null', async () => {
    const writer = await createStaff('writer');
    const editor = await createStaff('editor');
    const draft = await createDraft(writer);
    const scheduled = await createDraft(writer);
    const publishAt = { local: '2099-01-01T08:00', timeZone: 'UTC' };
    await scheduleArticle(editor, { articleId: scheduled.id, expectedVersion: scheduled.version, publishAt });
    const takenDown = await createPublishedArticle(writer, editor, { now: FIRST_PUBLISHED });
    await unpublishArticle(editor, { articleId: takenDown.id, expectedVersion: takenDown.version }, { now: CORRECTED });

    expect(await findChangeLog(draft.slug)).toBeNull();
    expect(await findChangeLog(scheduled.slug)).toBeNull();
    expect(await findChangeLog(takenDown.slug)).toBeNull();
    expect(await findChangeLog('no-such-story-anywhere')).toBeNull();
  });

  it('sends an old public slug to the article’s current one, and a slug never made public nowhere', async () => {
    const writer = await createStaff('writer');
    const editor = await createStaff('editor');
    const article = await createPublishedArticle(writer, editor, { now: FIRST_PUBLISHED });
    const newSlug = slugify(uniqueHeadline('Renamed'));
    const version = await saveChanges(editor, article.id, { slug: newSlug });
    const beforeRepublishing = await findChangeLog(newSlug);
    await publishArticle(editor, { articleId: article.id, expectedVersion: version }, { now: CORRECTED });

    expect(beforeRepublishing).toBeNull();
    expect(await findChangeLog(article.slug)).toEqual({ kind: 'moved', slug: newSlug });
    expect(await findChangeLog(newSlug)).toMatchObject({ kind: 'log', log: { slug: newSlug } });
  });

  it('sends an old slug nowhere once the article is unpublished', async () => {
    const writer = await createStaff('writer');
    const editor = await createStaff('editor');
    const article = await createPublishedArticle(writer, editor, { now: FIRST_PUBLISHED });
    const newSlug = slugify(uniqueHeadline('Renamed'));
    const version = await saveChanges(editor, article.id, { slug: newSlug });
    await publishArticle(editor, { articleId: article.id, expectedVersion: version }, { now: CORRECTED });

    await unpublishArticle(editor, { articleId: article.id, expectedVersion: version }, { now: UPDATED });

    expect(await findChangeLog(article.slug)).toBeNull();
    expect(await findChangeLog(newSlug)).toBeNull();
  });
});

describe('published versions are never pruned', () => {
  it('keeps every publication in the log, and every revision, through long autosaved sessions between them', async () => {
    const writer = await createStaff('writer');
    const editor = await createStaff('editor');
    const article = await createPublishedArticle(writer, editor, { body: paragraphs('Version 0 of the text.'), now: FIRST_PUBLISHED });
    const publishedAt: Date[] = [FIRST_PUBLISHED];
    let clock = FIRST_PUBLISHED;
    for (let round = 1; round <= 4; round += 1) {
      // A long session: an autosave a minute for half an hour (a checkpoint every ten minutes),
      // one more after a pause, and volume: 200 checkpoints straight into the table.
      for (let save = 1; save <= 30; save += 1) {
        clock = minutes(clock, 1);
        await saveChanges(editor, article.id, { body: paragraphs(`Round ${round} of the text, draft ${save}.`), intent: 'autosave' }, { now: clock });
      }
      clock = minutes(clock, 15);
      await saveChanges(editor, article.id, { body: paragraphs(`Round ${round} of the text, after a pause.`), intent: 'autosave' }, { now: clock });
      await appendRevisions({
        articleId: article.id,
        reasons: Array(200).fill('checkpoint'),
        authorId: editor.id,
        startAt: minutes(clock, 1),
      });
      clock = minutes(clock, 10);
      const version = await saveChanges(editor, article.id, { body: paragraphs(`Round ${round} of the text.`) }, { now: clock });
      clock = minutes(clock, 1);
      await publishArticle(editor, { articleId: article.id, expectedVersion: version }, { now: clock });
      publishedAt.push(clock);
    }

    const found = await findChangeLog(article.slug);

    expect(found?.kind).toBe('log');
    const { entries } = (found as Extract<typeof found, { kind: 'log' }>).log;
    expect(entries.map((entry) => entry.publishedAt)).toEqual([...publishedAt].reverse());
    expect(entries.map((entry) => entry.isFirst)).toEqual([false, false, false, false, true]);
    const changedWords = entries.map((entry) => entry.changes.map((change) => change.words.filter((word) => word.kind !== 'equal')));
    expect(changedWords).toEqual([
      [[{ kind: 'delete', text: '3' }, { kind: 'insert', text: '4' }]],
      [[{ kind: 'delete', text: '2' }, { kind: 'insert', text: '3' }]],
      [[{ kind: 'delete', text: '1' }, { kind: 'insert', text: '2' }]],
      [[{ kind: 'delete', text: 'Version 0' }, { kind: 'insert', text: 'Round 1' }]],
      [],
    ]);
    const state = await readArticleState(article.id);
    const everyNumber = Array.from({ length: state.workingCopy!.revisionCount }, (_, index) => index + 1);
    expect(state.revisions.map((revision) => revision.number)).toEqual(everyNumber);
    expect(state.revisions.filter((revision) => revision.reason === 'checkpoint').length).toBeGreaterThan(4 * 200);
    const published = await db()
      .select({ body: revisions.body })
      .from(publications)
      .innerJoin(revisions, eq(revisions.id, publications.revisionId))
      .where(eq(publications.articleId, article.id))
      .orderBy(asc(publications.id));
    expect(published.map((revision) => revision.body)).toEqual([
      paragraphs('Version 0 of the text.'),
      ...[1, 2, 3, 4].map((round) => paragraphs(`Round ${round} of the text.`)),
    ]);
  });
});
