import type { SourceRecord } from '@/lib/sources/source-record';

/** A source as the editor's citation tools show it (the API answers with SourceRecords). */
export type CitableSource = SourceRecord;

/** "Outlet — Title", or the title alone. */
export function sourceLabel(source: Pick<CitableSource, 'title' | 'outlet'>): string {
  return source.outlet ? `${source.outlet} — ${source.title}` : source.title;
}
