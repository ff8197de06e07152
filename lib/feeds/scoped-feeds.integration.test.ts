import { randomBytes } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import { GET as getEntityAtom } from '@/app/(site)/entities/[slug]/atom.xml/route';
import { GET as getEntityRss } from '@/app/(site)/entities/[slug]/feed.xml/route';
import { GET as getAuthorAtom } from '@/app/authors/[slug]/atom.xml/route';
import { GET as getAuthorRss } from '@/app/authors/[slug]/feed.xml/route';
import { GET as getSectionAtom } from '@/app/sections/[slug]/atom.xml/route';
import { GET as getSectionRss } from '@/app/sections/[slug]/feed.xml/route';
import { getConfig } from '@/lib/config';
import { mergeEntities } from '@/lib/entities/entity-service';
import { useFreshDatabase } from '@/test-support/database';
import { createDraft, createEntityAs, createSection, createStaff, tag, taggedBody } from '@/test-support/factories';
import { FEED_SIZE } from './feed-queries';
import { getWithSlug, itemIds, publishStory, readFeedResponse, republish, takeDown, userSlug } from './feed-test-support';

// Outside a request Next's connection() throws; here there is nothing for it to wait for.
vi.mock('next/server', async (importOriginal) => ({ ...(await importOriginal<typeof import('next/server')>()), connection: async () => undefined }));

// Each test makes its own section, people or entities, so each feed holds only its own articles.
useFreshDatabase();

const START = Date.UTC(2030, 2, 1, 8);
/** An instant `hours` after a fixed morning. */
function at(hours: number): Date {
  return new Date(START + hours * 3_600_000);
}

function tagUri(id: number, firstPublished: Date): string {
  return `tag:${new URL(getConfig().siteUrl).hostname},${firstPublished.toISOString().slice(0, 10)}:article:${id}`;
}

async function newSection(): Promise<{ id: number; name: string; slug: string }> {
  const suffix = randomBytes(3).toString('hex');
  return { id: await createSection(`Desk ${suffix}`), name: `Desk ${suffix}`, slug: `desk-${suffix}` };
}

async function newsroom() {
  return { writer: await createStaff('writer'), editor: await createStaff('editor') };
}

const FEEDS = {
  section: { rss: getSectionRss, atom: getSectionAtom },
  author: { rss: getAuthorRss, atom: getAuthorAtom },
  entity: { rss: getEntityRss, atom: getEntityAtom },
};

describe('a section’s feeds', () => {
  it('list exactly the section’s published articles, newest first, under the section’s name and addresses', async () => {
    const { writer, editor } = await newsroom();
    const desk = await newSection();
    const other = await newSection();
    const first = await publishStory(editor, { author: writer, sectionId: desk.id, now: at(1) });
    const second = await publishStory(editor, { author: writer, sectionId: desk.id, now: at(2) });
    await publishStory(editor, { author: writer, sectionId: other.id, now: at(3) });
    const withdrawn = await publishStory(editor, { author: writer, sectionId: desk.id, now: at(4) });
    await takeDown(editor, withdrawn.id, at(5));
    await createDraft(writer, { sectionId: desk.id });
    const { siteUrl, siteName } = getConfig();

    const rss = await readFeedResponse(await getWithSlug(getSectionRss, desk.slug));
    const atom = await readFeedResponse(await getWithSlug(getSectionAtom, desk.slug));

    const expected = [tagUri(second.id, at(2)), tagUri(first.id, at(1))];
    expect(rss.feed.items.map((item) => item.id)).toEqual(expected);
    expect(atom.feed.items.map((item) => item.id)).toEqual(expected);
    expect(rss.feed.items.map((item) => item.categories[0]?.label)).toEqual([desk.name, desk.name]);
    expect(rss.feed).toMatchObject({ title: `${siteName}: ${desk.name}`, url: `${siteUrl}/sections/${desk.slug}`, self: `${siteUrl}/sections/${desk.slug}/feed.xml` });
    expect(atom.feed).toMatchObject({ title: `${siteName}: ${desk.name}`, url: `${siteUrl}/sections/${desk.slug}`, self: `${siteUrl}/sections/${desk.slug}/atom.xml` });
  });

  it('follow an article moved to another section when it is republished', async () => {
    const { writer, editor } = await newsroom();
    const from = await newSection();
    const to = await newSection();
    const moved = await publishStory(editor, { author: writer, sectionId: from.id, now: at(1) });

    await republish(editor, moved.id, { changes: { sectionId: to.id }, now: at(2) });

    expect(await itemIds(await getWithSlug(getSectionRss, from.slug))).toEqual([]);
    expect(await itemIds(await getWithSlug(getSectionRss, to.slug))).toEqual([tagUri(moved.id, at(1))]);
  });

  it(`stop at the ${FEED_SIZE} newest articles`, async () => {
    const { writer, editor } = await newsroom();
    const desk = await newSection();
    const published: number[] = [];
    for (let hour = 0; hour <= FEED_SIZE; hour++) published.push((await publishStory(editor, { author: writer, sectionId: desk.id, now: at(hour) })).id);

    const ids = await itemIds(await getWithSlug(getSectionAtom, desk.slug));

    expect(ids).toHaveLength(FEED_SIZE);
    expect(ids[0]).toBe(tagUri(published[FEED_SIZE]!, at(FEED_SIZE)));
    expect(ids.at(-1)).toBe(tagUri(published[1]!, at(1)));
    expect(ids).not.toContain(tagUri(published[0]!, at(0)));
  }, 120_000);

  it('answer an empty feed for a section with nothing published yet', async () => {
    const desk = await newSection();

    const response = await getWithSlug(getSectionRss, desk.slug);

    expect(response.status).toBe(200);
    expect((await readFeedResponse(response)).feed.items).toEqual([]);
  });
});

