import Link from 'next/link';
import { notFound } from 'next/navigation';
import { z } from 'zod';
import { Pagination } from '@/components/site/pagination';
import { REVISION_REASONS } from '@/components/studio/revision-reason';
import { listRevisions } from '@/lib/articles/studio-queries';
import { requireStudioActor } from '@/lib/auth/session';
import { NotFoundError } from '@/lib/errors';
import { formatDateTime } from '@/lib/format';
import { idSchema } from '@/lib/validation';

export const metadata = { title: 'History' };

const searchSchema = z.object({ page: z.coerce.number().int().min(1).max(100_000).catch(1) });

export default async function RevisionsPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[]>>;
}) {
  const { id } = await params;
  const actor = await requireStudioActor(`/studio/articles/${encodeURIComponent(id)}/revisions`);
  const articleId = idSchema.safeParse(id);
  if (!articleId.success) notFound();
  const { page } = searchSchema.parse(await searchParams);
  const history = await listRevisions(actor, { articleId: articleId.data, page }).catch((error: unknown) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });

  return (
    <div className="studio-page studio-narrow">
      <p className="breadcrumb">
        <Link href={`/studio/articles/${articleId.data}`}>← Back to the editor</Link>
      </p>
      <div className="page-heading">
        <h1>History: {history.headline || 'Untitled'}</h1>
      </div>
      {history.revisions.length === 0 ? (
        <p className="empty-panel">No revisions yet. One is kept on every save, submission and publication.</p>
      ) : (
        <ol className="revision-list" reversed start={history.total - (page - 1) * history.pageSize}>
          {history.revisions.map((revision) => (
            <li key={revision.number} className="revision-item">
              <Link href={`/studio/articles/${articleId.data}/revisions/${revision.number}`} className="revision-link">
                Revision {revision.number}
              </Link>
              <span className="revision-reason">{REVISION_REASONS[revision.reason] ?? revision.reason}</span>
              {revision.wasPublished && <span className="status-badge status-published">Seen by readers</span>}
              <span className="revision-meta">
                {revision.author} · <time dateTime={revision.createdAt.toISOString()}>{formatDateTime(revision.createdAt)}</time>
              </span>
              {revision.note && <span className="revision-note">{revision.note}</span>}
            </li>
          ))}
        </ol>
      )}
      <Pagination
        page={page}
        pageSize={history.pageSize}
        total={history.total}
        href={(n) => `/studio/articles/${articleId.data}/revisions${n > 1 ? `?page=${n}` : ''}`}
        label="History pages"
      />
    </div>
  );
}
