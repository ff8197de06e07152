import { describe, expect, it } from 'vitest';
import { publishArticle, submitArticle, unpublishArticle } from '@/lib/articles/article-workflow';
import { runDueSchedules, scheduleArticle } from '@/lib/articles/scheduling';
import type { BodyDocument } from '@/lib/content/body-document';
import { ValidationError } from '@/lib/errors';
import type { Actor } from '@/lib/permissions';
import { holdWritesTo, useFreshDatabase } from '@/test-support/database';
import {
  createDraft,
  createEntityAs,
  createPublishedArticle,
  createStaff,
  paragraphs,
  saveChanges,
  tag,
  taggedBody,
  SOURCING_NOT_UNDER_TEST,
} from '@/test-support/factories';
import { caught, readArticleMentions, readArticleState, readEntityState } from '@/test-support/inspect';
import { findDossier, listEntityIndex } from './entity-pages';
import { mergeEntities } from './entity-service';

const { url } = useFreshDatabase();

const FIRST_PUBLISHED = new Date('2030-04-01T09:00:00Z');
const EDITED = new Date('2030-04-01T11:00:00Z');
const REPUBLISHED = new Date('2030-04-02T09:00:00Z');
const UNPUBLISHED = new Date('2030-04-03T09:00:00Z');

/** The rows readers' pages are built from, without the article id. */
async function mentionsOf(articleId: number) {
  return (await readArticleMentions(articleId)).map(({ entityId, mentionCount, firstSentence, publishedAt }) => ({
    entityId,
    mentionCount,
    firstSentence,
    publishedAt,
  }));
}

async function threeEntities(actor: Actor) {
  return {
    bukele: await createEntityAs(actor, { type: 'person' }),
    noem: await createEntityAs(actor, { type: 'person' }),
    cecot: await createEntityAs(actor, { type: 'place' }),
  };
}

describe('entity tags when a body is saved', () => {
  it('refuses a body tagging an entity that does not exist, on body, and saves nothing', async () => {
    const writer = await createStaff('writer');
    const known = await createEntityAs(writer);
    const draft = await createDraft(writer);
    const before = await readArticleState(draft.id);

    const error = await caught(
      saveChanges(writer, draft.id, { body: taggedBody(['Meet ', tag(known.id, 'someone known'), ' and ', tag(2_000_000, 'someone unknown'), '.']) }),
    );

    expect(error).toBeInstanceOf(ValidationError);
    const fieldErrors = (error as ValidationError).fieldErrors;
    expect(Object.keys(fieldErrors)).toEqual(['body']);
    expect(fieldErrors.body!.join(' ')).toContain('#2000000');
    expect(fieldErrors.body!.join(' ')).not.toContain(`#${known.id}`);
    expect(await readArticleState(draft.id)).toEqual(before);
  });

  it('rewrites a tag of a merged entity to the entity it was merged into, wherever it sits, in the working copy and the revision', async () => {
    const writer = await createStaff('writer');
    const editor = await createStaff('editor');
    const from = await createEntityAs(editor, { type: 'organization' });
    const into = await createEntityAs(editor, { type: 'organization' });
    const other = await createEntityAs(editor, { type: 'organization' });
    await mergeEntities(editor, { fromId: from.id, intoId: into.id });
    const draft = await createDraft(writer);
    const bodyWith = (id: number): BodyDocument => ({
      type: 'doc',
      content: [
        { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'The agency', marks: [{ type: 'entity', attrs: { entityId: id } }] }] },
        ...taggedBody(['The ', tag(id, 'agency'), ' and ', tag(other.id, 'the ministry'), ' disagreed.']).content,
        { type: 'blockquote', content: taggedBody(['“We never met the ', tag(id, 'agency'), '.”']).content },
        { type: 'bulletList', content: [{ type: 'listItem', content: taggedBody([tag(id, 'Agency'), ' figures']).content }] },
      ],
    });

    await saveChanges(writer, draft.id, { body: bodyWith(from.id) });

    const state = await readArticleState(draft.id);
    expect(state.workingCopy!.body).toEqual(bodyWith(into.id));
    expect(state.revisions.at(-1)!.body).toEqual(bodyWith(into.id));
  });

  it('saves a body without tags as it was sent', async () => {
    const writer = await createStaff('writer');
    const draft = await createDraft(writer);
    const body: BodyDocument = {
      type: 'doc',
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: 'Plain, ' }, { type: 'text', text: 'bold', marks: [{ type: 'bold' }] }, { type: 'text', text: ' and no tags.' }] },
        { type: 'paragraph' },
      ],
    };

    await saveChanges(writer, draft.id, { body: structuredClone(body) });

    expect((await readArticleState(draft.id)).workingCopy!.body).toEqual(body);
  });
});

