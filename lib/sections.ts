import 'server-only';
import { asc } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { sections } from '@/db/schema';

export type Section = { id: number; slug: string; name: string };

export async function listSections(): Promise<Section[]> {
  return getDb()
    .select({ id: sections.id, slug: sections.slug, name: sections.name })
    .from(sections)
    .orderBy(asc(sections.position), asc(sections.name));
}
