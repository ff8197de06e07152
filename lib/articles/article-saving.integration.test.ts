import { count, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { articles, articleSlugs } from '@/db/schema';
import { getConfig } from '@/lib/config';
import type { BodyDocument } from '@/lib/content/body-document';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '@/lib/errors';
import { openConnections, useFreshDatabase } from '@/test-support/database';
import {
  createDraft,
  createSection,
  createStaff,
  currentSaveInput,
  deactivate,
  paragraphs,
  saveChanges,
  uniqueHeadline,
} from '@/test-support/factories';
import { caught, readArticleState } from '@/test-support/inspect';
import type { WorkingCopyState } from './article-locking';
import { createArticle, saveWorkingCopy } from './article-saving';
import { submitArticle } from './article-workflow';
import { slugify } from './slug';

const { db } = useFreshDatabase();

const T0 = new Date('2030-03-02T10:00:00Z');
function at(seconds: number): Date {
  return new Date(T0.getTime() + seconds * 1000);
}

async function articleCount(): Promise<number> {
  const [row] = await db().select({ n: count() }).from(articles);
  return row!.n;
}

function linkedText(href: string): BodyDocument {
  return {
    type: 'doc',
    content: [{ type: 'paragraph', content: [{ type: 'text', text: 'click', marks: [{ type: 'link', attrs: { href } }] }] }],
  };
}

describe('creating an article', () => {
  it('starts a draft at version 1, slugged from the headline, with the creator on the byline', async () => {
    const writer = await createStaff('writer');
    const sectionId = await createSection();
    const headline = `${uniqueHeadline('Mayor’s budget:')} what changes?`;

    const created = await createArticle(writer, { headline, sectionId });

    expect(created.slug).toBe(slugify(headline));
    const state = await readArticleState(created.id);
    expect(state.article).toMatchObject({ slug: created.slug, status: 'draft', createdBy: writer.id, publishedRevisionId: null });
    expect(state.workingCopy).toMatchObject({ version: 1, headline, slug: created.slug, sectionId, bylineIds: [writer.id], updatedBy: writer.id });
    expect(state.slugs.map(({ slug, wasPublic }) => ({ slug, wasPublic }))).toEqual([{ slug: created.slug, wasPublic: false }]);
    expect(state.revisions).toEqual([]);
    expect(state.audit.map((row) => [row.action, row.actorId])).toEqual([['article.create', writer.id]]);
  });

  it('gives a second article with the same headline the slug with -2', async () => {
    const writer = await createStaff('writer');
    const sectionId = await createSection();
    const headline = uniqueHeadline('Flood warning');
    const first = await createArticle(writer, { headline, sectionId });

    const second = await createArticle(writer, { headline, sectionId });

    expect(first.slug).toBe(slugify(headline));
    expect(second.slug).toBe(`${slugify(headline)}-2`);
    expect((await readArticleState(second.id)).workingCopy?.slug).toBe(second.slug);
  });

  it('refuses an unknown section on sectionId and creates no article', async () => {
    const writer = await createStaff('writer');
    const headline = uniqueHeadline('Nowhere');
    const before = await articleCount();

    const error = await caught(createArticle(writer, { headline, sectionId: 999_999 }));

    expect(error).toBeInstanceOf(ValidationError);
    expect(Object.keys((error as ValidationError).fieldErrors)).toEqual(['sectionId']);
    expect(await articleCount()).toBe(before);
    expect(await db().select().from(articles).where(eq(articles.createdBy, writer.id))).toEqual([]);
    expect(await db().select().from(articleSlugs).where(eq(articleSlugs.slug, slugify(headline)))).toEqual([]);
  });
});

describe('saving the working copy', () => {
  it('saves every field and returns the next version', async () => {
    const writer = await createStaff('writer');
    const draft = await createDraft(writer);
    const newSection = await createSection();
    const headline = uniqueHeadline('Rewritten');
    const body = paragraphs('A new lede.', 'A second paragraph.');
    const now = new Date();

    const result = await saveWorkingCopy(
      writer,
      draft.id,
      { baseVersion: draft.version, intent: 'save', headline, standfirst: 'New standfirst.', slug: slugify(headline), sectionId: newSection, bylineIds: [writer.id], body },
      { now },
    );

    expect(result).toEqual({ version: draft.version + 1, savedAt: now.toISOString(), revisionNumber: 2 });
    const state = await readArticleState(draft.id);
    expect(state.workingCopy).toMatchObject({
      version: draft.version + 1,
      headline,
      standfirst: 'New standfirst.',
      slug: slugify(headline),
      sectionId: newSection,
      bylineIds: [writer.id],
      body,
      updatedBy: writer.id,
      updatedAt: now,
    });
    // Not yet published: the article's address follows the working slug, and the old one is let go.
    expect(state.article?.slug).toBe(slugify(headline));
    expect(state.slugs.map((row) => row.slug)).toEqual([slugify(headline)]);
  });

  it('refuses a stale base version with the current state, and changes nothing', async () => {
    const writer = await createStaff('writer');
    const editor = await createStaff('editor');
    const draft = await createDraft(writer);
    const editorBody = paragraphs('The editor’s version.');
    const editorVersion = await saveChanges(editor, draft.id, { headline: 'Editor headline', body: editorBody });
    const before = await readArticleState(draft.id);

    const error = await caught(
      saveWorkingCopy(writer, draft.id, { ...(await currentSaveInput(draft.id)), baseVersion: draft.version, headline: 'Writer headline', body: paragraphs('Mine.') }),
    );

    expect(error).toBeInstanceOf(ConflictError);
    const current = (error as ConflictError<WorkingCopyState>).current;
    expect(current).toMatchObject({
      version: editorVersion,
      headline: 'Editor headline',
      body: editorBody,
      updatedBy: { id: editor.id, name: editor.name },
    });
    expect(await readArticleState(draft.id)).toEqual(before);
  });

  it.each([
    ['a javascript: link', linkedText('javascript:alert(1)'), /Links must start with http:\/\/, https:\/\/ or mailto:/],
    [
      'an unknown node',
      { type: 'doc', content: [{ type: 'paragraph' }, { type: 'script', content: [{ type: 'text', text: 'alert(1)' }] }] },
      /unknown.*script/i,
    ],
    [
      'an unknown attribute',
      { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'x', marks: [{ type: 'link', attrs: { href: 'https://example.com', onclick: 'alert(1)' } }] }] }] },
      /Unknown attribute "onclick"/,
    ],
  ])('refuses a body with %s on body, and changes nothing', async (_, body, message) => {
    const writer = await createStaff('writer');
    const draft = await createDraft(writer);
    const before = await readArticleState(draft.id);

    const error = await caught(saveWorkingCopy(writer, draft.id, { ...(await currentSaveInput(draft.id)), body }));

    expect(error).toBeInstanceOf(ValidationError);
    const { fieldErrors } = error as ValidationError;
    expect(Object.keys(fieldErrors)).toEqual(['body']);
    expect(fieldErrors.body).toHaveLength(1);
    expect(fieldErrors.body![0]).toMatch(message);
    expect(await readArticleState(draft.id)).toEqual(before);
  });

  it('reports every invalid field at once', async () => {
    const writer = await createStaff('writer');
    const draft = await createDraft(writer);
    const before = await readArticleState(draft.id);

    const error = await caught(
      saveWorkingCopy(writer, draft.id, {
        ...(await currentSaveInput(draft.id)),
        headline: 'x'.repeat(201),
        slug: 'Not A Slug!',
        bylineIds: [],
        body: linkedText('javascript:alert(1)'),
      }),
    );

    expect(error).toBeInstanceOf(ValidationError);
    expect(Object.keys((error as ValidationError).fieldErrors).sort()).toEqual(['body', 'bylineIds', 'headline', 'slug']);
    expect(await readArticleState(draft.id)).toEqual(before);
  });

  it('refuses a slug another article uses, and claims nothing', async () => {
    const writer = await createStaff('writer');
    const other = await createDraft(writer);
    const draft = await createDraft(writer);
    const before = await readArticleState(draft.id);
    const otherBefore = await readArticleState(other.id);

    const error = await caught(saveWorkingCopy(writer, draft.id, { ...(await currentSaveInput(draft.id)), slug: other.slug }));

    expect(error).toBeInstanceOf(ValidationError);
    expect(Object.keys((error as ValidationError).fieldErrors)).toEqual(['slug']);
    expect(await readArticleState(draft.id)).toEqual(before);
    expect(await readArticleState(other.id)).toEqual(otherBefore);
  });

  it('refuses an unknown section on sectionId, and changes nothing', async () => {
    const writer = await createStaff('writer');
    const draft = await createDraft(writer);
    const before = await readArticleState(draft.id);

    const error = await caught(saveWorkingCopy(writer, draft.id, { ...(await currentSaveInput(draft.id)), sectionId: 999_999 }));

    expect(error).toBeInstanceOf(ValidationError);
    expect(Object.keys((error as ValidationError).fieldErrors)).toEqual(['sectionId']);
    expect(await readArticleState(draft.id)).toEqual(before);
  });

  it('ignores fields a save may not set', async () => {
    const writer = await createStaff('writer');
    const admin = await createStaff('admin');
    const draft = await createDraft(writer);

    const result = await saveWorkingCopy(writer, draft.id, {
      ...(await currentSaveInput(draft.id)),
      headline: 'Plain save',
      status: 'published',
      createdBy: admin.id,
      role: 'admin',
      updatedBy: admin.id,
      version: 99,
    });

    expect(result.version).toBe(draft.version + 1);
    const state = await readArticleState(draft.id);
    expect(state.article).toMatchObject({ status: 'draft', createdBy: writer.id, publishedRevisionId: null });
    expect(state.workingCopy).toMatchObject({ headline: 'Plain save', version: draft.version + 1, updatedBy: writer.id });
    expect(state.publications).toEqual([]);
  });
});

