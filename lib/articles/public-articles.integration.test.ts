import { describe, expect, it } from 'vitest';
import { ValidationError } from '@/lib/errors';
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
  SOURCING_NOT_UNDER_TEST,
} from '@/test-support/factories';
import { caught, readArticleState } from '@/test-support/inspect';
import { saveWorkingCopy } from './article-saving';
import { publishArticle, submitArticle, unpublishArticle } from './article-workflow';
import { findPublishedArticle, listLatestPublished } from './public-articles';
import { slugify } from './slug';

useFreshDatabase();

/** Every slug on every page of the home listing. */
async function listedSlugs(): Promise<string[]> {
  const slugs: string[] = [];
  for (let page = 1; ; page++) {
    const { teasers, total, pageSize } = await listLatestPublished({ page });
    slugs.push(...teasers.map((teaser) => teaser.slug));
    if (page * pageSize >= total) return slugs;
  }
}

async function republish(editor: Actor, articleId: number): Promise<void> {
  const { baseVersion } = await currentSaveInput(articleId);
  await publishArticle(editor, { articleId, expectedVersion: baseVersion });
}

describe('what readers cannot see', () => {
  it('hides a draft', async () => {
    const writer = await createStaff('writer');
    const draft = await createDraft(writer);

    expect(await findPublishedArticle(draft.slug)).toBeNull();
    expect(await listedSlugs()).not.toContain(draft.slug);
  });

  it('hides an article in review', async () => {
    const writer = await createStaff('writer');
    const draft = await createDraft(writer);
    await submitArticle(writer, { articleId: draft.id, expectedVersion: draft.version });

    expect(await findPublishedArticle(draft.slug)).toBeNull();
    expect(await listedSlugs()).not.toContain(draft.slug);
  });

  it('hides an unpublished article', async () => {
    const writer = await createStaff('writer');
    const editor = await createStaff('editor');
    const article = await createPublishedArticle(writer, editor);
    await unpublishArticle(editor, { articleId: article.id, expectedVersion: article.version });

    expect(await findPublishedArticle(article.slug)).toBeNull();
    expect(await listedSlugs()).not.toContain(article.slug);
  });
});

describe('the published revision, not the working copy', () => {
  it('shows readers the published article with its section and bylines', async () => {
    const writer = await createStaff('writer');
    const editor = await createStaff('editor');
    const headline = uniqueHeadline('Council votes');
    const body = paragraphs('The council voted on Tuesday.');
    const publishedAt = new Date('2030-06-01T09:00:00Z');
    const article = await createPublishedArticle(writer, editor, { coverageOverride: SOURCING_NOT_UNDER_TEST, headline, body, now: publishedAt });

    const found = await findPublishedArticle(article.slug);

    expect(found).toEqual({
      kind: 'article',
      article: {
        id: article.id,
        slug: article.slug,
        headline,
        standfirst: 'A standfirst.',
        body,
        section: { slug: expect.any(String), name: expect.any(String) },
        bylines: [{ id: writer.id, name: writer.name, slug: expect.any(String) }],
        publishedAt,
        updatedAt: null,
        notices: [],
        publicationCount: 1,
      },
    });
  });

  it('keeps showing the published text after the working copy is edited but not republished', async () => {
    const writer = await createStaff('writer');
    const editor = await createStaff('editor');
    const headline = uniqueHeadline('Original');
    const article = await createPublishedArticle(writer, editor, { headline, body: paragraphs('Published words.') });

    await saveChanges(editor, article.id, {
      headline: 'UNPUBLISHED HEADLINE',
      standfirst: 'UNPUBLISHED STANDFIRST',
      body: paragraphs('UNPUBLISHED BODY TEXT'),
    });

    const found = await findPublishedArticle(article.slug);
    expect(found?.kind).toBe('article');
    const shown = found?.kind === 'article' ? found.article : null;
    expect(shown).toMatchObject({ headline, standfirst: 'A standfirst.', body: paragraphs('Published words.') });
    const everything = JSON.stringify(found);
    expect(everything).not.toContain('UNPUBLISHED');
    const { teasers } = await listLatestPublished();
    expect(JSON.stringify(teasers)).not.toContain('UNPUBLISHED');
  });

  it('shows the new text once it is republished', async () => {
    const writer = await createStaff('writer');
    const editor = await createStaff('editor');
    const article = await createPublishedArticle(writer, editor, { body: paragraphs('Old words.') });
    const headline = uniqueHeadline('Revised');
    await saveChanges(editor, article.id, { headline, body: paragraphs('New words.') });

    await republish(editor, article.id);

    const found = await findPublishedArticle(article.slug);
    expect(found?.kind === 'article' ? found.article : null).toMatchObject({ headline, body: paragraphs('New words.') });
    expect(JSON.stringify(found)).not.toContain('Old words.');
  });
});

