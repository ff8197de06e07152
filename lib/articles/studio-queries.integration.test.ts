import { count } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { articles } from '@/db/schema';
import { NotFoundError } from '@/lib/errors';
import type { Actor } from '@/lib/permissions';
import { useFreshDatabase } from '@/test-support/database';
import {
  createDraft,
  createPublishedArticle,
  createStaff,
  currentSaveInput,
  paragraphs,
  saveChanges,
  uniqueHeadline,
} from '@/test-support/factories';
import { caught } from '@/test-support/inspect';
import { publishArticle, submitArticle } from './article-workflow';
import {
  getArticleForEditor,
  getRevision,
  listStudioArticles,
  STUDIO_PAGE_SIZE,
  type StudioArticleRow,
  type StudioListQuery,
} from './studio-queries';

const { db } = useFreshDatabase();

/** Every row on every page of a studio list. */
async function listAll(actor: Actor, query: Omit<StudioListQuery, 'page'>): Promise<StudioArticleRow[]> {
  const rows: StudioArticleRow[] = [];
  for (let page = 1; ; page++) {
    const result = await listStudioArticles(actor, { ...query, page });
    rows.push(...result.rows);
    if (page * result.pageSize >= result.total) return rows;
  }
}

function ids(rows: StudioArticleRow[]): number[] {
  return rows.map((row) => row.id).sort((a, b) => a - b);
}

describe('the studio article list', () => {
  it('shows a writer their own articles and published ones, never another writer’s draft', async () => {
    const writer = await createStaff('writer');
    const other = await createStaff('writer');
    const editor = await createStaff('editor');
    const own = await createDraft(writer);
    const othersDraft = await createDraft(other);
    const othersPublished = await createPublishedArticle(other, editor);

    const rows = await listAll(writer, { scope: 'all' });

    expect(ids(rows)).toEqual(expect.arrayContaining([own.id, othersPublished.id]));
    expect(ids(rows)).not.toContain(othersDraft.id);
    expect(rows.filter((row) => row.status !== 'published').map((row) => row.id)).toEqual([own.id]);
  });

  it('shows a writer only their own articles under mine', async () => {
    const writer = await createStaff('writer');
    const other = await createStaff('writer');
    const editor = await createStaff('editor');
    const own = await createDraft(writer);
    const ownPublished = await createPublishedArticle(writer, editor);
    await createDraft(other);
    await createPublishedArticle(other, editor);

    const result = await listStudioArticles(writer, { scope: 'mine', page: 1 });

    expect(ids(result.rows)).toEqual([own.id, ownPublished.id].sort((a, b) => a - b));
    expect(result.total).toBe(2);
  });

  it('includes under mine an article where the writer is only on the byline', async () => {
    const writer = await createStaff('writer');
    const other = await createStaff('writer');
    const editor = await createStaff('editor');
    const shared = await createDraft(other);
    await saveChanges(editor, shared.id, { bylineIds: [other.id, writer.id] });

    const mine = await listStudioArticles(writer, { scope: 'mine', page: 1 });
    const all = await listAll(writer, { scope: 'all' });

    expect(ids(mine.rows)).toEqual([shared.id]);
    expect(mine.rows[0]?.bylines.map((person) => person.id)).toEqual([other.id, writer.id]);
    expect(ids(all)).toContain(shared.id);
  });

  it('shows an editor every article', async () => {
    const writer = await createStaff('writer');
    const other = await createStaff('writer');
    const editor = await createStaff('editor');
    const drafts = [await createDraft(writer), await createDraft(other)];
    const published = await createPublishedArticle(other, editor);
    const [everything] = await db().select({ n: count() }).from(articles);

    const rows = await listAll(editor, { scope: 'all' });

    expect(rows).toHaveLength(everything!.n);
    expect(ids(rows)).toEqual(expect.arrayContaining([drafts[0]!.id, drafts[1]!.id, published.id]));
  });

  it('filters by status', async () => {
    const writer = await createStaff('writer');
    const other = await createStaff('writer');
    const editor = await createStaff('editor');
    const draft = await createDraft(writer);
    const inReview = await createDraft(writer);
    await submitArticle(writer, { articleId: inReview.id, expectedVersion: inReview.version });
    await createDraft(other);

    const drafts = await listAll(writer, { scope: 'all', status: 'draft' });
    const inReviewForEditor = await listAll(editor, { scope: 'all', status: 'in_review' });

    expect(ids(drafts)).toEqual([draft.id]);
    expect(inReviewForEditor.every((row) => row.status === 'in_review')).toBe(true);
    expect(ids(inReviewForEditor)).toContain(inReview.id);
    expect(ids(inReviewForEditor)).not.toContain(draft.id);
  });

  it('pages the list and reports the total', async () => {
    const writer = await createStaff('writer');
    const created: number[] = [];
    for (let i = 0; i < STUDIO_PAGE_SIZE + 1; i++) created.push((await createDraft(writer)).id);

    const first = await listStudioArticles(writer, { scope: 'mine', page: 1 });
    const second = await listStudioArticles(writer, { scope: 'mine', page: 2 });

    expect(first.total).toBe(STUDIO_PAGE_SIZE + 1);
    expect(first.rows).toHaveLength(STUDIO_PAGE_SIZE);
    expect(second.total).toBe(STUDIO_PAGE_SIZE + 1);
    // Most recently updated first: the first draft created is the one left for page two.
    expect(second.rows.map((row) => row.id)).toEqual([created[0]]);
    expect(ids([...first.rows, ...second.rows])).toEqual(created);
  });

  it('flags a published article with unpublished changes', async () => {
    const writer = await createStaff('writer');
    const editor = await createStaff('editor');
    const article = await createPublishedArticle(writer, editor);
    const untouched = await createPublishedArticle(writer, editor);

    await saveChanges(editor, article.id, { body: paragraphs('A change readers have not seen yet.') });

    const rows = await listStudioArticles(writer, { scope: 'mine', page: 1 });
    const byId = new Map(rows.rows.map((row) => [row.id, row]));
    expect(byId.get(article.id)?.hasUnpublishedChanges).toBe(true);
    expect(byId.get(untouched.id)?.hasUnpublishedChanges).toBe(false);
    expect((await getArticleForEditor(editor, article.id)).hasUnpublishedChanges).toBe(true);
    expect((await getArticleForEditor(editor, untouched.id)).hasUnpublishedChanges).toBe(false);
  });
});

