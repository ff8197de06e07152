import Link from 'next/link';
import { notFound } from 'next/navigation';
import type { ReactNode } from 'react';
import { formatSourceDate } from '@/components/site/sources-list';
import { SourceForm } from '@/components/studio/source-forms';
import { StatusBadge } from '@/components/studio/status-badge';
import { requireStudioActor } from '@/lib/auth/session';
import { NotFoundError } from '@/lib/errors';
import { can } from '@/lib/permissions';
import { getSource, type SourceRecord } from '@/lib/sources/source-service';
import { idSchema } from '@/lib/validation';
import { updateSourceAction } from '../../actions/source-actions';

export const metadata = { title: 'Source' };

/** One source: editors edit it, writers read it; both see which articles cite it. */
export default async function SourceStudioPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[]>>;
}) {
  const { id } = await params;
  const actor = await requireStudioActor(`/studio/sources/${encodeURIComponent(id)}`);
  const sourceId = idSchema.safeParse(id);
  if (!sourceId.success) notFound();
  const { source, citing } = await getSource(actor, sourceId.data).catch((error: unknown) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  const notice = await searchParams;

  return (
    <div className="studio-page studio-narrow">
      <p className="breadcrumb">
        <Link href="/studio/sources">← All sources</Link>
      </p>
      <div className="page-heading">
        <h1>{source.title}</h1>
        <Link href={`/sources/${source.id}`} target="_blank">
          View the public page
        </Link>
      </div>
      {notice.created && <p className="notice notice-success">Source added.</p>}
      {can(actor, 'source.manage') ? (
        <SourceForm action={updateSourceAction} source={source} submitLabel="Save changes" />
      ) : (
        <>
          <SourceFacts source={source} />
          <p className="notice notice-info">Editors edit sources; you can cite it in your articles.</p>
        </>
      )}

      <section className="panel" aria-labelledby="citing-title">
        <h2 id="citing-title" className="panel-title">
          Cited in {citing.length} {citing.length === 1 ? 'article' : 'articles'}
        </h2>
        {citing.length === 0 ? (
          <p className="hint">No article you can see cites this source yet.</p>
        ) : (
          <ul className="waiting-list citing-articles">
            {citing.map((article) => (
              <li key={article.id}>
                <Link href={`/studio/articles/${article.id}`} className="table-headline">
                  {article.headline || 'Untitled'}
                </Link>
                <StatusBadge status={article.status} />
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

/** The source as a writer sees it: every field, read-only. */
function SourceFacts({ source }: { source: SourceRecord }) {
  const date = (value: string | null) => (value ? <time dateTime={value}>{formatSourceDate(value)}</time> : '—');
  const facts: Array<[string, ReactNode]> = [
    [
      'Address',
      source.url ? (
        <a href={source.url} rel="external nofollow noopener">
          {source.url}
        </a>
      ) : (
        'None (not online)'
      ),
    ],
    ['Outlet', source.outlet || '—'],
    ['Author', source.author || '—'],
    ['Published', date(source.publishedOn)],
    ['Accessed', date(source.accessedOn)],
    ['Notes', source.notes || '—'],
  ];
  return (
    <dl className="panel source-facts">
      {facts.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
