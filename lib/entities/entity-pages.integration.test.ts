import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { unpublishArticle } from '@/lib/articles/article-workflow';
import type { Actor } from '@/lib/permissions';
import { useFreshDatabase } from '@/test-support/database';
import {
  createDraft,
  createEntityAs,
  createPublishedArticle,
  createSection,
  createStaff,
  saveChanges,
  tag,
  taggedBody,
  uniqueHeadline,
  SOURCING_NOT_UNDER_TEST,
} from '@/test-support/factories';
import type { EntitySummary } from './entity-catalog';
import { aboutAndMentions, DOSSIER_PAGE_SIZE, entityLinksFor, findDossier, listEntityIndex } from './entity-pages';
import { mergeEntities } from './entity-service';

useFreshDatabase();

const START = Date.UTC(2030, 0, 10, 8);
/** An instant `minutes` after a fixed morning. */
function at(minutes: number): Date {
  return new Date(START + minutes * 60_000);
}

function suffix(): string {
  return randomBytes(3).toString('hex');
}

/** A published article that tags each entity once, in one sentence. */
async function publishMentioning(writer: Actor, editor: Actor, entities: EntitySummary[], now = at(0)) {
  const runs = entities.flatMap((entity, index) => [index === 0 ? '' : ' and ', tag(entity.id, entity.name)]).filter((run) => run !== '');
  return createPublishedArticle(writer, editor, { coverageOverride: SOURCING_NOT_UNDER_TEST, body: taggedBody([...runs, ' were there.']), now });
}

async function dossierOf(slug: string, page?: number) {
  const found = await findDossier(slug, page ? { page } : {});
  if (found?.kind !== 'entity') throw new Error(`Expected the dossier of ${slug}, got ${JSON.stringify(found)}.`);
  return found.dossier;
}

