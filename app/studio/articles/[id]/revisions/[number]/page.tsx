import Link from 'next/link';
import { notFound } from 'next/navigation';
import { REVISION_REASONS } from '@/components/studio/revision-reason';
import { RestoreButton } from '@/components/studio/restore-button';
import { getArticleForEditor, getRevision } from '@/lib/articles/studio-queries';
import { restoreRevisionAction } from '../../../../actions/article-actions';
import { requireStudioActor } from '@/lib/auth/session';
import { renderBody } from '@/lib/content/render-body';
import { NotFoundError } from '@/lib/errors';
import { formatDateTime, joinNames } from '@/lib/format';
import { idSchema } from '@/lib/validation';

export const metadata = { title: 'Revision' };

/** One revision, read-only, rendered exactly as readers would have seen it. */
export default async function RevisionPage({ params }: { params: Promise<{ id: string; number: string }> }) {
  const { id, number } = await params;
  const actor = await requireStudioActor(`/studio/articles/${encodeURIComponent(id)}/revisions/${encodeURIComponent(number)}`);
  const articleId = idSchema.safeParse(id);
  const revisionNumber = idSchema.safeParse(number);
  if (!articleId.success || !revisionNumber.success) notFound();
  const [revision, article] = await Promise.all([
    getRevision(actor, { articleId: articleId.data, number: revisionNumber.data }),
    getArticleForEditor(actor, articleId.data),
  ]).catch((error: unknown) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  const base = `/studio/articles/${articleId.data}`;

  return (
    <div className="studio-page studio-narrow">
      <p className="breadcrumb">
        <Link href={`/studio/articles/${articleId.data}/revisions`}>← All revisions</Link>
      </p>
      <div className="revision-banner">
        <p>
          <strong>Revision {revision.number}</strong> · {REVISION_REASONS[revision.reason] ?? revision.reason} ·{' '}
          {revision.author} · <time dateTime={revision.createdAt.toISOString()}>{formatDateTime(revision.createdAt)}</time>
          {revision.wasPublished && ' · seen by readers'}
        </p>
        <p className="hint">
          Read-only. Slug: {revision.slug} · Section: {revision.section} · Bylines:{' '}
          {joinNames(revision.bylines.map((person) => person.name))}
        </p>
        <p className="revision-actions">
          {revision.number > 1 && <Link href={`${base}/compare?from=${revision.number - 1}&to=${revision.number}`}>Changes in this revision</Link>}
          <Link href={`${base}/compare?from=${revision.number}&to=current`}>Compare with the current version</Link>
        </p>
      </div>
      {article.can.edit && (
        <RestoreButton
          articleId={articleId.data}
          number={revision.number}
          expectedVersion={article.workingCopy.version}
          restore={restoreRevisionAction}
        />
      )}
      <article className="article revision-preview">
        <h1 className="article-headline">{revision.headline || 'Untitled'}</h1>
        {revision.standfirst && <p className="article-standfirst">{revision.standfirst}</p>}
        <div className="article-body">{renderBody(revision.body)}</div>
      </article>
    </div>
  );
}
