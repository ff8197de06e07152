import Link from 'next/link';
import { Pagination } from '@/components/site/pagination';
import { Dashboard } from '@/components/studio/dashboard';
import { StatusBadge } from '@/components/studio/status-badge';
import { loadDashboard } from '@/lib/articles/review-queries';
import { listStudioArticles, studioListQuerySchema, type StudioListQuery } from '@/lib/articles/studio-queries';
import { STATUS_LABELS } from '@/lib/articles/status-transitions';
import { requireStudioActor } from '@/lib/auth/session';
import { formatCompact, joinNames } from '@/lib/format';
import { pageParam, withQuery } from '@/lib/http/with-query';

export const metadata = { title: 'Articles' };

const STATUS_FILTERS = ['draft', 'in_review', 'scheduled', 'published', 'unpublished'] as const;

export default async function StudioArticlesPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[]>>;
}) {
  const actor = await requireStudioActor('/studio');
  const query = studioListQuerySchema.parse(await searchParams);
  const [{ rows, total, pageSize }, dashboard] = await Promise.all([listStudioArticles(actor, query), loadDashboard(actor)]);
  const href = (change: Partial<StudioListQuery>) => listHref({ ...query, page: 1, ...change });

  return (
    <div className="studio-page">
      <div className="page-heading">
        <h1>Articles</h1>
        <Link href="/studio/articles/new" className="button button-primary">
          New article
        </Link>
      </div>

      {query.page === 1 && <Dashboard data={dashboard} />}

      <h2 className="list-heading">All articles you can see</h2>
      <nav aria-label="Filter articles" className="filters">
        <ul className="tabs">
          <li>
            <Link href={href({ scope: 'all' })} aria-current={query.scope === 'all' ? 'page' : undefined}>
              All articles
            </Link>
          </li>
          <li>
            <Link href={href({ scope: 'mine' })} aria-current={query.scope === 'mine' ? 'page' : undefined}>
              Mine
            </Link>
          </li>
        </ul>
        <ul className="chips">
          <li>
            <Link href={href({ status: undefined })} aria-current={query.status === undefined ? 'true' : undefined}>
              Any status
            </Link>
          </li>
          {STATUS_FILTERS.map((status) => (
            <li key={status}>
              <Link href={href({ status })} aria-current={query.status === status ? 'true' : undefined}>
                {STATUS_LABELS[status]}
              </Link>
            </li>
          ))}
        </ul>
      </nav>

      {rows.length === 0 ? (
        <p className="empty-panel">No articles here yet.</p>
      ) : (
        <table className="article-table">
          <caption className="visually-hidden">Articles, most recently edited first</caption>
          <thead>
            <tr>
              <th scope="col">Headline</th>
              <th scope="col">Status</th>
              <th scope="col">Section</th>
              <th scope="col">Bylines</th>
              <th scope="col">Last edit</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id}>
                <td>
                  <Link href={`/studio/articles/${row.id}`} className="table-headline">
                    {row.headline || 'Untitled'}
                  </Link>
                  {row.hasUnpublishedChanges && <span className="hint"> · unpublished changes</span>}
                </td>
                <td>
                  <StatusBadge status={row.status} />
                </td>
                <td>{row.section}</td>
                <td>{joinNames(row.bylines.map((person) => person.name))}</td>
                <td>
                  <time dateTime={row.updatedAt.toISOString()}>{formatCompact(row.updatedAt)}</time>
                  <span className="hint"> by {row.updatedBy}</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pagination page={query.page} pageSize={pageSize} total={total} href={(page) => listHref({ ...query, page })} label="Article pages" />
    </div>
  );
}

function listHref({ scope, status, page }: StudioListQuery): string {
  return withQuery('/studio', { scope: scope === 'all' ? undefined : scope, status, page: pageParam(page) });
}
