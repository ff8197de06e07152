import { and, count, eq, inArray, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditEvents, entities } from '@/db/schema';
import { ForbiddenError, NotFoundError, ValidationError } from '@/lib/errors';
import { openConnections, useFreshDatabase } from '@/test-support/database';
import { createEntityAs, createPublishedArticle, createStaff, tag, taggedBody, SOURCING_NOT_UNDER_TEST } from '@/test-support/factories';
import { caught, entityCatalogCounter, readArticleMentions, readEntityState } from '@/test-support/inspect';
import { createEntity, getEntity, listEntities, mergeEntities, updateEntity } from './entity-service';

const { db } = useFreshDatabase();

const NOW = new Date('2030-03-04T10:00:00Z');
const LATER = new Date('2030-03-05T16:30:00Z');

async function entitiesNamed(name: string) {
  return db().select().from(entities).where(sql`lower(${entities.name}) = lower(${name})`);
}

function fieldsOf(error: unknown): string[] {
  expect(error).toBeInstanceOf(ValidationError);
  return Object.keys((error as ValidationError).fieldErrors);
}

describe('creating an entity', () => {
  it('lets a writer add one: slug from the name, aliases trimmed and deduplicated, empty ones dropped, an audit event, the catalog bumped', async () => {
    const writer = await createStaff('writer');
    const counterBefore = await entityCatalogCounter();

    const created = await createEntity(
      writer,
      {
        name: '  Nayib Bukele ',
        type: 'person',
        aliases: [' Bukele ', '', 'Bukele', 'President Bukele', '   ', 'President Bukele'],
        description: '  President of El Salvador since 2019. ',
        wikidataId: 'Q6963536',
      },
      { now: NOW },
    );

    expect(created).toEqual({
      id: expect.any(Number),
      slug: 'nayib-bukele',
      name: 'Nayib Bukele',
      type: 'person',
      aliases: ['Bukele', 'President Bukele'],
      wikidataId: 'Q6963536',
    });
    const state = await readEntityState(created.id);
    expect(state.entity).toEqual({
      ...created,
      description: 'President of El Salvador since 2019.',
      mergedIntoId: null,
      createdAt: NOW,
      updatedAt: NOW,
    });
    expect(state.audit.map((row) => [row.action, row.actorId, row.occurredAt])).toEqual([['entity.create', writer.id, NOW]]);
    expect(state.catalogCounter).toBe(counterBefore + 1);
  });

  it('numbers the slug when another entity already has the one its name makes', async () => {
    const editor = await createStaff('editor');
    const first = await createEntityAs(editor, { name: 'Ciudad de México', type: 'place' });

    const second = await createEntityAs(editor, { name: 'Ciudad de Mexico', type: 'place' });
    const third = await createEntityAs(editor, { name: 'Ciudad-de-México', type: 'place' });

    expect([first.slug, second.slug, third.slug]).toEqual(['ciudad-de-mexico', 'ciudad-de-mexico-2', 'ciudad-de-mexico-3']);
  });

  it.each([
    ['Q42', 'Q42'],
    ['q42', 'Q42'],
    [' Q1234567 ', 'Q1234567'],
    ['', null],
    [undefined, null],
  ])('accepts the Wikidata id %j as %j', async (wikidataId, stored) => {
    const writer = await createStaff('writer');

    const created = await createEntityAs(writer, wikidataId === undefined ? {} : { wikidataId });

    expect(created.wikidataId).toBe(stored);
    expect((await readEntityState(created.id)).entity!.wikidataId).toBe(stored);
  });

  it.each(['Q0', 'X42', 'Q4a', 'Q', '42', 'Q042', 'Q-42', 'https://www.wikidata.org/wiki/Q42'])(
    'refuses the Wikidata id %j on wikidataId, and saves nothing',
    async (wikidataId) => {
      const writer = await createStaff('writer');
      const name = `Refused ${wikidataId} entity`;
      const counterBefore = await entityCatalogCounter();

      const error = await caught(createEntity(writer, { name, type: 'organization', wikidataId }));

      expect(fieldsOf(error)).toEqual(['wikidataId']);
      expect(await entitiesNamed(name)).toEqual([]);
      expect(await entityCatalogCounter()).toBe(counterBefore);
    },
  );

  it('refuses a second active entity with the same name in any case, on name, and saves nothing', async () => {
    const writer = await createStaff('writer');
    const existing = await createEntityAs(writer, { name: 'Alien Enemies Act', type: 'topic' });
    const counterBefore = await entityCatalogCounter();

    const error = await caught(createEntity(writer, { name: ' alien ENEMIES act ', type: 'event' }));

    expect(fieldsOf(error)).toEqual(['name']);
    expect((await entitiesNamed('Alien Enemies Act')).map((row) => row.id)).toEqual([existing.id]);
    expect(await entityCatalogCounter()).toBe(counterBefore);
    const [events] = await db()
      .select({ n: count() })
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'entity.create'), eq(auditEvents.actorId, writer.id)));
    expect(events!.n).toBe(1);
  });

  it('adds one entity and refuses the other on name when two writers add the same name at once', async () => {
    const writer = await createStaff('writer');
    const otherWriter = await createStaff('writer');
    await openConnections(db());

    const outcomes = await Promise.allSettled([
      createEntity(writer, { name: 'Venezuelan deportees', type: 'topic' }),
      createEntity(otherWriter, { name: 'venezuelan Deportees', type: 'topic' }),
    ]);

    expect(outcomes.map((outcome) => outcome.status).sort()).toEqual(['fulfilled', 'rejected']);
    const refused = outcomes.find((outcome) => outcome.status === 'rejected') as PromiseRejectedResult;
    expect(fieldsOf(refused.reason)).toEqual(['name']);
    expect(await entitiesNamed('Venezuelan deportees')).toHaveLength(1);
  });

  it('numbers the slug when two entities whose names make the same slug are added at once', async () => {
    const writer = await createStaff('writer');
    const otherWriter = await createStaff('writer');
    await openConnections(db());

    const outcomes = await Promise.allSettled([
      createEntity(writer, { name: 'San Martín', type: 'place' }),
      createEntity(otherWriter, { name: 'San Martin', type: 'place' }),
    ]);

    expect(outcomes.map((outcome) => (outcome.status === 'fulfilled' ? outcome.value.slug : String(outcome.reason))).sort()).toEqual([
      'san-martin',
      'san-martin-2',
    ]);
  });

  it('allows the name of a merged entity again, with a new slug (the old one keeps redirecting)', async () => {
    const editor = await createStaff('editor');
    const merged = await createEntityAs(editor, { name: 'Ministerio de Hacienda', type: 'organization' });
    const into = await createEntityAs(editor, { name: 'Ministry of Finance', type: 'organization' });
    await mergeEntities(editor, { fromId: merged.id, intoId: into.id });

    const again = await createEntityAs(editor, { name: 'Ministerio de Hacienda', type: 'organization' });

    expect(again.slug).toBe('ministerio-de-hacienda-2');
    expect((await readEntityState(merged.id)).entity).toMatchObject({ slug: 'ministerio-de-hacienda', mergedIntoId: into.id });
  });

  it('refuses a name too short and an unknown type, field by field', async () => {
    const writer = await createStaff('writer');

    const error = await caught(createEntity(writer, { name: ' X ', type: 'country' }));

    expect(fieldsOf(error).sort()).toEqual(['name', 'type']);
    expect(await entitiesNamed('X')).toEqual([]);
  });
});