describe('opening an article in the editor', () => {
  it('gives a writer on their own draft edit and submit only', async () => {
    const writer = await createStaff('writer');
    const draft = await createDraft(writer);

    const opened = await getArticleForEditor(writer, draft.id);

    expect(opened.can).toEqual({ edit: true, submit: true, publish: false, unpublish: false, review: false, changeBylines: false });
    expect(opened.workingCopy).toMatchObject({ version: draft.version, updatedBy: writer.name });
  });

  it('gives a writer nothing on their own article in review', async () => {
    const writer = await createStaff('writer');
    const draft = await createDraft(writer);
    await submitArticle(writer, { articleId: draft.id, expectedVersion: draft.version });

    const opened = await getArticleForEditor(writer, draft.id);

    expect(opened.can).toEqual({ edit: false, submit: false, publish: false, unpublish: false, review: false, changeBylines: false });
  });

  it('gives a writer nothing on another writer’s published article', async () => {
    const writer = await createStaff('writer');
    const other = await createStaff('writer');
    const editor = await createStaff('editor');
    const article = await createPublishedArticle(other, editor);

    const opened = await getArticleForEditor(writer, article.id);

    expect(opened.can).toEqual({ edit: false, submit: false, publish: false, unpublish: false, review: false, changeBylines: false });
  });

  it.each(['editor', 'admin'] as const)('gives an %s everything', async (role) => {
    const writer = await createStaff('writer');
    const actor = await createStaff(role);
    const draft = await createDraft(writer);

    const opened = await getArticleForEditor(actor, draft.id);

    expect(opened.can).toEqual({ edit: true, submit: true, publish: true, unpublish: true, review: true, changeBylines: true });
  });

  it('answers a writer opening another writer’s draft as not found, without naming it', async () => {
    const author = await createStaff('writer');
    const intruder = await createStaff('writer');
    const headline = uniqueHeadline('Embargoed');
    const draft = await createDraft(author, { headline });

    const error = await caught(getArticleForEditor(intruder, draft.id));

    expect(error).toBeInstanceOf(NotFoundError);
    expect((error as Error).message).not.toContain(headline);
  });
});

describe('opening a revision', () => {
  /** A draft saved twice, published, then saved again: revisions 1-4, the third published. */
  async function articleWithHistory(writer: Actor, editor: Actor) {
    const draft = await createDraft(writer, { headline: uniqueHeadline('History') });
    await saveChanges(writer, draft.id, { headline: 'Second save' });
    const { baseVersion } = await currentSaveInput(draft.id);
    await publishArticle(editor, { articleId: draft.id, expectedVersion: baseVersion });
    await saveChanges(editor, draft.id, { headline: 'After publication' });
    return draft;
  }

  it('opens one revision with its content', async () => {
    const writer = await createStaff('writer');
    const editor = await createStaff('editor');
    const article = await articleWithHistory(writer, editor);

    const revision = await getRevision(writer, { articleId: article.id, number: 3 });

    expect(revision).toMatchObject({
      number: 3,
      reason: 'publish',
      author: editor.name,
      headline: 'Second save',
      wasPublished: true,
      slug: article.slug,
      bylines: [{ id: writer.id, name: writer.name }],
      body: paragraphs('First paragraph of the story.'),
    });
  });

  it('answers an unknown revision number as not found', async () => {
    const writer = await createStaff('writer');
    const draft = await createDraft(writer);

    const error = await caught(getRevision(writer, { articleId: draft.id, number: 99 }));

    expect(error).toBeInstanceOf(NotFoundError);
  });

  it('answers a writer opening a revision of another writer’s draft as not found', async () => {
    const author = await createStaff('writer');
    const intruder = await createStaff('writer');
    const draft = await createDraft(author);

    const error = await caught(getRevision(intruder, { articleId: draft.id, number: 1 }));

    expect(error).toBeInstanceOf(NotFoundError);
  });
});