describe('saves that arrive at the same time', () => {
  it('lands one of two saves on the same version and refuses the other with a conflict', async () => {
    const writer = await createStaff('writer');
    const editor = await createStaff('editor');
    const draft = await createDraft(writer);
    const base = await currentSaveInput(draft.id);
    await openConnections(db());

    const outcomes = await Promise.allSettled([
      saveWorkingCopy(writer, draft.id, { ...base, headline: 'Writer wins' }),
      saveWorkingCopy(editor, draft.id, { ...base, headline: 'Editor wins' }),
    ]);

    const landed = outcomes.flatMap((outcome, index) => (outcome.status === 'fulfilled' ? [{ index, version: outcome.value.version }] : []));
    const refused = outcomes.flatMap((outcome) => (outcome.status === 'rejected' ? [outcome.reason] : []));
    expect(landed).toHaveLength(1);
    expect(landed[0]!.version).toBe(draft.version + 1);
    expect(refused).toHaveLength(1);
    expect(refused[0]).toBeInstanceOf(ConflictError);
    const winner = landed[0]!.index === 0 ? 'Writer wins' : 'Editor wins';
    expect(((refused[0] as ConflictError<WorkingCopyState>).current)).toMatchObject({ version: draft.version + 1, headline: winner });
    expect((await readArticleState(draft.id)).workingCopy).toMatchObject({ version: draft.version + 1, headline: winner });
  });

  it('gives two articles created at once with the same headline different slugs', async () => {
    const writer = await createStaff('writer');
    const sectionId = await createSection();
    const headline = uniqueHeadline('Simultaneous');
    await openConnections(db());

    const created = await Promise.all([createArticle(writer, { headline, sectionId }), createArticle(writer, { headline, sectionId })]);

    expect(created.map((article) => article.slug).sort()).toEqual([slugify(headline), `${slugify(headline)}-2`]);
  });
});

