import { asc, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { notices, reviewNotes } from '@/db/schema';
import { ValidationError } from '@/lib/errors';
import type { Actor } from '@/lib/permissions';
import { databaseRefusal, useFreshDatabase } from '@/test-support/database';
import { createDraft, createInReview, createPublishedArticle, createStaff, paragraphs, saveChanges } from '@/test-support/factories';
import { caught, readArticleState } from '@/test-support/inspect';
import { publishArticle, unpublishArticle } from './article-workflow';
import { findPublishedArticle } from './public-articles';

const { db } = useFreshDatabase();

const FIRST_PUBLISHED = new Date('2030-05-01T08:00:00Z');
const CORRECTED = new Date('2030-05-01T12:00:00Z');
const REPUBLISHED = new Date('2030-05-02T08:00:00Z');
const UPDATED = new Date('2030-05-03T08:00:00Z');

async function noticesOf(articleId: number) {
  return db().select().from(notices).where(eq(notices.articleId, articleId)).orderBy(asc(notices.id));
}

/** A published article with an edit waiting to be republished; returns the version to publish. */
async function publishedWithEdit(author: Actor, editor: Actor, edit = 'The minister’s name is now spelled correctly.') {
  const article = await createPublishedArticle(author, editor, { body: paragraphs('The minister spoke to residents.'), now: FIRST_PUBLISHED });
  const version = await saveChanges(editor, article.id, { body: paragraphs(edit) });
  return { ...article, version };
}

describe('a notice published with a revision', () => {
  it('records a correction on republication, linked to the new publication, in the notice’s own words', async () => {
    const writer = await createStaff('writer');
    const editor = await createStaff('editor');
    const article = await publishedWithEdit(writer, editor);

    await publishArticle(
      editor,
      {
        articleId: article.id,
        expectedVersion: article.version,
        notice: { kind: 'correction', body: '  An earlier version misspelled the minister’s name.  ' },
      },
      { now: CORRECTED },
    );

    const state = await readArticleState(article.id);
    expect(state.publications).toHaveLength(2);
    expect(state.article).toMatchObject({ status: 'published', publishedRevisionId: state.publications[1]!.revisionId, lastPublishedAt: CORRECTED });
    expect(await noticesOf(article.id)).toEqual([
      {
        id: expect.any(Number),
        articleId: article.id,
        publicationId: state.publications[1]!.id,
        kind: 'correction',
        body: 'An earlier version misspelled the minister’s name.',
        createdBy: editor.id,
        createdAt: CORRECTED,
      },
    ]);
  });

  it('records no notice when an article is republished without one', async () => {
    const writer = await createStaff('writer');
    const editor = await createStaff('editor');
    const article = await publishedWithEdit(writer, editor);

    await publishArticle(editor, { articleId: article.id, expectedVersion: article.version }, { now: REPUBLISHED });

    expect((await readArticleState(article.id)).publications).toHaveLength(2);
    expect(await noticesOf(article.id)).toEqual([]);
  });

  it('refuses a notice on a first publication, on notice, and publishes nothing', async () => {
    const writer = await createStaff('writer');
    const editor = await createStaff('editor');
    const draft = await createDraft(writer);
    const before = await readArticleState(draft.id);

    const error = await caught(
      publishArticle(
        editor,
        { articleId: draft.id, expectedVersion: draft.version, notice: { kind: 'correction', body: 'Nothing to correct yet.' } },
        { now: FIRST_PUBLISHED },
      ),
    );

    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).fieldErrors).toEqual({ notice: ['A notice goes with republishing: this article has not been published yet.'] });
    const after = await readArticleState(draft.id);
    expect(after.article).toMatchObject({ status: 'draft', publishedRevisionId: null, firstPublishedAt: null });
    expect(after.publications).toEqual([]);
    expect(after.audit.map((event) => event.action)).not.toContain('article.publish');
    expect(after).toEqual(before);
    expect(await noticesOf(draft.id)).toEqual([]);
    expect(await findPublishedArticle(draft.slug)).toBeNull();
  });

  it('refuses a notice on the first publication of an article in review, and neither approves nor publishes it', async () => {
    const writer = await createStaff('writer');
    const editor = await createStaff('editor');
    const submitted = await createInReview(writer);
    const before = await readArticleState(submitted.id);

    const error = await caught(
      publishArticle(editor, {
        articleId: submitted.id,
        expectedVersion: submitted.version,
        note: 'Approved.',
        notice: { kind: 'editors_note', body: 'This story was reported over three weeks.' },
      }),
    );

    expect(error).toBeInstanceOf(ValidationError);
    expect(Object.keys((error as ValidationError).fieldErrors)).toEqual(['notice']);
    expect(await readArticleState(submitted.id)).toEqual(before);
    expect((await readArticleState(submitted.id)).article!.status).toBe('in_review');
    expect(await db().select().from(reviewNotes).where(eq(reviewNotes.articleId, submitted.id))).toEqual([]);
    expect(await noticesOf(submitted.id)).toEqual([]);
  });

  it.each([
    ['a kind that does not exist', { kind: 'retraction', body: 'Withdrawn.' }, ['Choose correction, update, clarification or editor’s note.']],
    ['an empty body', { kind: 'correction', body: '' }, ['Write the notice readers will see.']],
    ['a blank body', { kind: 'correction', body: '   \n ' }, ['Write the notice readers will see.']],
    ['no body at all', { kind: 'correction' }, [expect.any(String)]],
    ['a body over 2,000 characters', { kind: 'update', body: 'x'.repeat(2001) }, ['Keep the notice under 2,000 characters.']],
  ])('refuses a notice with %s, on notice, and changes nothing', async (_, notice, messages) => {
    const writer = await createStaff('writer');
    const editor = await createStaff('editor');
    const article = await publishedWithEdit(writer, editor);
    const before = await readArticleState(article.id);
    const seenBefore = await findPublishedArticle(article.slug);

    const error = await caught(publishArticle(editor, { articleId: article.id, expectedVersion: article.version, notice }, { now: CORRECTED }));

    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).fieldErrors).toEqual({ notice: messages });
    const after = await readArticleState(article.id);
    expect(after.publications).toHaveLength(1);
    expect(after).toEqual(before);
    expect(await noticesOf(article.id)).toEqual([]);
    expect(await findPublishedArticle(article.slug)).toEqual(seenBefore);
  });

  it('accepts a notice of exactly 2,000 characters', async () => {
    const writer = await createStaff('writer');
    const editor = await createStaff('editor');
    const article = await publishedWithEdit(writer, editor);
    const notice = { kind: 'clarification', body: 'y'.repeat(2000) };

    await publishArticle(editor, { articleId: article.id, expectedVersion: article.version, notice });

    expect((await noticesOf(article.id)).map((row) => [row.kind, row.body.length])).toEqual([['clarification', 2000]]);
  });
});

