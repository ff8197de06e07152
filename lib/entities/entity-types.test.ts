import { describe, expect, it } from 'vitest';
import { ENTITY_TYPE_LABELS, ENTITY_TYPES, isEntityType } from './entity-types';

describe('entity types', () => {
  it('labels every type for the writer, laws under topics', () => {
    expect(ENTITY_TYPES.map((type) => ENTITY_TYPE_LABELS[type])).toEqual(['Person', 'Organization', 'Place', 'Event', 'Law or topic']);
  });

  it.each([
    ['person', true],
    ['topic', true],
    ['law', false],
    ['Person', false],
    ['', false],
  ])('recognises %j as a type: %s', (value, expected) => {
    expect(isEntityType(value)).toBe(expected);
  });
});
