/**
 * The kinds of entity a newsroom tags. 'topic' also covers laws ("Alien Enemies Act"), so a
 * writer picks from five kinds, not a taxonomy.
 */
export const ENTITY_TYPES = ['person', 'organization', 'place', 'event', 'topic'] as const;

export type EntityType = (typeof ENTITY_TYPES)[number];

export const ENTITY_TYPE_LABELS: Record<EntityType, string> = {
  person: 'Person',
  organization: 'Organization',
  place: 'Place',
  event: 'Event',
  topic: 'Law or topic',
};

export function isEntityType(value: string): value is EntityType {
  return (ENTITY_TYPES as readonly string[]).includes(value);
}