describe('slugs', () => {
  it('does not expose a published article’s new working slug before it is republished', async () => {
    const writer = await createStaff('writer');
    const editor = await createStaff('editor');
    const article = await createPublishedArticle(writer, editor);
    const newSlug = slugify(uniqueHeadline('Renamed'));

    await saveChanges(editor, article.id, { slug: newSlug });

    expect(await findPublishedArticle(newSlug)).toBeNull();
    expect((await findPublishedArticle(article.slug))?.kind).toBe('article');
  });

  it('redirects the old slug to the new one after a slug change is republished', async () => {
    const writer = await createStaff('writer');
    const editor = await createStaff('editor');
    const article = await createPublishedArticle(writer, editor);
    const newSlug = slugify(uniqueHeadline('Renamed'));
    await saveChanges(editor, article.id, { slug: newSlug });

    await republish(editor, article.id);

    expect(await findPublishedArticle(article.slug)).toEqual({ kind: 'moved', slug: newSlug });
    const found = await findPublishedArticle(newSlug);
    expect(found?.kind === 'article' ? { id: found.article.id, slug: found.article.slug } : null).toEqual({ id: article.id, slug: newSlug });
  });

  it('answers an old slug of an unpublished article with nothing', async () => {
    const writer = await createStaff('writer');
    const editor = await createStaff('editor');
    const article = await createPublishedArticle(writer, editor);
    const newSlug = slugify(uniqueHeadline('Renamed'));
    await saveChanges(editor, article.id, { slug: newSlug });
    await republish(editor, article.id);
    const { baseVersion } = await currentSaveInput(article.id);

    await unpublishArticle(editor, { articleId: article.id, expectedVersion: baseVersion });

    expect(await findPublishedArticle(article.slug)).toBeNull();
    expect(await findPublishedArticle(newSlug)).toBeNull();
  });

  it('refuses another article a slug that was once public', async () => {
    const writer = await createStaff('writer');
    const editor = await createStaff('editor');
    const article = await createPublishedArticle(writer, editor);
    await saveChanges(editor, article.id, { slug: slugify(uniqueHeadline('Renamed')) });
    await republish(editor, article.id);
    const other = await createDraft(writer);
    const before = await readArticleState(other.id);

    const error = await caught(saveWorkingCopy(writer, other.id, { ...(await currentSaveInput(other.id)), slug: article.slug }));

    expect(error).toBeInstanceOf(ValidationError);
    expect(Object.keys((error as ValidationError).fieldErrors)).toEqual(['slug']);
    expect(await readArticleState(other.id)).toEqual(before);
    expect(await findPublishedArticle(article.slug)).toMatchObject({ kind: 'moved' });
  });

  it('releases the abandoned working slug of a never-published article for another to claim', async () => {
    const writer = await createStaff('writer');
    const first = await createDraft(writer);
    await saveChanges(writer, first.id, { slug: slugify(uniqueHeadline('Second thoughts')) });
    const second = await createDraft(writer);

    await saveChanges(writer, second.id, { slug: first.slug });

    const [firstState, secondState] = await Promise.all([readArticleState(first.id), readArticleState(second.id)]);
    expect(secondState.workingCopy?.slug).toBe(first.slug);
    expect(secondState.article?.slug).toBe(first.slug);
    expect(secondState.slugs.map((row) => row.slug)).toEqual([first.slug]);
    expect(firstState.slugs.map((row) => row.slug)).not.toContain(first.slug);
  });
});
