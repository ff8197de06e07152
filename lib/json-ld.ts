/**
 * Structured data for search engines, as a <script type="application/ld+json"> body.
 * Pure. `<` is escaped so no string in the data can close the script element.
 */
export function jsonLdScript(data: unknown): string {
  return JSON.stringify(data).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

const SCHEMA_TYPES = {
  person: 'Person',
  organization: 'Organization',
  place: 'Place',
  event: 'Event',
  topic: 'Thing',
} as const;

export function entityJsonLd(
  entity: { name: string; type: keyof typeof SCHEMA_TYPES; slug: string; description?: string; aliases?: string[]; wikidataId: string | null },
  siteUrl: string,
) {
  return {
    '@type': SCHEMA_TYPES[entity.type],
    name: entity.name,
    url: `${siteUrl}/entities/${entity.slug}`,
    ...(entity.description ? { description: entity.description } : {}),
    ...(entity.aliases?.length ? { alternateName: entity.aliases } : {}),
    ...(entity.wikidataId ? { sameAs: `https://www.wikidata.org/wiki/${entity.wikidataId}` } : {}),
  };
}