describe('notices are append-only', () => {
  async function aPublishedNotice() {
    const writer = await createStaff('writer');
    const editor = await createStaff('editor');
    const article = await publishedWithEdit(writer, editor);
    await publishArticle(
      editor,
      { articleId: article.id, expectedVersion: article.version, notice: { kind: 'correction', body: 'The original notice.' } },
      { now: CORRECTED },
    );
    const [notice] = await noticesOf(article.id);
    return notice!;
  }

  it('refuses to rewrite a notice, and it stays as published', async () => {
    const notice = await aPublishedNotice();

    const refusal = await databaseRefusal(db().update(notices).set({ body: 'A quietly softened notice.' }).where(eq(notices.id, notice.id)));

    expect(refusal).toBe('publication records are append-only');
    expect(await noticesOf(notice.articleId)).toEqual([notice]);
  });

  it('refuses to delete a notice, and it stays', async () => {
    const notice = await aPublishedNotice();

    const refusal = await databaseRefusal(db().delete(notices).where(eq(notices.id, notice.id)));

    expect(refusal).toBe('publication records are append-only');
    expect(await noticesOf(notice.articleId)).toEqual([notice]);
  });

  it('refuses to truncate the notices, and they stay', async () => {
    const notice = await aPublishedNotice();

    const refusal = await databaseRefusal(db().execute(sql`truncate table notices`));

    expect(refusal).toBe('history tables cannot be truncated');
    expect(await noticesOf(notice.articleId)).toEqual([notice]);
  });
});

