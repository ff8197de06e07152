import Link from 'next/link';
import type { CitationNumbering } from '@/lib/citations/numbering';
import type { SourceRecord } from '@/lib/sources/source-service';

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/**
 * The "Sources" list at the end of an article: one entry per source, numbered as its
 * markers are, with outlet, title, date and link, and a way back to each place it is cited.
 */
export function SourcesList({ numbering, sources }: { numbering: CitationNumbering; sources: ReadonlyMap<number, SourceRecord> }) {
  if (numbering.sources.length === 0) return null;
  return (
    <section className="sources" aria-labelledby="sources-title">
      <h2 id="sources-title" className="rule-heading">
        Sources
      </h2>
      <ol className="sources-list">
        {numbering.sources.map((cited) => {
          const source = sources.get(cited.sourceId);
          return (
            <li key={cited.id} id={cited.id} className="source-entry" tabIndex={-1}>
              <span className="source-number" aria-hidden="true">
                {cited.number}.
              </span>{' '}
              {source ? <SourceCitation source={source} /> : <span>Source unavailable.</span>}{' '}
              <span className="source-backlinks">
                {cited.markers.map((marker, index) => (
                  <a key={marker.id} href={`#${marker.id}`} aria-label={`Back to where source ${cited.number} is cited${cited.markers.length > 1 ? `, place ${index + 1}` : ''}`}>
                    ↩{cited.markers.length > 1 ? <sup>{LETTERS[index] ?? index + 1}</sup> : null}
                  </a>
                ))}
              </span>
              {cited.markers.some((marker) => marker.quote || marker.locator) && (
                <ul className="source-details">
                  {cited.markers
                    .filter((marker) => marker.quote || marker.locator)
                    .map((marker) => (
                      <li key={marker.id}>
                        {marker.quote && <q>{marker.quote}</q>} {marker.locator && <span>({marker.locator})</span>}
                      </li>
                    ))}
                </ul>
              )}
            </li>
          );
        })}
      </ol>
    </section>
  );
}

/** Outlet. “Title”. Author. Date. Link — as much as the source record has. */
export function SourceCitation({ source }: { source: SourceRecord }) {
  return (
    <span className="source-citation">
      {source.outlet && <span className="source-outlet">{source.outlet}. </span>}
      <Link href={`/sources/${source.id}`} className="source-title">
        “{source.title}”
      </Link>
      {source.author && source.author !== source.outlet && <span>. {source.author}</span>}
      {source.publishedOn && (
        <span>
          . <time dateTime={source.publishedOn}>{formatSourceDate(source.publishedOn)}</time>
        </span>
      )}
      .
      {source.url && (
        <>
          {' '}
          <a href={source.url} rel="external nofollow noopener" className="source-link">
            Read the original<span className="visually-hidden">: {source.title}</span>
          </a>
        </>
      )}
    </span>
  );
}

const dateFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

export function formatSourceDate(isoDate: string): string {
  return dateFormat.format(new Date(`${isoDate}T00:00:00Z`));
}
