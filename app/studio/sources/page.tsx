import Link from 'next/link';
import { Pagination } from '@/components/site/pagination';
import { formatSourceDate } from '@/components/site/sources-list';
import { SourceForm } from '@/components/studio/source-forms';
import { requireStudioActor } from '@/lib/auth/session';
import { pageParam, withQuery } from '@/lib/http/with-query';
import { can } from '@/lib/permissions';
import { listSources, sourceListQuerySchema } from '@/lib/sources/source-service';
import { sourceDomain } from '@/lib/sources/source-url';
import { createSourceAction } from '../actions/source-actions';

export const metadata = { title: 'Sources' };

/** The source library: search, browse, add; editors edit on each source's page. */
export default async function SourcesStudioPage({ searchParams }: { searchParams: Promise<Record<string, string | string[]>> }) {
  const actor = await requireStudioActor('/studio/sources');
  const query = sourceListQuerySchema.parse(await searchParams);
  const { rows, total, pageSize } = await listSources(actor, query);
  const href = (page: number) => withQuery('/studio/sources', { q: query.q, page: pageParam(page) });

  return (
    <div className="studio-page">
      <div className="page-heading">
        <h1>Sources</h1>
      </div>
      <form className="filters source-filters" role="search" action="/studio/sources">
        <div className="field">
          <label htmlFor="source-q">Search sources</label>
          <input id="source-q" name="q" type="search" defaultValue={query.q} aria-describedby="source-q-hint" />
          <p id="source-q-hint" className="field-hint">
            By title, outlet or address.
          </p>
        </div>
        <button type="submit" className="button">
          Search
        </button>
      </form>

      {rows.length === 0 ? (
        <p className="empty-panel">{query.q ? 'No source matches.' : 'The library is empty: add the first source below.'}</p>
      ) : (
        <table className="article-table source-table">
          <caption className="visually-hidden">Sources, by title</caption>
          <thead>
            <tr>
              <th scope="col">Title</th>
              <th scope="col">Outlet</th>
              <th scope="col">Author</th>
              <th scope="col">Published</th>
              <th scope="col">Site</th>
              <th scope="col">Cited by</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((source) => (
              <tr key={source.id}>
                <td>
                  <Link href={`/studio/sources/${source.id}`} className="table-headline">
                    {source.title}
                  </Link>
                </td>
                <td>{source.outlet}</td>
                <td className="hint">{source.author}</td>
                <td>{source.publishedOn && <time dateTime={source.publishedOn}>{formatSourceDate(source.publishedOn)}</time>}</td>
                <td className="hint">{source.url && sourceDomain(source.url)}</td>
                <td>
                  Cited by {source.citedBy} published {source.citedBy === 1 ? 'article' : 'articles'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pagination page={query.page} pageSize={pageSize} total={total} href={href} label="Source pages" />

      {can(actor, 'source.create') && (
        <section aria-labelledby="add-source-heading" className="new-source">
          <h2 id="add-source-heading" className="list-heading">
            New source
          </h2>
          <SourceForm action={createSourceAction} submitLabel="Add source" />
        </section>
      )}
    </div>
  );
}