describe('an author’s feeds', () => {
  it('list exactly the published articles carrying the author’s byline, shared bylines included', async () => {
    const { editor } = await newsroom();
    const ana = await createStaff('writer', { name: 'Ana Ruiz' });
    const bo = await createStaff('writer', { name: 'Bo Lindqvist' });
    const alone = await publishStory(editor, { author: ana, now: at(1) });
    const shared = await publishStory(editor, { author: bo, bylineIds: [bo.id, ana.id], now: at(2) });
    const hisOwn = await publishStory(editor, { author: bo, now: at(3) });
    await createDraft(ana);
    const { siteUrl, siteName } = getConfig();
    const anaSlug = await userSlug(ana.id);

    const anaRss = await readFeedResponse(await getWithSlug(getAuthorRss, anaSlug));
    const boAtom = await readFeedResponse(await getWithSlug(getAuthorAtom, await userSlug(bo.id)));

    expect(anaRss.feed.items.map((item) => item.id)).toEqual([tagUri(shared.id, at(2)), tagUri(alone.id, at(1))]);
    expect(anaRss.feed.items.map((item) => item.authors.map((author) => author.name))).toEqual([['Bo Lindqvist', 'Ana Ruiz'], ['Ana Ruiz']]);
    expect(anaRss.feed).toMatchObject({ title: `${siteName}: Ana Ruiz`, url: `${siteUrl}/authors/${anaSlug}`, self: `${siteUrl}/authors/${anaSlug}/feed.xml` });
    expect(boAtom.feed.items.map((item) => item.id)).toEqual([tagUri(hisOwn.id, at(3)), tagUri(shared.id, at(2))]);
  });

  it('are not there for a member of staff with nothing published: a draft, or an article taken down, is not enough', async () => {
    const { editor } = await newsroom();
    const drafting = await createStaff('writer');
    const withdrawn = await createStaff('writer');
    await createDraft(drafting);
    const story = await publishStory(editor, { author: withdrawn, now: at(1) });
    await takeDown(editor, story.id, at(2));

    const responses = [
      await getWithSlug(getAuthorRss, await userSlug(drafting.id)),
      await getWithSlug(getAuthorAtom, await userSlug(drafting.id)),
      await getWithSlug(getAuthorRss, await userSlug(withdrawn.id)),
      await getWithSlug(getAuthorAtom, await userSlug(withdrawn.id)),
    ];

    expect(responses.map((response) => response.status)).toEqual([404, 404, 404, 404]);
  });
});