describe('an entity’s dossier', () => {
  it('shows the entity and a timeline of its published articles, newest first, each with the sentence of the first mention', async () => {
    const writer = await createStaff('writer');
    const editor = await createStaff('editor');
    const sectionId = await createSection();
    const entity = await createEntityAs(editor, {
      name: 'Tecoluca',
      type: 'place',
      aliases: ['Tecoluca municipality'],
      description: 'Town in San Vicente, El Salvador.',
      wikidataId: 'Q1776935',
    });
    const oldest = await createPublishedArticle(writer, editor, {
      coverageOverride: SOURCING_NOT_UNDER_TEST,
      headline: 'Prison opens near Tecoluca',
      sectionId,
      now: at(0),
      body: taggedBody(['A prison opened near ', tag(entity.id, 'Tecoluca'), ' on Tuesday. It holds 40,000.']),
    });
    const newest = await createPublishedArticle(writer, editor, {
      coverageOverride: SOURCING_NOT_UNDER_TEST,
      headline: 'Flooding in San Vicente',
      sectionId,
      now: at(120),
      body: taggedBody(['Rivers rose overnight. ', tag(entity.id, 'Tecoluca'), ' was cut off.'], ['Aid reached ', tag(entity.id, 'the town'), ' by noon.']),
    });
    const middle = await createPublishedArticle(writer, editor, {
      coverageOverride: SOURCING_NOT_UNDER_TEST,
      headline: 'Deportees arrive',
      sectionId,
      now: at(60),
      body: taggedBody(['The flight landed at 4 a.m. Buses took the men to ', tag(entity.id, 'Tecoluca'), '.']),
    });
    // Edited after publication, not republished: readers still see the published headline.
    await saveChanges(editor, middle.id, { headline: 'Unpublished new headline' });
    await createDraft(writer, { body: taggedBody([tag(entity.id, 'Tecoluca'), ' in a draft.']) });

    const dossier = await dossierOf('tecoluca');

    expect(dossier).toEqual({
      id: entity.id,
      slug: 'tecoluca',
      name: 'Tecoluca',
      type: 'place',
      aliases: ['Tecoluca municipality'],
      description: 'Town in San Vicente, El Salvador.',
      wikidataId: 'Q1776935',
      timeline: [
        { slug: newest.slug, headline: 'Flooding in San Vicente', publishedAt: at(120), sentence: 'Tecoluca was cut off.', mentions: 2 },
        { slug: middle.slug, headline: 'Deportees arrive', publishedAt: at(60), sentence: 'Buses took the men to Tecoluca.', mentions: 1 },
        { slug: oldest.slug, headline: 'Prison opens near Tecoluca', publishedAt: at(0), sentence: 'A prison opened near Tecoluca on Tuesday.', mentions: 1 },
      ],
      total: 3,
      alongside: [],
    });
  });

  it('pages the timeline, DOSSIER_PAGE_SIZE articles a page, without skipping or repeating an article', async () => {
    const writer = await createStaff('writer');
    const editor = await createStaff('editor');
    const entity = await createEntityAs(editor, { type: 'organization' });
    const published: Array<{ slug: string; publishedAt: Date }> = [];
    const count = DOSSIER_PAGE_SIZE + 3;
    for (let i = 0; i < count; i++) {
      // Two articles share a publication time, one each side of the page boundary.
      const minute = i === 2 ? 3 : i;
      const article = await createPublishedArticle(writer, editor, {
        coverageOverride: SOURCING_NOT_UNDER_TEST,
        headline: uniqueHeadline('Budget'),
        now: at(minute),
        body: taggedBody(['The ', tag(entity.id, entity.name), ' reported.']),
      });
      published.push({ slug: article.slug, publishedAt: at(minute) });
    }

    const first = await dossierOf(entity.slug);
    const second = await dossierOf(entity.slug, 2);
    const third = await dossierOf(entity.slug, 3);

    expect(first.timeline).toHaveLength(DOSSIER_PAGE_SIZE);
    expect(second.timeline).toHaveLength(3);
    expect(third.timeline).toEqual([]);
    expect([first.total, second.total, third.total]).toEqual([count, count, count]);
    const pages = [...first.timeline, ...second.timeline];
    expect(new Set(pages.map((entry) => entry.slug)).size).toBe(count);
    expect(pages.map((entry) => entry.publishedAt)).toEqual(published.map((entry) => entry.publishedAt).sort((a, b) => b.getTime() - a.getTime()));
    expect(second.timeline.map((entry) => entry.slug)).toEqual(published.slice(0, 3).reverse().map((entry) => entry.slug));
  });

  it('lists the entities most often mentioned alongside, by shared published articles and then by name', async () => {
    const writer = await createStaff('writer');
    const editor = await createStaff('editor');
    const id = suffix();
    const subject = await createEntityAs(editor, { name: `Subject ${id}` });
    const often = await createEntityAs(editor, { name: `Often ${id}`, type: 'organization' });
    const twice = await createEntityAs(editor, { name: `Twice ${id}`, type: 'place' });
    const zeta = await createEntityAs(editor, { name: `Zeta ${id}` });
    const beta = await createEntityAs(editor, { name: `Beta ${id}` });
    const unrelated = await createEntityAs(editor, { name: `Unrelated ${id}` });
    await publishMentioning(writer, editor, [subject, often, twice, zeta]);
    await publishMentioning(writer, editor, [subject, often, twice]);
    await publishMentioning(writer, editor, [often, subject]);
    await publishMentioning(writer, editor, [subject, beta]);
    await publishMentioning(writer, editor, [often, twice, unrelated]);
    // Neither a draft nor an unpublished article counts.
    await createDraft(writer, { body: taggedBody([tag(subject.id, 'S'), ' and ', tag(zeta.id, 'Z'), ' and ', tag(unrelated.id, 'U'), '.']) });
    const takenDown = await publishMentioning(writer, editor, [subject, beta, unrelated]);
    await unpublishArticle(editor, { articleId: takenDown.id, expectedVersion: takenDown.version });

    const dossier = await dossierOf(subject.slug);

    expect(dossier.alongside).toEqual([
      { slug: often.slug, name: often.name, type: 'organization', articles: 3 },
      { slug: twice.slug, name: twice.name, type: 'place', articles: 2 },
      { slug: beta.slug, name: beta.name, type: 'person', articles: 1 },
      { slug: zeta.slug, name: zeta.name, type: 'person', articles: 1 },
    ]);
    expect(dossier.total).toBe(4);
  });

  it('lists at most eight entities alongside', async () => {
    const writer = await createStaff('writer');
    const editor = await createStaff('editor');
    const id = suffix();
    const subject = await createEntityAs(editor, { name: `Centre ${id}` });
    const others: EntitySummary[] = [];
    for (let n = 1; n <= 10; n++) others.push(await createEntityAs(editor, { name: `Co-mentioned ${String(n).padStart(2, '0')} ${id}` }));
    await publishMentioning(writer, editor, [subject, ...others]);

    const dossier = await dossierOf(subject.slug);

    expect(dossier.alongside.map((entry) => entry.slug)).toEqual(others.slice(0, 8).map((entity) => entity.slug));
  });

  it('sends the slug of a merged entity to the entity it was merged into, through earlier merges too', async () => {
    const editor = await createStaff('editor');
    const earlier = await createEntityAs(editor);
    const from = await createEntityAs(editor);
    const into = await createEntityAs(editor);
    await mergeEntities(editor, { fromId: earlier.id, intoId: from.id });
    await mergeEntities(editor, { fromId: from.id, intoId: into.id });

    expect(await findDossier(from.slug)).toEqual({ kind: 'moved', slug: into.slug });
    expect(await findDossier(earlier.slug)).toEqual({ kind: 'moved', slug: into.slug });
  });

  it('counts a merged entity’s published articles on the dossier of the entity it was merged into', async () => {
    const writer = await createStaff('writer');
    const editor = await createStaff('editor');
    const from = await createEntityAs(editor);
    const into = await createEntityAs(editor);
    const a = await publishMentioning(writer, editor, [from], at(10));
    const b = await publishMentioning(writer, editor, [into], at(20));

    await mergeEntities(editor, { fromId: from.id, intoId: into.id });

    const dossier = await dossierOf(into.slug);
    expect(dossier.timeline.map((entry) => entry.slug)).toEqual([b.slug, a.slug]);
    expect(dossier.timeline[1]!.sentence).toBe(`${from.name} were there.`);
    expect(dossier.total).toBe(2);
  });

  it('answers an unknown slug with null', async () => {
    expect(await findDossier('no-such-entity')).toBeNull();
  });

  it('shows an entity nobody has published about with an empty timeline', async () => {
    const writer = await createStaff('writer');
    const entity = await createEntityAs(writer, { type: 'event' });

    const dossier = await dossierOf(entity.slug);

    expect(dossier).toMatchObject({ id: entity.id, name: entity.name, timeline: [], total: 0, alongside: [] });
  });
});

