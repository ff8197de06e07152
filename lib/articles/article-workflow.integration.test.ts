import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { reviewNotes } from '@/db/schema';
import { EMPTY_BODY } from '@/lib/content/body-document';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '@/lib/errors';
import { useFreshDatabase } from '@/test-support/database';
import { createDraft, createPublishedArticle, createStaff, paragraphs, saveChanges } from '@/test-support/factories';
import { caught, readArticleState } from '@/test-support/inspect';
import { publishArticle, returnArticleToDraft, submitArticle, unpublishArticle } from './article-workflow';

const { db } = useFreshDatabase();

const PUBLISHED_AT = new Date('2030-05-01T08:00:00Z');
const REPUBLISHED_AT = new Date('2030-05-01T12:30:00Z');

function newRows<T>(before: T[], after: T[]): T[] {
  return after.slice(before.length);
}

describe('what a writer may not do', () => {
  it('refuses a writer publishing their own draft, and publishes nothing', async () => {
    const writer = await createStaff('writer');
    const draft = await createDraft(writer);
    const before = await readArticleState(draft.id);

    const error = await caught(publishArticle(writer, { articleId: draft.id, expectedVersion: draft.version }));

    expect(error).toBeInstanceOf(ForbiddenError);
    const after = await readArticleState(draft.id);
    expect(after.article).toMatchObject({ status: 'draft', publishedRevisionId: null });
    expect(after.publications).toEqual([]);
    expect(after.revisions).toHaveLength(before.revisions.length);
    expect(after).toEqual(before);
  });

  it('refuses a writer unpublishing their own published article, and changes nothing', async () => {
    const writer = await createStaff('writer');
    const editor = await createStaff('editor');
    const article = await createPublishedArticle(writer, editor);
    const before = await readArticleState(article.id);

    const error = await caught(unpublishArticle(writer, { articleId: article.id, expectedVersion: article.version }));

    expect(error).toBeInstanceOf(ForbiddenError);
    const after = await readArticleState(article.id);
    expect(after.article).toMatchObject({ status: 'published', publishedRevisionId: before.article!.publishedRevisionId });
    expect(after.publications).toHaveLength(1);
    expect(after.revisions).toHaveLength(before.revisions.length);
    expect(after).toEqual(before);
  });

  it('answers a writer submitting another writer’s draft as not found, and changes nothing', async () => {
    const author = await createStaff('writer');
    const other = await createStaff('writer');
    const draft = await createDraft(author);
    const before = await readArticleState(draft.id);

    const error = await caught(submitArticle(other, { articleId: draft.id, expectedVersion: draft.version }));

    expect(error).toBeInstanceOf(NotFoundError);
    expect(await readArticleState(draft.id)).toEqual(before);
  });

  it('refuses a writer returning an article to draft', async () => {
    const writer = await createStaff('writer');
    const draft = await createDraft(writer);
    await submitArticle(writer, { articleId: draft.id, expectedVersion: draft.version });
    const before = await readArticleState(draft.id);

    const error = await caught(
      returnArticleToDraft(writer, { articleId: draft.id, expectedVersion: draft.version, note: 'Self-return' }),
    );

    expect(error).toBeInstanceOf(ForbiddenError);
    expect(await readArticleState(draft.id)).toEqual(before);
  });
});