describe('what readers see of notices', () => {
  it('shows every notice oldest first, with its kind, words and time, and how many times the article was published', async () => {
    const writer = await createStaff('writer');
    const editor = await createStaff('editor');
    const article = await publishedWithEdit(writer, editor);
    await publishArticle(
      editor,
      {
        articleId: article.id,
        expectedVersion: article.version,
        notice: { kind: 'correction', body: 'An earlier version misspelled the minister’s name.' },
      },
      { now: CORRECTED },
    );
    let version = await saveChanges(editor, article.id, { standfirst: 'A standfirst, tightened.' });
    await publishArticle(editor, { articleId: article.id, expectedVersion: version }, { now: REPUBLISHED });
    const withAnswer = paragraphs('The minister’s name is now spelled correctly.', 'The minister later answered our questions.');
    version = await saveChanges(editor, article.id, { body: withAnswer });

    await publishArticle(
      editor,
      { articleId: article.id, expectedVersion: version, notice: { kind: 'update', body: 'The minister has since responded.' } },
      { now: UPDATED },
    );

    const found = await findPublishedArticle(article.slug);
    expect(found?.kind).toBe('article');
    const seen = (found as Extract<typeof found, { kind: 'article' }>).article;
    expect(seen.notices).toEqual([
      { kind: 'correction', body: 'An earlier version misspelled the minister’s name.', at: CORRECTED },
      { kind: 'update', body: 'The minister has since responded.', at: UPDATED },
    ]);
    expect(seen.publicationCount).toBe(4);
    expect(seen.publishedAt).toEqual(FIRST_PUBLISHED);
    expect(seen.updatedAt).toEqual(UPDATED);
  });

  it('shows a first publication with no notices and a publication count of 1', async () => {
    const writer = await createStaff('writer');
    const editor = await createStaff('editor');
    const article = await createPublishedArticle(writer, editor, { now: FIRST_PUBLISHED });

    const found = await findPublishedArticle(article.slug);

    expect(found).toMatchObject({ kind: 'article', article: { notices: [], publicationCount: 1, publishedAt: FIRST_PUBLISHED, updatedAt: null } });
  });

  it('hides notices with the article when it is unpublished, and shows them again, with the new one, when it is republished', async () => {
    const writer = await createStaff('writer');
    const editor = await createStaff('editor');
    const article = await publishedWithEdit(writer, editor);
    await publishArticle(
      editor,
      { articleId: article.id, expectedVersion: article.version, notice: { kind: 'correction', body: 'A name was misspelled.' } },
      { now: CORRECTED },
    );
    await unpublishArticle(editor, { articleId: article.id, expectedVersion: article.version }, { now: REPUBLISHED });
    expect(await findPublishedArticle(article.slug)).toBeNull();

    await publishArticle(
      editor,
      {
        articleId: article.id,
        expectedVersion: article.version,
        notice: { kind: 'editors_note', body: 'This story was briefly withdrawn for legal review.' },
      },
      { now: UPDATED },
    );

    const found = await findPublishedArticle(article.slug);
    expect(found).toMatchObject({
      kind: 'article',
      article: {
        publicationCount: 3,
        notices: [
          { kind: 'correction', body: 'A name was misspelled.', at: CORRECTED },
          { kind: 'editors_note', body: 'This story was briefly withdrawn for legal review.', at: UPDATED },
        ],
      },
    });
  });
});