describe('the entity index', () => {
  it('lists only entities with published mentions, by name, with how many published articles mention each', async () => {
    const writer = await createStaff('writer');
    const editor = await createStaff('editor');
    const id = suffix();
    const busy = await createEntityAs(editor, { name: `Index busy ${id}`, type: 'organization' });
    const once = await createEntityAs(editor, { name: `Index once ${id}`, type: 'place' });
    const merged = await createEntityAs(editor, { name: `Index merged ${id}` });
    const draftOnly = await createEntityAs(editor, { name: `Index draft only ${id}` });
    const takenDown = await createEntityAs(editor, { name: `Index taken down ${id}` });
    const never = await createEntityAs(editor, { name: `Index never ${id}` });
    await publishMentioning(writer, editor, [busy, once]);
    await publishMentioning(writer, editor, [busy]);
    await publishMentioning(writer, editor, [merged, busy]);
    await publishMentioning(writer, editor, [merged]);
    await createDraft(writer, { body: taggedBody([tag(draftOnly.id, 'D'), ' drafted.']) });
    const down = await publishMentioning(writer, editor, [takenDown]);
    await unpublishArticle(editor, { articleId: down.id, expectedVersion: down.version });
    await mergeEntities(editor, { fromId: merged.id, intoId: busy.id });

    const index = await listEntityIndex();

    const ours = new Set([busy, once, merged, draftOnly, takenDown, never].map((entity) => entity.slug));
    expect(index.filter((entry) => ours.has(entry.slug))).toEqual([
      { slug: busy.slug, name: busy.name, type: 'organization', articles: 4 },
      { slug: once.slug, name: once.name, type: 'place', articles: 1 },
    ]);
  });
});