describe('mentions follow publication', () => {
  it('records one row per tagged entity at publication: the count, the sentence of the first mention, the first publication time', async () => {
    const writer = await createStaff('writer');
    const editor = await createStaff('editor');
    const { bukele, noem, cecot } = await threeEntities(editor);
    const untagged = await createEntityAs(editor);
    const body = taggedBody(
      [
        'President ',
        tag(bukele.id, 'Nayib '),
        { text: 'Bukele', entityId: bukele.id, bold: true },
        ' met ',
        tag(noem.id, 'Kristi Noem'),
        ' in San Salvador on Monday. ',
        tag(bukele.id, 'Bukele'),
        ' offered to hold the deportees.',
      ],
      ['The ', tag(cecot.id, 'Cecot'), ' holds 238 Venezuelans. Officials toured it on Tuesday.'],
    );

    const article = await createPublishedArticle(writer, editor, { coverageOverride: SOURCING_NOT_UNDER_TEST, body, now: FIRST_PUBLISHED });

    expect(await mentionsOf(article.id)).toEqual(
      [
        { entityId: bukele.id, mentionCount: 2, firstSentence: 'President Nayib Bukele met Kristi Noem in San Salvador on Monday.', publishedAt: FIRST_PUBLISHED },
        { entityId: noem.id, mentionCount: 1, firstSentence: 'President Nayib Bukele met Kristi Noem in San Salvador on Monday.', publishedAt: FIRST_PUBLISHED },
        { entityId: cecot.id, mentionCount: 1, firstSentence: 'The Cecot holds 238 Venezuelans.', publishedAt: FIRST_PUBLISHED },
      ].sort((a, b) => a.entityId - b.entityId),
    );
    expect((await readEntityState(untagged.id)).mentions).toEqual([]);
  });

  it('changes nothing for readers when the working copy gains a tag, until it is published again', async () => {
    const writer = await createStaff('writer');
    const editor = await createStaff('editor');
    const { bukele, noem, cecot } = await threeEntities(editor);
    const article = await createPublishedArticle(writer, editor, {
      body: taggedBody([tag(bukele.id, 'Bukele'), ' spoke.']),
      now: FIRST_PUBLISHED,
    });
    const published = await mentionsOf(article.id);

    const version = await saveChanges(
      editor,
      article.id,
      { body: taggedBody([tag(bukele.id, 'Bukele'), ' spoke to ', tag(noem.id, 'Noem'), '. ', tag(bukele.id, 'He'), ' smiled.'], [tag(cecot.id, 'Cecot'), ' was full.']) },
      { now: EDITED },
    );
    const whileEditing = await mentionsOf(article.id);
    const dossierWhileEditing = await findDossier(noem.slug);
    await publishArticle(editor, { articleId: article.id, expectedVersion: version }, { now: REPUBLISHED });

    expect(published).toEqual([{ entityId: bukele.id, mentionCount: 1, firstSentence: 'Bukele spoke.', publishedAt: FIRST_PUBLISHED }]);
    expect(whileEditing).toEqual(published);
    expect(dossierWhileEditing).toMatchObject({ kind: 'entity', dossier: { timeline: [], total: 0 } });
    expect(await mentionsOf(article.id)).toEqual(
      [
        { entityId: bukele.id, mentionCount: 2, firstSentence: 'Bukele spoke to Noem.', publishedAt: FIRST_PUBLISHED },
        { entityId: noem.id, mentionCount: 1, firstSentence: 'Bukele spoke to Noem.', publishedAt: FIRST_PUBLISHED },
        { entityId: cecot.id, mentionCount: 1, firstSentence: 'Cecot was full.', publishedAt: FIRST_PUBLISHED },
      ].sort((a, b) => a.entityId - b.entityId),
    );
  });

  it('drops an entity whose tag was removed, when republished', async () => {
    const writer = await createStaff('writer');
    const editor = await createStaff('editor');
    const { bukele, noem } = await threeEntities(editor);
    const article = await createPublishedArticle(writer, editor, {
      body: taggedBody([tag(bukele.id, 'Bukele'), ' and ', tag(noem.id, 'Noem'), ' met.']),
      now: FIRST_PUBLISHED,
    });
    const version = await saveChanges(editor, article.id, { body: taggedBody([tag(bukele.id, 'Bukele'), ' met the press.']) }, { now: EDITED });

    await publishArticle(editor, { articleId: article.id, expectedVersion: version }, { now: REPUBLISHED });

    expect(await mentionsOf(article.id)).toEqual([{ entityId: bukele.id, mentionCount: 1, firstSentence: 'Bukele met the press.', publishedAt: FIRST_PUBLISHED }]);
    expect((await readEntityState(noem.id)).mentions).toEqual([]);
  });

  it('removes the rows when the article is unpublished, and brings them back, at the first publication time, when it is republished', async () => {
    const writer = await createStaff('writer');
    const editor = await createStaff('editor');
    const { bukele } = await threeEntities(editor);
    const article = await createPublishedArticle(writer, editor, { body: taggedBody([tag(bukele.id, 'Bukele'), ' spoke.']), now: FIRST_PUBLISHED });

    await unpublishArticle(editor, { articleId: article.id, expectedVersion: article.version }, { now: UNPUBLISHED });
    const whileDown = await mentionsOf(article.id);
    const dossierWhileDown = await findDossier(bukele.slug);
    await publishArticle(editor, { articleId: article.id, expectedVersion: article.version }, { now: REPUBLISHED });

    expect(whileDown).toEqual([]);
    expect(dossierWhileDown).toMatchObject({ kind: 'entity', dossier: { timeline: [], total: 0, alongside: [] } });
    expect(await mentionsOf(article.id)).toEqual([{ entityId: bukele.id, mentionCount: 1, firstSentence: 'Bukele spoke.', publishedAt: FIRST_PUBLISHED }]);
  });

  it('counts a republished body that still tags a merged entity for the entity it was merged into', async () => {
    const writer = await createStaff('writer');
    const editor = await createStaff('editor');
    const from = await createEntityAs(editor);
    const into = await createEntityAs(editor);
    const article = await createPublishedArticle(writer, editor, {
      body: taggedBody([tag(into.id, 'He'), ' and ', tag(from.id, 'his brother'), ' spoke. ', tag(from.id, 'The brother'), ' left.']),
      now: FIRST_PUBLISHED,
    });
    await mergeEntities(editor, { fromId: from.id, intoId: into.id });

    // The working copy still holds the old id (no save since the merge).
    await publishArticle(editor, { articleId: article.id, expectedVersion: article.version }, { now: REPUBLISHED });

    expect(await mentionsOf(article.id)).toEqual([{ entityId: into.id, mentionCount: 3, firstSentence: 'He and his brother spoke.', publishedAt: FIRST_PUBLISHED }]);
  });

  it('counts an article published while its entity is being merged for the entity merged into', async () => {
    const writer = await createStaff('writer');
    const editor = await createStaff('editor');
    const from = await createEntityAs(editor);
    const into = await createEntityAs(editor);
    const draft = await createDraft(writer, { body: taggedBody([tag(from.id, 'The old name'), ' was there.']) });
    // On the server the merge is held just before it commits (its audit event waits) while
    // the publication runs; PGlite has one connection, so there they run one after the other.
    const serverUrl = url();
    const hold = serverUrl ? await holdWritesTo(serverUrl, 'audit_events') : null;
    let merging: Promise<unknown> | undefined;
    let publishing: Promise<unknown> | undefined;
    try {
      merging = mergeEntities(editor, { fromId: from.id, intoId: into.id });
      await hold?.waitForWaiters(1);
      publishing = publishArticle(editor, { articleId: draft.id, expectedVersion: draft.version });
      await hold?.waitForWaiters(2);
    } finally {
      await hold?.release();
    }

    const outcomes = await Promise.allSettled([merging, publishing]);

    expect(outcomes.map((outcome) => outcome.status)).toEqual(['fulfilled', 'fulfilled']);
    expect((await mentionsOf(draft.id)).map((row) => [row.entityId, row.mentionCount])).toEqual([[into.id, 1]]);
    expect((await readEntityState(from.id)).mentions).toEqual([]);
    expect((await listEntityIndex()).map((entry) => entry.slug)).not.toContain(from.slug);
  });

  it('records the mentions of a scheduled publication when it goes out, from the approved revision', async () => {
    const writer = await createStaff('writer');
    const editor = await createStaff('editor');
    const { bukele, noem } = await threeEntities(editor);
    const draft = await createDraft(writer, { body: taggedBody([tag(bukele.id, 'Bukele'), ' will speak at noon.']), now: new Date('2031-06-01T08:00:00Z') });
    await scheduleArticle(
      editor,
      { articleId: draft.id, expectedVersion: draft.version, publishAt: { local: '2031-06-01T12:00', timeZone: 'UTC' } },
      { now: new Date('2031-06-01T09:00:00Z') },
    );
    // Edited after approval: not what goes out.
    await saveChanges(editor, draft.id, { body: taggedBody([tag(noem.id, 'Noem'), ' will speak instead.']) }, { now: new Date('2031-06-01T10:00:00Z') });

    const early = await runDueSchedules({ now: new Date('2031-06-01T11:59:59Z') });
    const whileScheduled = await mentionsOf(draft.id);
    const due = await runDueSchedules({ now: new Date('2031-06-01T12:00:00Z') });

    expect(early.published).toEqual([]);
    expect(whileScheduled).toEqual([]);
    expect(due.published).toEqual([draft.id]);
    expect(await mentionsOf(draft.id)).toEqual([
      { entityId: bukele.id, mentionCount: 1, firstSentence: 'Bukele will speak at noon.', publishedAt: new Date('2031-06-01T12:00:00Z') },
    ]);
  });

  it('never counts drafts or articles in review', async () => {
    const writer = await createStaff('writer');
    const { bukele } = await threeEntities(writer);
    const draft = await createDraft(writer, { body: taggedBody([tag(bukele.id, 'Bukele'), ' in a draft.']) });
    const inReview = await createDraft(writer, { body: taggedBody([tag(bukele.id, 'Bukele'), ' in review.']) });
    await submitArticle(writer, { articleId: inReview.id, expectedVersion: inReview.version });

    const dossier = await findDossier(bukele.slug);

    expect(await mentionsOf(draft.id)).toEqual([]);
    expect(await mentionsOf(inReview.id)).toEqual([]);
    expect((await readEntityState(bukele.id)).mentions).toEqual([]);
    expect(dossier).toMatchObject({ kind: 'entity', dossier: { timeline: [], total: 0 } });
  });

  it('records nothing for a published article without tags', async () => {
    const writer = await createStaff('writer');
    const editor = await createStaff('editor');

    const article = await createPublishedArticle(writer, editor, { body: paragraphs('Nobody is tagged here.') });

    expect(await mentionsOf(article.id)).toEqual([]);
  });
});