describe('updating an entity', () => {
  it('lets an editor correct every field; the slug stays, an audit event, the catalog bumped', async () => {
    const writer = await createStaff('writer');
    const editor = await createStaff('editor');
    const entity = await createEntityAs(writer, { name: 'Cecot prison', type: 'place', aliases: ['CECOT'], now: NOW });
    const counterBefore = await entityCatalogCounter();

    await updateEntity(
      editor,
      {
        entityId: entity.id,
        name: 'Terrorism Confinement Center',
        type: 'organization',
        aliases: ['CECOT', ' Centro de Confinamiento del Terrorismo ', ''],
        description: 'Maximum-security prison in Tecoluca.',
        wikidataId: 'q115961123',
      },
      { now: LATER },
    );

    const state = await readEntityState(entity.id);
    expect(state.entity).toEqual({
      id: entity.id,
      slug: 'cecot-prison',
      name: 'Terrorism Confinement Center',
      type: 'organization',
      aliases: ['CECOT', 'Centro de Confinamiento del Terrorismo'],
      description: 'Maximum-security prison in Tecoluca.',
      wikidataId: 'Q115961123',
      mergedIntoId: null,
      createdAt: NOW,
      updatedAt: LATER,
    });
    expect(state.audit.map((row) => [row.action, row.actorId])).toEqual([
      ['entity.create', writer.id],
      ['entity.update', editor.id],
    ]);
    expect(state.catalogCounter).toBe(counterBefore + 1);
  });

  it('lets an editor change only the case of the name', async () => {
    const editor = await createStaff('editor');
    const entity = await createEntityAs(editor, { name: 'nuevas ideas', type: 'organization' });

    await updateEntity(editor, { entityId: entity.id, name: 'Nuevas Ideas', type: 'organization' });

    expect((await readEntityState(entity.id)).entity!.name).toBe('Nuevas Ideas');
  });

  it('refuses a writer, and changes nothing', async () => {
    const writer = await createStaff('writer');
    const entity = await createEntityAs(writer, { name: 'Tren Maya', type: 'topic', aliases: ['Mayan Train'] });
    const before = await readEntityState(entity.id);

    const error = await caught(updateEntity(writer, { entityId: entity.id, name: 'Tren Maya railway', type: 'topic' }));

    expect(error).toBeInstanceOf(ForbiddenError);
    expect(await readEntityState(entity.id)).toEqual(before);
  });

  it('refuses the name of another active entity, in any case, on name, and changes nothing', async () => {
    const editor = await createStaff('editor');
    await createEntityAs(editor, { name: 'Banco Central de Reserva', type: 'organization' });
    const entity = await createEntityAs(editor, { name: 'BCR', type: 'organization' });
    const before = await readEntityState(entity.id);

    const error = await caught(updateEntity(editor, { entityId: entity.id, name: 'banco central de reserva', type: 'organization' }));

    expect(fieldsOf(error)).toEqual(['name']);
    expect(await readEntityState(entity.id)).toEqual(before);
  });

  it('refuses to edit a merged entity, and changes nothing', async () => {
    const editor = await createStaff('editor');
    const from = await createEntityAs(editor, { type: 'organization' });
    const into = await createEntityAs(editor, { type: 'organization' });
    await mergeEntities(editor, { fromId: from.id, intoId: into.id });
    const before = await readEntityState(from.id);

    const error = await caught(updateEntity(editor, { entityId: from.id, name: 'Revived after merging', type: 'organization' }));

    expect(fieldsOf(error)).toEqual(['entityId']);
    expect(await readEntityState(from.id)).toEqual(before);
  });
});