describe('review', () => {
  it.each([
    ['a blank note', { note: '  ' }, 'Tell the writer what to change.'],
    ['an empty note', { note: '' }, 'Tell the writer what to change.'],
    ['no note at all', {}, expect.any(String)],
  ])('refuses to return an article with %s, on note, and changes nothing', async (_, note, message) => {
    const writer = await createStaff('writer');
    const editor = await createStaff('editor');
    const draft = await createDraft(writer);
    await submitArticle(writer, { articleId: draft.id, expectedVersion: draft.version });
    const before = await readArticleState(draft.id);

    const error = await caught(returnArticleToDraft(editor, { articleId: draft.id, expectedVersion: draft.version, ...note }));

    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).fieldErrors).toEqual({ note: [message] });
    expect(await readArticleState(draft.id)).toEqual(before);
    expect(await db().select().from(reviewNotes).where(eq(reviewNotes.articleId, draft.id))).toEqual([]);
  });

  it('stores an approve note, with the editor’s words, when an article in review is published', async () => {
    const writer = await createStaff('writer');
    const editor = await createStaff('editor');
    const draft = await createDraft(writer);
    await submitArticle(writer, { articleId: draft.id, expectedVersion: draft.version });

    await publishArticle(editor, { articleId: draft.id, expectedVersion: draft.version, note: 'Clean copy, thanks.' }, { now: PUBLISHED_AT });

    const notes = await db().select().from(reviewNotes).where(eq(reviewNotes.articleId, draft.id));
    expect(notes.map((note) => [note.kind, note.authorId, note.body, note.createdAt])).toEqual([
      ['approve', editor.id, 'Clean copy, thanks.', PUBLISHED_AT],
    ]);
  });

  it('stores an approve note without words when the editor gives none', async () => {
    const writer = await createStaff('writer');
    const editor = await createStaff('editor');
    const draft = await createDraft(writer);
    await submitArticle(writer, { articleId: draft.id, expectedVersion: draft.version });

    await publishArticle(editor, { articleId: draft.id, expectedVersion: draft.version });

    const notes = await db().select().from(reviewNotes).where(eq(reviewNotes.articleId, draft.id));
    expect(notes.map((note) => [note.kind, note.authorId, note.body])).toEqual([['approve', editor.id, '']]);
  });

  it('stores no review note when a draft that was never submitted is published', async () => {
    const writer = await createStaff('writer');
    const editor = await createStaff('editor');
    const draft = await createDraft(writer);

    await publishArticle(editor, { articleId: draft.id, expectedVersion: draft.version, note: 'Straight out.' });

    expect(await db().select().from(reviewNotes).where(eq(reviewNotes.articleId, draft.id))).toEqual([]);
  });
  it('puts a writer’s own draft in review with a submit revision', async () => {
    const writer = await createStaff('writer');
    const draft = await createDraft(writer);
    const before = await readArticleState(draft.id);

    const result = await submitArticle(writer, { articleId: draft.id, expectedVersion: draft.version });

    const after = await readArticleState(draft.id);
    expect(result).toEqual({ status: 'in_review', slug: draft.slug, revisionNumber: before.revisions.length + 1 });
    expect(after.article?.status).toBe('in_review');
    expect(newRows(before.revisions, after.revisions).map((row) => [row.reason, row.authorId, row.workingVersion])).toEqual([
      ['submit', writer.id, draft.version],
    ]);
    expect(newRows(before.audit, after.audit).map((row) => [row.action, row.actorId])).toEqual([['article.submit', writer.id]]);
    expect(after.workingCopy?.version).toBe(draft.version);
  });

  it('lets an editor return an article in review to draft', async () => {
    const writer = await createStaff('writer');
    const editor = await createStaff('editor');
    const draft = await createDraft(writer);
    await submitArticle(writer, { articleId: draft.id, expectedVersion: draft.version });
    const before = await readArticleState(draft.id);

    const result = await returnArticleToDraft(editor, {
      articleId: draft.id,
      expectedVersion: draft.version,
      note: 'Attribute the second figure to its report.',
    });

    const after = await readArticleState(draft.id);
    expect(result).toEqual({ status: 'draft', slug: draft.slug, revisionNumber: null });
    const notes = await db().select().from(reviewNotes).where(eq(reviewNotes.articleId, draft.id));
    expect(notes.map((note) => [note.kind, note.authorId, note.body])).toEqual([
      ['return', editor.id, 'Attribute the second figure to its report.'],
    ]);
    expect(after.article?.status).toBe('draft');
    expect(after.revisions).toEqual(before.revisions);
    expect(newRows(before.audit, after.audit).map((row) => [row.action, row.actorId])).toEqual([['article.return', editor.id]]);
  });
});