describe('entity links in an article body', () => {
  it('links each tag to the current entity’s page, an old (merged) id to the entity it was merged into, and skips unknown ids', async () => {
    const editor = await createStaff('editor');
    const active = await createEntityAs(editor);
    const from = await createEntityAs(editor);
    const into = await createEntityAs(editor);
    // A body published before the merge keeps the old id.
    const body = taggedBody([tag(active.id, 'A'), ' met ', tag(from.id, 'B'), ' and ', tag(2_000_000, 'C'), '.']);
    await mergeEntities(editor, { fromId: from.id, intoId: into.id });

    const links = await entityLinksFor(body);

    expect(links).toEqual(
      new Map([
        [active.id, { slug: active.slug, name: active.name }],
        [from.id, { slug: into.slug, name: into.name }],
      ]),
    );
    expect(await entityLinksFor(taggedBody('Nothing tagged.'))).toEqual(new Map());
  });
});

describe('about and mentions in structured data', () => {
  it('puts entities mentioned at least twice among the top three in about, and the rest in mentions', async () => {
    const editor = await createStaff('editor');
    const [e1, e2, e3, e4, e5] = [
      await createEntityAs(editor, { wikidataId: 'Q42' }),
      await createEntityAs(editor, { type: 'organization' }),
      await createEntityAs(editor, { type: 'place' }),
      await createEntityAs(editor),
      await createEntityAs(editor),
    ];
    const body = taggedBody(
      [tag(e5.id, 'E5'), ' then ', tag(e4.id, 'E4'), ' then ', tag(e1.id, 'E1'), ' then ', tag(e2.id, 'E2'), ' then ', tag(e3.id, 'E3'), '.'],
      [tag(e1.id, 'E1'), ' and ', tag(e2.id, 'E2'), ' and ', tag(e3.id, 'E3'), ' and ', tag(e4.id, 'E4'), ' and ', tag(e1.id, 'E1'), ' again.'],
      [tag(2_000_000, 'unknown'), ' is ignored.'],
    );

    const result = await aboutAndMentions(body);

    const structured = (entity: EntitySummary) => ({ name: entity.name, type: entity.type, slug: entity.slug, wikidataId: entity.wikidataId });
    // E1 ×3; E4, E2, E3 ×2 (E4 first mentioned first, so it is among the top three); E5 ×1.
    expect(result).toEqual({ about: [e1, e4, e2].map(structured), mentions: [e3, e5].map(structured) });
    expect(result.about[0]!.wikidataId).toBe('Q42');
  });

  it('puts nothing in about when no entity is mentioned twice', async () => {
    const editor = await createStaff('editor');
    const a = await createEntityAs(editor);
    const b = await createEntityAs(editor);

    const result = await aboutAndMentions(taggedBody([tag(a.id, 'A'), ' and ', tag(b.id, 'B'), '.']));

    expect(result.about).toEqual([]);
    expect(result.mentions.map((entity) => entity.slug)).toEqual([a.slug, b.slug]);
  });

  it('counts tags of a merged entity for the entity it was merged into', async () => {
    const editor = await createStaff('editor');
    const from = await createEntityAs(editor);
    const into = await createEntityAs(editor);
    const body = taggedBody([tag(from.id, 'Old name'), ' and later ', tag(into.id, 'new name'), '.']);
    await mergeEntities(editor, { fromId: from.id, intoId: into.id });

    const result = await aboutAndMentions(body);

    expect(result).toEqual({ about: [{ name: into.name, type: into.type, slug: into.slug, wikidataId: null }], mentions: [] });
  });
});