describe('merging entities', () => {
  it('makes from’s name and aliases into’s aliases (no duplicates in any case or accent) and points from at into', async () => {
    const editor = await createStaff('editor');
    const into = await createEntityAs(editor, { name: 'Xiomara Castro', aliases: ['Castro', 'Presidenta Castro'], now: NOW });
    const from = await createEntityAs(editor, {
      name: 'President Castro',
      aliases: ['presidenta castro', 'CASTRO', 'Cástro', 'Iris Xiomara Castro Sarmiento'],
      now: NOW,
    });
    const counterBefore = await entityCatalogCounter();

    const result = await mergeEntities(editor, { fromId: from.id, intoId: into.id }, { now: LATER });

    expect(result).toEqual({ slug: 'xiomara-castro' });
    const intoState = await readEntityState(into.id);
    const fromState = await readEntityState(from.id);
    expect(intoState.entity).toMatchObject({
      name: 'Xiomara Castro',
      slug: 'xiomara-castro',
      aliases: ['Castro', 'Presidenta Castro', 'President Castro', 'Iris Xiomara Castro Sarmiento'],
      mergedIntoId: null,
      updatedAt: LATER,
    });
    // from keeps its name and slug, so its page can redirect.
    expect(fromState.entity).toMatchObject({ name: 'President Castro', slug: 'president-castro', mergedIntoId: into.id, updatedAt: LATER });
    expect(intoState.audit.map((row) => [row.action, row.actorId, row.details, row.occurredAt])).toEqual([
      ['entity.create', editor.id, {}, NOW],
      ['entity.merge', editor.id, { from: from.id, fromName: 'President Castro' }, LATER],
    ]);
    expect(intoState.catalogCounter).toBe(counterBefore + 1);
  });

  it('does not repeat into’s own name among its aliases when from lists it in another case or accent', async () => {
    const editor = await createStaff('editor');
    const into = await createEntityAs(editor, { name: 'Óscar Romero', aliases: ['Monseñor Romero'] });
    const from = await createEntityAs(editor, { name: 'Saint Oscar Romero', aliases: ['oscar romero', 'ÓSCAR ROMERO'] });

    await mergeEntities(editor, { fromId: from.id, intoId: into.id });

    expect((await readEntityState(into.id)).entity!.aliases).toEqual(['Monseñor Romero', 'Saint Oscar Romero']);
  });

  it('points entities merged into from earlier at into', async () => {
    const editor = await createStaff('editor');
    const earlier = await createEntityAs(editor, { type: 'organization' });
    const from = await createEntityAs(editor, { type: 'organization' });
    const into = await createEntityAs(editor, { type: 'organization' });
    await mergeEntities(editor, { fromId: earlier.id, intoId: from.id });

    await mergeEntities(editor, { fromId: from.id, intoId: into.id });

    expect((await readEntityState(earlier.id)).entity!.mergedIntoId).toBe(into.id);
    expect((await readEntityState(from.id)).entity!.mergedIntoId).toBe(into.id);
    expect((await readEntityState(into.id)).entity!.aliases).toEqual(expect.arrayContaining([earlier.name, from.name]));
  });

  it('moves from’s mentions to into: one row per article, counts added up where an article mentions both', async () => {
    const writer = await createStaff('writer');
    const editor = await createStaff('editor');
    const into = await createEntityAs(editor, { name: 'Asamblea Legislativa', type: 'organization' });
    const from = await createEntityAs(editor, { name: 'Legislative Assembly', type: 'organization' });
    const both = await createPublishedArticle(writer, editor, {
      coverageOverride: SOURCING_NOT_UNDER_TEST,
      now: NOW,
      body: taggedBody(
        ['The ', tag(into.id, 'Asamblea Legislativa'), ' met at dawn.'],
        ['The ', tag(from.id, 'Legislative Assembly'), ' voted 57 to 3. Later the ', tag(from.id, 'assembly'), ' adjourned.'],
      ),
    });
    const onlyFrom = await createPublishedArticle(writer, editor, {
      now: NOW,
      body: taggedBody(['Deputies of the ', tag(from.id, 'Legislative Assembly'), ' approved the budget.']),
    });
    const onlyInto = await createPublishedArticle(writer, editor, {
      now: LATER,
      body: taggedBody(['The ', tag(into.id, 'Asamblea'), ' is in recess.']),
    });

    await mergeEntities(editor, { fromId: from.id, intoId: into.id });

    expect((await readEntityState(from.id)).mentions).toEqual([]);
    const mentions = (await readEntityState(into.id)).mentions;
    expect(mentions.map(({ articleId, mentionCount, firstSentence, publishedAt }) => ({ articleId, mentionCount, firstSentence, publishedAt }))).toEqual(
      [
        { articleId: both.id, mentionCount: 3, firstSentence: 'The Asamblea Legislativa met at dawn.', publishedAt: NOW },
        { articleId: onlyFrom.id, mentionCount: 1, firstSentence: 'Deputies of the Legislative Assembly approved the budget.', publishedAt: NOW },
        { articleId: onlyInto.id, mentionCount: 1, firstSentence: 'The Asamblea is in recess.', publishedAt: LATER },
      ].sort((a, b) => a.articleId - b.articleId),
    );
    expect((await readArticleMentions(both.id)).map((row) => row.entityId)).toEqual([into.id]);
    expect((await getEntity(editor, into.id)).articleCount).toBe(3);
    expect((await getEntity(editor, from.id)).articleCount).toBe(0);
  });

  it('refuses to merge an entity into itself, on intoId, and changes nothing', async () => {
    const editor = await createStaff('editor');
    const entity = await createEntityAs(editor);
    const before = await readEntityState(entity.id);

    const error = await caught(mergeEntities(editor, { fromId: entity.id, intoId: entity.id }));

    expect(fieldsOf(error)).toEqual(['intoId']);
    expect(await readEntityState(entity.id)).toEqual(before);
  });

  it('refuses to merge into a merged entity, and changes neither', async () => {
    const editor = await createStaff('editor');
    const gone = await createEntityAs(editor);
    const target = await createEntityAs(editor);
    await mergeEntities(editor, { fromId: gone.id, intoId: target.id });
    const from = await createEntityAs(editor);
    const before = [await readEntityState(from.id), await readEntityState(gone.id)];

    const error = await caught(mergeEntities(editor, { fromId: from.id, intoId: gone.id }));

    expect(fieldsOf(error)).toEqual(['entityId']);
    expect([await readEntityState(from.id), await readEntityState(gone.id)]).toEqual(before);
  });

  it('refuses to merge an entity that was already merged, and changes neither', async () => {
    const editor = await createStaff('editor');
    const gone = await createEntityAs(editor);
    await mergeEntities(editor, { fromId: gone.id, intoId: (await createEntityAs(editor)).id });
    const other = await createEntityAs(editor);
    const before = [await readEntityState(gone.id), await readEntityState(other.id)];

    const error = await caught(mergeEntities(editor, { fromId: gone.id, intoId: other.id }));

    expect(fieldsOf(error)).toEqual(['entityId']);
    expect([await readEntityState(gone.id), await readEntityState(other.id)]).toEqual(before);
  });

  it('answers a merge with an unknown entity as not found, and changes nothing', async () => {
    const editor = await createStaff('editor');
    const entity = await createEntityAs(editor);
    const before = await readEntityState(entity.id);

    const intoUnknown = await caught(mergeEntities(editor, { fromId: entity.id, intoId: 2_000_000 }));
    const fromUnknown = await caught(mergeEntities(editor, { fromId: 2_000_000, intoId: entity.id }));

    expect(intoUnknown).toBeInstanceOf(NotFoundError);
    expect(fromUnknown).toBeInstanceOf(NotFoundError);
    expect(await readEntityState(entity.id)).toEqual(before);
  });

  it('refuses a writer, and moves nothing', async () => {
    const writer = await createStaff('writer');
    const editor = await createStaff('editor');
    const from = await createEntityAs(writer);
    const into = await createEntityAs(writer);
    await createPublishedArticle(writer, editor, { body: taggedBody([tag(from.id, from.name), ' was there.']) });
    const before = [await readEntityState(from.id), await readEntityState(into.id)];

    const error = await caught(mergeEntities(writer, { fromId: from.id, intoId: into.id }));

    expect(error).toBeInstanceOf(ForbiddenError);
    expect([await readEntityState(from.id), await readEntityState(into.id)]).toEqual(before);
    expect(before[0]!.mentions).toHaveLength(1);
  });

  it('lets exactly one of two opposite merges made at once succeed, leaving no cycle', async () => {
    const editor = await createStaff('editor');
    const otherEditor = await createStaff('editor');
    const pairs = await Promise.all(
      Array.from({ length: 4 }, async () => [await createEntityAs(editor, { type: 'place' }), await createEntityAs(editor, { type: 'place' })] as const),
    );
    await openConnections(db());

    const outcomes = await Promise.all(
      pairs.map(([a, b]) =>
        Promise.allSettled([
          mergeEntities(editor, { fromId: a.id, intoId: b.id }),
          mergeEntities(otherEditor, { fromId: b.id, intoId: a.id }),
        ]),
      ),
    );

    for (const [index, [a, b]] of pairs.entries()) {
      const [aToB, bToA] = outcomes[index]!;
      expect([aToB.status, bToA.status].sort()).toEqual(['fulfilled', 'rejected']);
      const refused = [aToB, bToA].find((outcome) => outcome.status === 'rejected') as PromiseRejectedResult;
      expect(fieldsOf(refused.reason)).toEqual(['entityId']);
      const rows = await db().select().from(entities).where(inArray(entities.id, [a.id, b.id]));
      const merged = rows.filter((row) => row.mergedIntoId !== null);
      const active = rows.filter((row) => row.mergedIntoId === null);
      expect(merged).toHaveLength(1);
      expect(active).toHaveLength(1);
      expect(merged[0]!.mergedIntoId).toBe(active[0]!.id);
      expect(merged[0]!.id).toBe(aToB.status === 'fulfilled' ? a.id : b.id);
      const events = await db()
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.action, 'entity.merge'), inArray(auditEvents.subjectId, [String(a.id), String(b.id)])));
      expect(events.map((event) => event.subjectId)).toEqual([String(active[0]!.id)]);
    }
  });
});

