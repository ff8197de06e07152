import { describe, expect, it } from 'vitest';
import { ValidationError } from '@/lib/errors';
import { useFreshDatabase } from '@/test-support/database';
import { createEntityAs, createStaff } from '@/test-support/factories';
import { caught, entityCatalogCounter } from '@/test-support/inspect';
import { mergeEntities, searchEntities, updateEntity } from './entity-service';

useFreshDatabase();

/*
 * Every test's entities carry a made-up word of their own, and search for it, so that the
 * entities other tests of this file add never show up in its results.
 */

async function names(results: Promise<Array<{ name: string }>>): Promise<string[]> {
  return (await results).map((entity) => entity.name);
}

describe('searching entities', () => {
  it('ignores accents and case, in the query and in the names', async () => {
    const writer = await createStaff('writer');
    const kilmar = await createEntityAs(writer, { name: 'Kilmar Abrego García', type: 'person' });
    await createEntityAs(writer, { name: 'Garcilaso de la Vega', type: 'person' });

    const plain = await searchEntities(writer, { query: 'garcia' });
    const shouted = await searchEntities(writer, { query: 'GARCÍA' });
    const spaced = await searchEntities(writer, { query: '  abrego garc ' });

    expect(plain).toEqual([kilmar]);
    expect(shouted).toEqual([kilmar]);
    expect(spaced).toEqual([kilmar]);
  });

  it('finds an entity by one of its aliases', async () => {
    const writer = await createStaff('writer');
    const ice = await createEntityAs(writer, { name: 'Immigration and Customs Enforcement', type: 'organization', aliases: ['Vorzek agency'] });

    expect(await searchEntities(writer, { query: 'vorzek' })).toEqual([ice]);
    expect(await searchEntities(writer, { query: 'VÖRZEK AG' })).toEqual([ice]);
  });

  it('lists names that start with the query first, then names with a word that does, then other matches by name', async () => {
    const writer = await createStaff('writer');
    await createEntityAs(writer, { name: 'Alcaldía de San Salvador', type: 'organization', aliases: ['Teclavo town hall'] });
    await createEntityAs(writer, { name: 'Puerto Lateclavo', type: 'place' });
    await createEntityAs(writer, { name: 'Santa Teclavo', type: 'place' });
    await createEntityAs(writer, { name: 'Teclavo Ramos', type: 'person' });
    await createEntityAs(writer, { name: 'Téclavo Foundation', type: 'organization' });
    await createEntityAs(writer, { name: 'Ana Téclavo', type: 'person' });

    const found = await names(searchEntities(writer, { query: 'teclavo' }));

    expect(found).toEqual([
      'Téclavo Foundation',
      'Teclavo Ramos',
      'Ana Téclavo',
      'Santa Teclavo',
      'Alcaldía de San Salvador',
      'Puerto Lateclavo',
    ]);
  });

  it('filters by type', async () => {
    const writer = await createStaff('writer');
    await createEntityAs(writer, { name: 'Murnavel River', type: 'place' });
    await createEntityAs(writer, { name: 'Murnavel Dam project', type: 'topic' });
    await createEntityAs(writer, { name: 'Murnavel Valley', type: 'place' });

    expect(await names(searchEntities(writer, { query: 'murnavel', type: 'place' }))).toEqual(['Murnavel River', 'Murnavel Valley']);
    expect(await names(searchEntities(writer, { query: 'murnavel', type: 'topic' }))).toEqual(['Murnavel Dam project']);
    expect(await names(searchEntities(writer, { query: 'murnavel', type: 'event' }))).toEqual([]);
  });

  it('never returns a merged entity, and finds the one it was merged into by its old name', async () => {
    const editor = await createStaff('editor');
    const from = await createEntityAs(editor, { name: 'Quintarel Party', type: 'organization' });
    const into = await createEntityAs(editor, { name: 'Partido Quintarel', type: 'organization' });
    await mergeEntities(editor, { fromId: from.id, intoId: into.id });

    const found = await searchEntities(editor, { query: 'quintarel party' });
    const all = await searchEntities(editor, { query: 'quintarel' });

    expect(found.map((entity) => entity.id)).toEqual([into.id]);
    expect(all.map((entity) => entity.id)).toEqual([into.id]);
  });

  it('returns at most `limit` entities, 12 unless asked, and refuses a limit out of range', async () => {
    const writer = await createStaff('writer');
    for (let n = 10; n < 25; n++) await createEntityAs(writer, { name: `Dravossi ${n}`, type: 'event' });

    const five = await names(searchEntities(writer, { query: 'dravossi', limit: 5 }));
    const unasked = await searchEntities(writer, { query: 'dravossi' });
    const tooMany = await caught(searchEntities(writer, { query: 'dravossi', limit: 51 }));

    expect(five).toEqual(['Dravossi 10', 'Dravossi 11', 'Dravossi 12', 'Dravossi 13', 'Dravossi 14']);
    expect(unasked).toHaveLength(12);
    expect(tooMany).toBeInstanceOf(ValidationError);
    expect(Object.keys((tooMany as ValidationError).fieldErrors)).toEqual(['limit']);
  });
});

describe('the entity catalog behind search', () => {
  it('shows a create, an update and a merge in the very next search', async () => {
    const editor = await createStaff('editor');
    const counterAtStart = await entityCatalogCounter();
    const nothing = await searchEntities(editor, { query: 'ostravel' });

    const bank = await createEntityAs(editor, { name: 'Ostravel Bank', type: 'organization' });
    const afterCreate = await searchEntities(editor, { query: 'ostravel' });

    await updateEntity(editor, { entityId: bank.id, name: 'Banco Ostravel', type: 'organization', aliases: ['Ostravel Bank'] });
    const afterUpdate = await names(searchEntities(editor, { query: 'ostravel' }));
    const byNewName = await names(searchEntities(editor, { query: 'banco ost' }));

    const duplicate = await createEntityAs(editor, { name: 'Ostravel Banking Group', type: 'organization' });
    const beforeMerge = await names(searchEntities(editor, { query: 'ostravel' }));
    await mergeEntities(editor, { fromId: duplicate.id, intoId: bank.id });
    const afterMerge = await searchEntities(editor, { query: 'ostravel' });

    expect(nothing).toEqual([]);
    expect(afterCreate).toEqual([bank]);
    expect(afterUpdate).toEqual(['Banco Ostravel']);
    expect(byNewName).toEqual(['Banco Ostravel']);
    expect(beforeMerge).toEqual(['Ostravel Banking Group', 'Banco Ostravel']);
    expect(afterMerge).toEqual([
      { ...bank, name: 'Banco Ostravel', aliases: ['Ostravel Bank', 'Ostravel Banking Group'] },
    ]);
    expect(await entityCatalogCounter()).toBe(counterAtStart + 4);
  });
});