describe('publishing', () => {
  it('publishes: one publication, a publish revision, both publication times now, an audit event', async () => {
    const writer = await createStaff('writer');
    const editor = await createStaff('editor');
    const draft = await createDraft(writer);
    const before = await readArticleState(draft.id);

    const result = await publishArticle(editor, { articleId: draft.id, expectedVersion: draft.version }, { now: PUBLISHED_AT });

    const after = await readArticleState(draft.id);
    const [publishRevision, ...others] = newRows(before.revisions, after.revisions);
    expect(others).toEqual([]);
    expect(publishRevision).toMatchObject({ reason: 'publish', authorId: editor.id, workingVersion: draft.version, createdAt: PUBLISHED_AT });
    expect(result).toEqual({ status: 'published', slug: draft.slug, revisionNumber: publishRevision!.number });
    expect(after.article).toMatchObject({
      status: 'published',
      slug: draft.slug,
      publishedRevisionId: publishRevision!.id,
      firstPublishedAt: PUBLISHED_AT,
      lastPublishedAt: PUBLISHED_AT,
    });
    expect(after.publications.map(({ revisionId, publishedBy, publishedAt }) => ({ revisionId, publishedBy, publishedAt }))).toEqual([
      { revisionId: publishRevision!.id, publishedBy: editor.id, publishedAt: PUBLISHED_AT },
    ]);
    expect(after.slugs.map(({ slug, wasPublic }) => ({ slug, wasPublic }))).toEqual([{ slug: draft.slug, wasPublic: true }]);
    const audit = newRows(before.audit, after.audit);
    expect(audit.map((row) => [row.action, row.actorId, row.details])).toEqual([
      ['article.publish', editor.id, { revision: publishRevision!.number, slug: draft.slug }],
    ]);
  });

  it('credits unsnapshotted edits to their writer with a handover revision before the publish revision', async () => {
    const writer = await createStaff('writer');
    const editor = await createStaff('editor');
    const draft = await createDraft(writer);
    const version = await saveChanges(writer, draft.id, { intent: 'autosave', headline: 'Autosaved, never saved' });
    const before = await readArticleState(draft.id);

    await publishArticle(editor, { articleId: draft.id, expectedVersion: version }, { now: PUBLISHED_AT });

    const added = newRows(before.revisions, (await readArticleState(draft.id)).revisions);
    expect(added.map((row) => [row.reason, row.authorId, row.headline, row.workingVersion])).toEqual([
      ['handover', writer.id, 'Autosaved, never saved', version],
      ['publish', editor.id, 'Autosaved, never saved', version],
    ]);
  });

  it('refuses a stale expected version with the current state, and publishes nothing', async () => {
    const writer = await createStaff('writer');
    const editor = await createStaff('editor');
    const draft = await createDraft(writer);
    const version = await saveChanges(writer, draft.id, { headline: 'Changed after the editor looked' });
    const before = await readArticleState(draft.id);

    const error = await caught(publishArticle(editor, { articleId: draft.id, expectedVersion: draft.version }));

    expect(error).toBeInstanceOf(ConflictError);
    expect((error as ConflictError<{ version: number; headline: string }>).current).toMatchObject({
      version,
      headline: 'Changed after the editor looked',
    });
    expect(await readArticleState(draft.id)).toEqual(before);
  });

  it('refuses to publish an article without a headline, and publishes nothing', async () => {
    const writer = await createStaff('writer');
    const editor = await createStaff('editor');
    const draft = await createDraft(writer);
    const version = await saveChanges(writer, draft.id, { headline: '   ' });
    const before = await readArticleState(draft.id);

    const error = await caught(publishArticle(editor, { articleId: draft.id, expectedVersion: version }));

    expect(error).toBeInstanceOf(ValidationError);
    expect(Object.keys((error as ValidationError).fieldErrors)).toEqual(['headline']);
    expect(await readArticleState(draft.id)).toEqual(before);
  });

  it('refuses to publish an article with an empty body, and publishes nothing', async () => {
    const writer = await createStaff('writer');
    const editor = await createStaff('editor');
    const draft = await createDraft(writer);
    const version = await saveChanges(writer, draft.id, { body: EMPTY_BODY });
    const before = await readArticleState(draft.id);

    const error = await caught(publishArticle(editor, { articleId: draft.id, expectedVersion: version }));

    expect(error).toBeInstanceOf(ValidationError);
    expect(Object.keys((error as ValidationError).fieldErrors)).toEqual(['body']);
    expect(await readArticleState(draft.id)).toEqual(before);
  });

  it('republishes after edits: the last publication time moves, the first stays, two publications', async () => {
    const writer = await createStaff('writer');
    const editor = await createStaff('editor');
    const article = await createPublishedArticle(writer, editor, { now: PUBLISHED_AT });
    const version = await saveChanges(editor, article.id, { body: paragraphs('Updated with new figures.') });

    await publishArticle(editor, { articleId: article.id, expectedVersion: version }, { now: REPUBLISHED_AT });

    const after = await readArticleState(article.id);
    const publishRevisions = after.revisions.filter((row) => row.reason === 'publish');
    expect(publishRevisions.map((row) => row.workingVersion)).toEqual([article.version, version]);
    expect(after.article).toMatchObject({
      status: 'published',
      firstPublishedAt: PUBLISHED_AT,
      lastPublishedAt: REPUBLISHED_AT,
      publishedRevisionId: publishRevisions[1]!.id,
    });
    expect(after.publications.map((row) => [row.revisionId, row.publishedAt])).toEqual([
      [publishRevisions[0]!.id, PUBLISHED_AT],
      [publishRevisions[1]!.id, REPUBLISHED_AT],
    ]);
  });

  it('unpublishes: status unpublished, no published revision, the publication history kept', async () => {
    const writer = await createStaff('writer');
    const editor = await createStaff('editor');
    const article = await createPublishedArticle(writer, editor, { now: PUBLISHED_AT });
    const before = await readArticleState(article.id);

    const result = await unpublishArticle(editor, { articleId: article.id, expectedVersion: article.version });

    const after = await readArticleState(article.id);
    expect(result).toEqual({ status: 'unpublished', slug: article.slug, revisionNumber: null });
    expect(after.article).toMatchObject({ status: 'unpublished', publishedRevisionId: null, firstPublishedAt: PUBLISHED_AT });
    expect(after.publications).toEqual(before.publications);
    expect(after.publications).toHaveLength(1);
    expect(after.revisions).toEqual(before.revisions);
    expect(newRows(before.audit, after.audit).map((row) => [row.action, row.actorId])).toEqual([['article.unpublish', editor.id]]);
  });
});

describe('transitions the status machine does not allow', () => {
  it('refuses to unpublish a draft', async () => {
    const writer = await createStaff('writer');
    const editor = await createStaff('editor');
    const draft = await createDraft(writer);
    const before = await readArticleState(draft.id);

    const error = await caught(unpublishArticle(editor, { articleId: draft.id, expectedVersion: draft.version }));

    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).fieldErrors).toEqual({ status: ['A draft article cannot be unpublished.'] });
    expect(await readArticleState(draft.id)).toEqual(before);
  });

  it('refuses to submit a published article', async () => {
    const writer = await createStaff('writer');
    const editor = await createStaff('editor');
    const article = await createPublishedArticle(writer, editor);
    const before = await readArticleState(article.id);

    const error = await caught(submitArticle(editor, { articleId: article.id, expectedVersion: article.version }));

    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).fieldErrors).toEqual({ status: ['A published article cannot be submitted for review.'] });
    expect(await readArticleState(article.id)).toEqual(before);
  });
});