describe('the studio’s entity list', () => {
  it('lists active entities matching the filter, with how many published articles mention each', async () => {
    const writer = await createStaff('writer');
    const editor = await createStaff('editor');
    const mentioned = await createEntityAs(editor, { name: 'Quorvat River', type: 'place' });
    const alias = await createEntityAs(editor, { name: 'Lempa basin', type: 'place', aliases: ['Quorvat valley'] });
    const person = await createEntityAs(editor, { name: 'Quorvat Mendez', type: 'person' });
    const merged = await createEntityAs(editor, { name: 'Quorvat river basin', type: 'place' });
    await mergeEntities(editor, { fromId: merged.id, intoId: alias.id });
    await createPublishedArticle(writer, editor, { body: taggedBody(['The ', tag(mentioned.id, 'Quorvat'), ' flooded.']) });
    await createPublishedArticle(writer, editor, { body: taggedBody(['The ', tag(mentioned.id, 'Quorvat'), ' rose again.']) });

    const places = await listEntities(editor, { q: 'quorvat', type: 'place', page: 1 });
    const everything = await listEntities(editor, { q: 'QUORVAT', page: 1 });

    expect(places.rows.map((row) => [row.name, row.articleCount])).toEqual([
      ['Lempa basin', 0],
      ['Quorvat River', 2],
    ]);
    expect(places.total).toBe(2);
    expect(everything.rows.map((row) => row.id)).toEqual([alias.id, person.id, mentioned.id]);
  });
});
