import { count } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { articles, sections } from '@/db/schema';
import { createEntity } from '@/lib/entities/entity-service';
import { ValidationError } from '@/lib/errors';
import { useFreshDatabase } from '@/test-support/database';
import { createSection, createStaff, uniqueHeadline } from '@/test-support/factories';
import { caught, readArticleState } from '@/test-support/inspect';
import { importArticle } from './import-articles';

const { db } = useFreshDatabase();

const NOW = new Date('2030-05-04T09:00:00Z');

async function articleCount(): Promise<number> {
  const [row] = await db().select({ n: count() }).from(articles);
  return row!.n;
}

beforeAll(async () => {
  const editor = await createStaff('editor');
  await createEntity(editor, { name: 'Nayib Bukele', type: 'person', aliases: ['Bukele'] });
  await createEntity(editor, { name: 'San Salvador', type: 'place' });
  // Two entities known by the same alias: an ambiguous mention.
  await createEntity(editor, { name: 'Ana Mendoza', type: 'person', aliases: ['Mendoza'] });
  await createEntity(editor, { name: 'Mendoza Province', type: 'place', aliases: ['Mendoza'] });
});

describe('importing an article', () => {
  it('creates a draft from Markdown with its headline, standfirst, body and one revision, and suggests the entities it mentions', async () => {
    const editor = await createStaff('editor');
    const sectionId = await createSection();
    const headline = uniqueHeadline('Bukele visits');
    const markdown = [
      `# ${headline}`,
      '',
      '*A visit to the capital.*',
      '',
      'President Nayib Bukele met Mendoza in **San Salvador**.',
      '',
      "## Bukele's plan",
      '',
      '- Nothing here is suggested: San Salvador sits inside a list.',
    ].join('\n');

    const result = await importArticle(editor, { text: markdown, sectionId, fileName: 'drafts/report.md' }, { now: NOW });

    const body = {
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: 'President Nayib Bukele met Mendoza in ' },
            { type: 'text', text: 'San Salvador', marks: [{ type: 'bold' }] },
            { type: 'text', text: '.' },
          ],
        },
        { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: "Bukele's plan" }] },
        {
          type: 'bulletList',
          content: [
            {
              type: 'listItem',
              content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Nothing here is suggested: San Salvador sits inside a list.' }] }],
            },
          ],
        },
      ],
    };
    expect(result).toEqual({
      id: expect.any(Number),
      slug: expect.any(String),
      headline,
      suggestions: [
        { name: 'Nayib Bukele', type: 'person', from: 10, to: 22, text: 'Nayib Bukele', block: 0 },
        { name: 'Ana Mendoza / Mendoza Province', type: 'person / place', from: 27, to: 34, text: 'Mendoza', block: 0 },
        { name: 'San Salvador', type: 'place', from: 38, to: 50, text: 'San Salvador', block: 0 },
        { name: 'Nayib Bukele', type: 'person', from: 0, to: 6, text: 'Bukele', block: 1 },
      ],
    });
    const state = await readArticleState(result.id);
    expect(state.article).toMatchObject({ slug: result.slug, status: 'draft', createdBy: editor.id });
    expect(state.workingCopy).toMatchObject({
      version: 2,
      headline,
      standfirst: 'A visit to the capital.',
      slug: result.slug,
      sectionId,
      bylineIds: [editor.id],
      body,
      updatedBy: editor.id,
    });
    expect(state.revisions.map(({ number, reason, note, authorId, headline: title, standfirst, body: snapshot }) => ({ number, reason, note, authorId, title, standfirst, snapshot }))).toEqual([
      { number: 1, reason: 'save', note: 'Imported from report.md', authorId: editor.id, title: headline, standfirst: 'A visit to the capital.', snapshot: body },
    ]);
    expect(state.audit.map((row) => [row.action, row.actorId])).toEqual([['article.create', editor.id]]);
  });

  it('imports HTML without its scripts, event handlers or unsafe links', async () => {
    const editor = await createStaff('editor');
    const sectionId = await createSection();
    const headline = uniqueHeadline('Storm');
    const html = `<html><body><h1>${headline}</h1><p onclick="steal()">Schools close <a href="javascript:alert(1)">today</a>.</p><script>alert(document.cookie)</script><img src="x" onerror="steal()"></body></html>`;

    const result = await importArticle(editor, { text: html, sectionId, fileName: 'storm.html' }, { now: NOW });

    const state = await readArticleState(result.id);
    expect(state.workingCopy?.body).toEqual({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Schools close today.' }] }] });
    expect(JSON.stringify(state.revisions)).not.toMatch(/script|alert|cookie|steal|onclick|onerror|javascript/);
  });

  it('refuses a text without a headline and creates nothing', async () => {
    const editor = await createStaff('editor');
    const sectionId = await createSection();
    const before = await articleCount();

    const error = await caught(importArticle(editor, { text: '<p>Only a paragraph, no heading.</p>', format: 'html', sectionId }, { now: NOW }));

    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).fieldErrors).toEqual({ headline: ['The text has no headline: put it on the first line, or in <h1>.'] });
    expect(await articleCount()).toBe(before);
  });

  it('refuses an unknown section, and a headline over 200 characters, creating nothing', async () => {
    const editor = await createStaff('editor');
    const before = await articleCount();

    const unknownSection = await caught(importArticle(editor, { text: 'Headline\n\nBody.', sectionId: 999_999 }, { now: NOW }));
    const longHeadline = await caught(importArticle(editor, { text: `${'Long '.repeat(50)}\n\nBody.`, format: 'text' }, { now: NOW }));

    expect((unknownSection as ValidationError).fieldErrors).toEqual({ sectionId: ['Choose a section from the list.'] });
    expect((longHeadline as ValidationError).fieldErrors).toEqual({ headline: ['Keep the headline under 200 characters.'] });
    expect(await articleCount()).toBe(before);
  });

  it('lets a writer import: the draft carries their byline and goes into the first section by position', async () => {
    const writer = await createStaff('writer');
    const [first] = await db().insert(sections).values({ name: 'Front', slug: 'front-import', position: -100 }).returning({ id: sections.id });
    const headline = uniqueHeadline('Council');

    const result = await importArticle(writer, { text: `${headline}\n\nThe council met.`, format: 'text' }, { now: NOW });

    const state = await readArticleState(result.id);
    expect(result.suggestions).toEqual([]);
    expect(state.article).toMatchObject({ createdBy: writer.id, status: 'draft' });
    expect(state.workingCopy).toMatchObject({ headline, standfirst: '', sectionId: first!.id, bylineIds: [writer.id], updatedBy: writer.id });
    expect(state.revisions.map(({ reason, note, authorId }) => ({ reason, note, authorId }))).toEqual([
      { reason: 'save', note: 'Imported from pasted text', authorId: writer.id },
    ]);
  });
});