describe('who may save what', () => {
  it('refuses a writer changing the bylines, on bylineIds', async () => {
    const writer = await createStaff('writer');
    const colleague = await createStaff('writer');
    const draft = await createDraft(writer);
    const before = await readArticleState(draft.id);

    const error = await caught(
      saveWorkingCopy(writer, draft.id, { ...(await currentSaveInput(draft.id)), bylineIds: [writer.id, colleague.id] }),
    );

    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).fieldErrors).toEqual({ bylineIds: ['Only editors can change bylines.'] });
    expect(await readArticleState(draft.id)).toEqual(before);
  });

  it('lets an editor change the bylines', async () => {
    const writer = await createStaff('writer');
    const colleague = await createStaff('writer');
    const editor = await createStaff('editor');
    const draft = await createDraft(writer);

    await saveWorkingCopy(editor, draft.id, { ...(await currentSaveInput(draft.id)), bylineIds: [colleague.id, writer.id] });

    expect((await readArticleState(draft.id)).workingCopy?.bylineIds).toEqual([colleague.id, writer.id]);
  });

  it('refuses an editor putting an inactive member of staff on the byline', async () => {
    const writer = await createStaff('writer');
    const departed = await createStaff('writer');
    await deactivate(departed.id);
    const editor = await createStaff('editor');
    const draft = await createDraft(writer);
    const before = await readArticleState(draft.id);

    const error = await caught(
      saveWorkingCopy(editor, draft.id, { ...(await currentSaveInput(draft.id)), bylineIds: [writer.id, departed.id] }),
    );

    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).fieldErrors).toEqual({ bylineIds: ['Bylines must name active members of staff.'] });
    expect(await readArticleState(draft.id)).toEqual(before);
  });

  it('refuses an editor putting an unknown user on the byline', async () => {
    const writer = await createStaff('writer');
    const editor = await createStaff('editor');
    const draft = await createDraft(writer);
    const before = await readArticleState(draft.id);

    const error = await caught(
      saveWorkingCopy(editor, draft.id, { ...(await currentSaveInput(draft.id)), bylineIds: [writer.id, 999_999] }),
    );

    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).fieldErrors).toEqual({ bylineIds: ['Bylines must name active members of staff.'] });
    expect(await readArticleState(draft.id)).toEqual(before);
  });

  it('answers a writer saving another writer’s draft as not found, without naming it', async () => {
    const author = await createStaff('writer');
    const intruder = await createStaff('writer');
    const headline = uniqueHeadline('Secret scoop');
    const draft = await createDraft(author, { headline });
    const before = await readArticleState(draft.id);

    const error = await caught(
      saveWorkingCopy(intruder, draft.id, { ...(await currentSaveInput(draft.id)), bylineIds: [author.id], headline: 'Hijacked' }),
    );

    expect(error).toBeInstanceOf(NotFoundError);
    expect((error as Error).message).not.toContain(headline);
    expect(JSON.stringify(error)).not.toContain(headline);
    expect(await readArticleState(draft.id)).toEqual(before);
  });

  it('refuses a writer saving their own article once it is in review', async () => {
    const writer = await createStaff('writer');
    const draft = await createDraft(writer);
    await submitArticle(writer, { articleId: draft.id, expectedVersion: draft.version });
    const before = await readArticleState(draft.id);

    const error = await caught(saveWorkingCopy(writer, draft.id, { ...(await currentSaveInput(draft.id)), headline: 'Late change' }));

    expect(error).toBeInstanceOf(ForbiddenError);
    expect(await readArticleState(draft.id)).toEqual(before);
  });
});

