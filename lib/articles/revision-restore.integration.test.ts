import { describe, expect, it } from 'vitest';
import { ConflictError, NotFoundError, ValidationError } from '@/lib/errors';
import { useFreshDatabase } from '@/test-support/database';
import {
  createDraft,
  createPublishedArticle,
  createSection,
  createStaff,
  currentSaveInput,
  paragraphs,
  saveChanges,
  uniqueHeadline,
} from '@/test-support/factories';
import { caught, readArticleState } from '@/test-support/inspect';
import type { WorkingCopyState } from './article-locking';
import { publishArticle } from './article-workflow';
import { findPublishedArticle } from './public-articles';
import { restoreRevision } from './revision-restore';
import { slugify } from './slug';

useFreshDatabase();

const T0 = new Date('2030-06-01T08:00:00Z');
function at(seconds: number): Date {
  return new Date(T0.getTime() + seconds * 1000);
}

async function currentVersion(articleId: number): Promise<number> {
  return (await currentSaveInput(articleId)).baseVersion;
}

describe('restoring a revision', () => {
  it('brings back every field of the revision as the working copy', async () => {
    const writer = await createStaff('writer');
    const colleague = await createStaff('writer');
    const editor = await createStaff('editor');
    const draft = await createDraft(writer, { headline: uniqueHeadline('Original'), body: paragraphs('Original lede.', 'Original detail.'), now: at(0) });
    const original = (await readArticleState(draft.id)).revisions[0]!;
    const otherHeadline = uniqueHeadline('Rewritten');
    await saveChanges(
      editor,
      draft.id,
      {
        headline: otherHeadline,
        standfirst: 'A different standfirst.',
        slug: slugify(otherHeadline),
        sectionId: await createSection(),
        bylineIds: [colleague.id, writer.id],
        body: paragraphs('A rewritten lede.'),
      },
      { now: at(10) },
    );

    const result = await restoreRevision(editor, { articleId: draft.id, number: 1, expectedVersion: await currentVersion(draft.id) }, { now: at(20) });

    const state = await readArticleState(draft.id);
    expect(state.workingCopy).toMatchObject({
      headline: original.headline,
      standfirst: original.standfirst,
      slug: draft.slug,
      sectionId: draft.sectionId,
      bylineIds: [writer.id],
      body: paragraphs('Original lede.', 'Original detail.'),
      version: draft.version + 2,
      updatedBy: editor.id,
      updatedAt: at(20),
    });
    expect(result).toEqual({ version: draft.version + 2, savedAt: at(20).toISOString(), revisionNumber: 3 });
    // Not yet published: the article's address follows the restored slug, and the rewritten one is let go.
    expect(state.article?.slug).toBe(draft.slug);
    expect(state.slugs.map((row) => row.slug)).toEqual([draft.slug]);
  });

  it('records the restore as a new revision, deleting none', async () => {
    const writer = await createStaff('writer');
    const editor = await createStaff('editor');
    const draft = await createDraft(writer, { now: at(0) });
    await saveChanges(writer, draft.id, { headline: 'Second' }, { now: at(10) });
    await saveChanges(writer, draft.id, { headline: 'Third' }, { now: at(20) });
    const before = await readArticleState(draft.id);

    await restoreRevision(editor, { articleId: draft.id, number: 1, expectedVersion: before.workingCopy!.version }, { now: at(30) });

    const after = await readArticleState(draft.id);
    expect(after.revisions.slice(0, before.revisions.length)).toEqual(before.revisions);
    expect(after.revisions.slice(before.revisions.length).map((row) => [row.number, row.reason, row.note, row.authorId, row.headline, row.workingVersion])).toEqual([
      [4, 'restore', 'Restored from revision 1', editor.id, before.revisions[0]!.headline, before.workingCopy!.version + 1],
    ]);
    expect(after.workingCopy?.revisionCount).toBe(4);
    expect(after.audit.slice(before.audit.length).map((row) => [row.action, row.actorId, row.details])).toEqual([
      ['article.restore', editor.id, { from: 1, revision: 4 }],
    ]);
  });

  it('first keeps the unsaved words of whoever typed last, then restores', async () => {
    const writer = await createStaff('writer');
    const editor = await createStaff('editor');
    const draft = await createDraft(writer, { now: at(0) });
    await saveChanges(writer, draft.id, { intent: 'autosave', body: paragraphs('Autosaved, never saved on purpose.') }, { now: at(10) });
    const before = await readArticleState(draft.id);

    await restoreRevision(editor, { articleId: draft.id, number: 1, expectedVersion: before.workingCopy!.version }, { now: at(20) });

    const after = await readArticleState(draft.id);
    expect(after.revisions.slice(0, before.revisions.length)).toEqual(before.revisions);
    expect(after.revisions.slice(before.revisions.length).map((row) => [row.reason, row.authorId, row.body, row.note])).toEqual([
      ['handover', writer.id, paragraphs('Autosaved, never saved on purpose.'), null],
      ['restore', editor.id, paragraphs('First paragraph of the story.'), 'Restored from revision 1'],
    ]);
  });

  it('refuses a stale expected version with the current state, and changes nothing', async () => {
    const writer = await createStaff('writer');
    const editor = await createStaff('editor');
    const draft = await createDraft(writer, { now: at(0) });
    await saveChanges(writer, draft.id, { headline: 'Newer headline' }, { now: at(10) });
    const before = await readArticleState(draft.id);

    const error = await caught(restoreRevision(editor, { articleId: draft.id, number: 1, expectedVersion: draft.version }, { now: at(20) }));

    expect(error).toBeInstanceOf(ConflictError);
    expect((error as ConflictError<WorkingCopyState>).current).toMatchObject({ version: draft.version + 1, headline: 'Newer headline' });
    expect(await readArticleState(draft.id)).toEqual(before);
  });

  it('answers an unknown revision number as not found, and changes nothing', async () => {
    const writer = await createStaff('writer');
    const draft = await createDraft(writer);
    const before = await readArticleState(draft.id);

    const error = await caught(restoreRevision(writer, { articleId: draft.id, number: 99, expectedVersion: draft.version }));

    expect(error).toBeInstanceOf(NotFoundError);
    expect(await readArticleState(draft.id)).toEqual(before);
  });

  it('answers a writer restoring on another writer’s draft as not found, and changes nothing', async () => {
    const author = await createStaff('writer');
    const intruder = await createStaff('writer');
    const draft = await createDraft(author);
    const before = await readArticleState(draft.id);

    const error = await caught(restoreRevision(intruder, { articleId: draft.id, number: 1, expectedVersion: draft.version }));

    expect(error).toBeInstanceOf(NotFoundError);
    expect(await readArticleState(draft.id)).toEqual(before);
  });

  it('refuses a writer restoring a revision with other bylines, on bylineIds, and changes nothing', async () => {
    const writer = await createStaff('writer');
    const colleague = await createStaff('writer');
    const editor = await createStaff('editor');
    const draft = await createDraft(writer, { now: at(0) });
    await saveChanges(editor, draft.id, { bylineIds: [writer.id, colleague.id], headline: 'Shared now' }, { now: at(10) });
    const before = await readArticleState(draft.id);

    const error = await caught(restoreRevision(writer, { articleId: draft.id, number: 1, expectedVersion: before.workingCopy!.version }, { now: at(20) }));

    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).fieldErrors).toEqual({ bylineIds: ['Only editors can change bylines.'] });
    expect(await readArticleState(draft.id)).toEqual(before);
  });

  it('lets a writer restore their own revision with the same bylines', async () => {
    const writer = await createStaff('writer');
    const draft = await createDraft(writer, { headline: 'Writer’s first headline', now: at(0) });
    await saveChanges(writer, draft.id, { headline: 'Writer’s second headline' }, { now: at(10) });

    const result = await restoreRevision(writer, { articleId: draft.id, number: 1, expectedVersion: draft.version + 1 }, { now: at(20) });

    expect(result.revisionNumber).toBe(3);
    expect((await readArticleState(draft.id)).workingCopy?.headline).toBe('Writer’s first headline');
  });

  it('refuses a revision whose slug another article now uses, on slug, and changes nothing', async () => {
    const writer = await createStaff('writer');
    const editor = await createStaff('editor');
    const draft = await createDraft(writer, { now: at(0) });
    const renamed = uniqueHeadline('Renamed');
    await saveChanges(writer, draft.id, { slug: slugify(renamed) }, { now: at(10) });
    const other = await createDraft(writer, { now: at(20) });
    await saveChanges(writer, other.id, { slug: draft.slug }, { now: at(30) });
    const before = await readArticleState(draft.id);
    const otherBefore = await readArticleState(other.id);

    const error = await caught(restoreRevision(editor, { articleId: draft.id, number: 1, expectedVersion: before.workingCopy!.version }, { now: at(40) }));

    expect(error).toBeInstanceOf(ValidationError);
    expect(Object.keys((error as ValidationError).fieldErrors)).toEqual(['slug']);
    expect(await readArticleState(draft.id)).toEqual(before);
    expect(await readArticleState(other.id)).toEqual(otherBefore);
  });

  it('on a published article changes the working copy, not what readers see', async () => {
    const writer = await createStaff('writer');
    const editor = await createStaff('editor');
    const article = await createPublishedArticle(writer, editor, { headline: uniqueHeadline('As first written'), body: paragraphs('First text.'), now: at(0) });
    await saveChanges(editor, article.id, { headline: 'As published later', body: paragraphs('Second text.') }, { now: at(10) });
    const { baseVersion } = await currentSaveInput(article.id);
    await publishArticle(editor, { articleId: article.id, expectedVersion: baseVersion }, { now: at(20) });
    const before = await readArticleState(article.id);

    await restoreRevision(editor, { articleId: article.id, number: 1, expectedVersion: baseVersion }, { now: at(30) });

    const after = await readArticleState(article.id);
    expect(after.workingCopy).toMatchObject({ headline: before.revisions[0]!.headline, body: paragraphs('First text.') });
    expect(after.article).toEqual({ ...before.article, updatedAt: at(30) });
    expect(after.publications).toEqual(before.publications);
    const seen = await findPublishedArticle(article.slug);
    expect(seen).toMatchObject({ kind: 'article', article: { headline: 'As published later', body: paragraphs('Second text.') } });
  });
});
