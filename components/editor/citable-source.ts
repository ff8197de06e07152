/** A source as the editor's citation tools show it (the API's SourceRecord). */
export type CitableSource = {
  id: number;
  url: string | null;
  title: string;
  outlet: string;
  author: string;
  publishedOn: string | null;
  accessedOn: string | null;
  notes: string;
};

/** "Outlet — Title", or the title alone. */
export function sourceLabel(source: Pick<CitableSource, 'title' | 'outlet'>): string {
  return source.outlet ? `${source.outlet} — ${source.title}` : source.title;
}

/** The host of a source's address, for telling similar titles apart. */
export function sourceHost(url: string | null): string {
  if (!url) return '';
  try {
    return new URL(url).host.replace(/^www\./, '');
  } catch {
    return '';
  }
}