describe('when saves cut revisions', () => {
  const { pauseSeconds, checkpointSeconds } = getConfig().revisions;

  async function newArticle(author: Awaited<ReturnType<typeof createStaff>>, now: Date) {
    const sectionId = await createSection();
    return createArticle(author, { headline: uniqueHeadline(), sectionId }, { now });
  }

  async function revisionsOf(articleId: number) {
    return (await readArticleState(articleId)).revisions.map((row) => ({
      number: row.number,
      reason: row.reason,
      authorId: row.authorId,
      headline: row.headline,
      body: row.body,
      workingVersion: row.workingVersion,
    }));
  }

  it('cuts a save revision by the actor on an explicit save', async () => {
    const writer = await createStaff('writer');
    const article = await newArticle(writer, at(0));

    await saveChanges(writer, article.id, { intent: 'save', headline: 'Saved on purpose' }, { now: at(1) });

    expect(await revisionsOf(article.id)).toEqual([
      { number: 1, reason: 'save', authorId: writer.id, headline: 'Saved on purpose', body: expect.anything(), workingVersion: 2 },
    ]);
  });

  it('cuts a checkpoint on the first autosave', async () => {
    const writer = await createStaff('writer');
    const article = await newArticle(writer, at(0));

    await saveChanges(writer, article.id, { intent: 'autosave', headline: 'First keystrokes' }, { now: at(1) });

    expect(await revisionsOf(article.id)).toEqual([
      { number: 1, reason: 'checkpoint', authorId: writer.id, headline: 'First keystrokes', body: expect.anything(), workingVersion: 2 },
    ]);
  });

  it('cuts nothing on a later autosave within the checkpoint interval', async () => {
    const writer = await createStaff('writer');
    const article = await newArticle(writer, at(0));
    await saveChanges(writer, article.id, { intent: 'autosave', headline: 'First keystrokes' }, { now: at(1) });

    await saveChanges(writer, article.id, { intent: 'autosave', headline: 'More keystrokes' }, { now: at(2) });

    const revisionRows = await revisionsOf(article.id);
    expect(revisionRows.map((row) => [row.reason, row.workingVersion])).toEqual([['checkpoint', 2]]);
    const state = await readArticleState(article.id);
    expect(state.workingCopy).toMatchObject({ version: 3, snapshotVersion: 2, headline: 'More keystrokes', revisionCount: 1 });
  });

  it('cuts a handover revision of the first person’s text, credited to them, before the second person’s change lands', async () => {
    const writer = await createStaff('writer');
    const editor = await createStaff('editor');
    const article = await newArticle(writer, at(0));
    await saveChanges(writer, article.id, { intent: 'autosave', headline: 'Writer draft one' }, { now: at(1) });
    const writerBody = paragraphs('The writer’s unsaved words.');
    await saveChanges(writer, article.id, { intent: 'autosave', headline: 'Writer draft two', body: writerBody }, { now: at(2) });

    await saveChanges(editor, article.id, { intent: 'autosave', headline: 'Editor touch', body: paragraphs('The editor’s words.') }, { now: at(3) });

    expect((await revisionsOf(article.id)).slice(1)).toEqual([
      { number: 2, reason: 'handover', authorId: writer.id, headline: 'Writer draft two', body: writerBody, workingVersion: 3 },
    ]);
    const state = await readArticleState(article.id);
    expect(state.workingCopy).toMatchObject({ version: 4, headline: 'Editor touch', updatedBy: editor.id, snapshotVersion: 3 });
  });

  it('cuts a pause revision of the text as it stood before a pause', async () => {
    expect(1 + pauseSeconds).toBeLessThan(checkpointSeconds);
    const writer = await createStaff('writer');
    const article = await newArticle(writer, at(0));
    await saveChanges(writer, article.id, { intent: 'autosave', headline: 'Before lunch' }, { now: at(1) });
    const beforePause = paragraphs('Written before lunch.');
    await saveChanges(writer, article.id, { intent: 'autosave', headline: 'Before lunch, later', body: beforePause }, { now: at(2) });

    await saveChanges(writer, article.id, { intent: 'autosave', headline: 'After lunch', body: paragraphs('After.') }, { now: at(2 + pauseSeconds) });

    expect((await revisionsOf(article.id)).slice(1)).toEqual([
      { number: 2, reason: 'pause', authorId: writer.id, headline: 'Before lunch, later', body: beforePause, workingVersion: 3 },
    ]);
    expect((await readArticleState(article.id)).workingCopy).toMatchObject({ version: 4, headline: 'After lunch' });
  });
});