describe('an entity’s feeds', () => {
  it('list exactly the published articles that mention the entity', async () => {
    const { writer, editor } = await newsroom();
    const bukele = await createEntityAs(editor);
    const other = await createEntityAs(editor);
    const first = await publishStory(editor, { author: writer, body: taggedBody([tag(bukele.id, bukele.name), ' spoke.']), now: at(1) });
    const both = await publishStory(editor, { author: writer, body: taggedBody([tag(other.id, other.name), ' met ', tag(bukele.id, bukele.name), '.']), now: at(2) });
    await publishStory(editor, { author: writer, body: taggedBody([tag(other.id, other.name), ' spoke alone.']), now: at(3) });
    const withdrawn = await publishStory(editor, { author: writer, body: taggedBody([tag(bukele.id, bukele.name), ' again.']), now: at(4) });
    await takeDown(editor, withdrawn.id, at(5));
    await createDraft(writer, { body: taggedBody([tag(bukele.id, bukele.name), ' in a draft.']) });
    const { siteUrl, siteName } = getConfig();

    const rss = await readFeedResponse(await getWithSlug(getEntityRss, bukele.slug));
    const atom = await readFeedResponse(await getWithSlug(getEntityAtom, bukele.slug));

    const expected = [tagUri(both.id, at(2)), tagUri(first.id, at(1))];
    expect(rss.feed.items.map((item) => item.id)).toEqual(expected);
    expect(atom.feed.items.map((item) => item.id)).toEqual(expected);
    expect(atom.feed).toMatchObject({ title: `${siteName}: ${bukele.name}`, url: `${siteUrl}/entities/${bukele.slug}`, self: `${siteUrl}/entities/${bukele.slug}/atom.xml` });
  });

  it('answer an empty feed for an entity no published article mentions, as its page does', async () => {
    const { editor } = await newsroom();
    const unmentioned = await createEntityAs(editor);

    const response = await getWithSlug(getEntityAtom, unmentioned.slug);

    expect(response.status).toBe(200);
    expect((await readFeedResponse(response)).feed.items).toEqual([]);
  });

  it('of a merged entity redirect permanently to the kept entity’s, which lists the mentions of both', async () => {
    const { writer, editor } = await newsroom();
    const kept = await createEntityAs(editor);
    const merged = await createEntityAs(editor);
    const mentioningMerged = await publishStory(editor, { author: writer, body: taggedBody([tag(merged.id, merged.name), ' spoke.']), now: at(1) });
    await mergeEntities(editor, { fromId: merged.id, intoId: kept.id });

    const rss = await getWithSlug(getEntityRss, merged.slug);
    const atom = await getWithSlug(getEntityAtom, merged.slug);

    expect([rss.status, rss.headers.get('location')]).toEqual([308, `/entities/${kept.slug}/feed.xml`]);
    expect([atom.status, atom.headers.get('location')]).toEqual([308, `/entities/${kept.slug}/atom.xml`]);
    expect(await itemIds(await getWithSlug(getEntityRss, kept.slug))).toEqual([tagUri(mentioningMerged.id, at(1))]);
  });
});

describe('feeds of what does not exist', () => {
  it.each(Object.entries(FEEDS).flatMap(([kind, formats]) => Object.entries(formats).map(([format, route]) => ({ kind, format, route }))))(
    'answer 404 for an unknown $kind ($format)',
    async ({ route }) => {
      const response = await getWithSlug(route, `nobody-${randomBytes(4).toString('hex')}`);

      expect(response.status).toBe(404);
      expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    },
  );

  const notSlugs = ['\u0000', '%00', 'a\u0000b', 'Politics', '../studio', 'a b', 'x'.repeat(101), "x'; drop table articles; --", '', 'naïve', '<script>', '-'];
  it.each(notSlugs.flatMap((slug) => Object.entries(FEEDS).map(([kind, formats]) => ({ kind, slug: JSON.stringify(slug).slice(0, 30), raw: slug, route: formats.rss }))))(
    'answer 404, not an error, for the $kind address $slug',
    async ({ raw, route }) => {
      const response = await getWithSlug(route, raw);

      expect(response.status).toBe(404);
    },
  );
});