describe('settling a conflict', () => {
  /** The writer and the editor open the same version; the editor saves first, as `editorIntent`. */
  async function conflictingEdits(editorIntent: 'save' | 'autosave') {
    const writer = await createStaff('writer');
    const editor = await createStaff('editor');
    const draft = await createDraft(writer, { now: at(0) });
    const editorVersion = await saveChanges(editor, draft.id, { intent: editorIntent, headline: 'The editor’s headline' }, { now: at(10) });
    const refused = await caught(
      saveWorkingCopy(writer, draft.id, { ...(await currentSaveInput(draft.id)), baseVersion: draft.version, body: paragraphs('The writer’s text.') }, { now: at(20) }),
    );
    expect(refused).toBeInstanceOf(ConflictError);
    return { writer, editor, draft, editorVersion };
  }

  it('records a merge as a merge revision naming whose version it merged with', async () => {
    const { writer, editor, draft, editorVersion } = await conflictingEdits('save');
    const before = await readArticleState(draft.id);
    const merged = { headline: 'The editor’s headline', body: paragraphs('The writer’s text.') };

    const result = await saveWorkingCopy(writer, draft.id, { ...(await currentSaveInput(draft.id)), ...merged, intent: 'merge' }, { now: at(30) });

    const after = await readArticleState(draft.id);
    expect(result).toEqual({ version: editorVersion + 1, savedAt: at(30).toISOString(), revisionNumber: before.revisions.length + 1 });
    expect(after.revisions.slice(0, before.revisions.length)).toEqual(before.revisions);
    expect(after.revisions.slice(before.revisions.length).map((row) => [row.reason, row.note, row.authorId, row.headline, row.body, row.workingVersion])).toEqual([
      ['merge', `Merged with ${editor.name}'s version ${editorVersion}`, writer.id, merged.headline, merged.body, editorVersion + 1],
    ]);
    expect(after.workingCopy).toMatchObject({ ...merged, version: editorVersion + 1, updatedBy: writer.id });
  });

  it('records keeping one’s own text as an overwrite revision, after keeping the other person’s autosaved text', async () => {
    const { writer, editor, draft, editorVersion } = await conflictingEdits('autosave');
    const before = await readArticleState(draft.id);
    const mine = { headline: before.revisions[0]!.headline, body: paragraphs('The writer’s text.') };

    await saveWorkingCopy(writer, draft.id, { ...(await currentSaveInput(draft.id)), ...mine, intent: 'overwrite' }, { now: at(30) });

    const after = await readArticleState(draft.id);
    expect(after.revisions.slice(0, before.revisions.length)).toEqual(before.revisions);
    // The editor's version was never snapshotted: it is kept, credited to the editor, before it is overwritten.
    expect(after.revisions.slice(before.revisions.length).map((row) => [row.reason, row.note, row.authorId, row.headline, row.workingVersion])).toEqual([
      ['handover', null, editor.id, 'The editor’s headline', editorVersion],
      ['overwrite', `Kept over ${editor.name}'s version ${editorVersion}`, writer.id, mine.headline, editorVersion + 1],
    ]);
    expect(after.workingCopy).toMatchObject({ ...mine, version: editorVersion + 1, updatedBy: writer.id });
  });

  it('refuses a settlement based on a version that has moved on again, and changes nothing', async () => {
    const { writer, editor, draft, editorVersion } = await conflictingEdits('save');
    await saveChanges(editor, draft.id, { headline: 'The editor again' }, { now: at(25) });
    const before = await readArticleState(draft.id);

    const error = await caught(
      saveWorkingCopy(writer, draft.id, { ...(await currentSaveInput(draft.id)), baseVersion: editorVersion, intent: 'merge' }, { now: at(30) }),
    );

    expect(error).toBeInstanceOf(ConflictError);
    expect(await readArticleState(draft.id)).toEqual(before);
  });
});
