import Link from 'next/link';
import { notFound } from 'next/navigation';
import { REVISION_REASONS } from '@/components/studio/revision-reason';
import { historyQuerySchema, listHistory } from '@/lib/articles/history-queries';
import { requireStudioActor } from '@/lib/auth/session';
import { NotFoundError } from '@/lib/errors';
import { formatCompact, formatDateTime } from '@/lib/format';
import { groupIntoSessions } from '@/lib/revisions/history-groups';
import { idSchema } from '@/lib/validation';

export const metadata = { title: 'History' };

/**
 * An article's history, newest first, grouped into editing sessions by author. Autosave
 * checkpoints are folded away unless asked for; older pages follow by revision number.
 */
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
  const query = historyQuerySchema.parse(await searchParams);
  const showAutosaves = query.autosaves === 'shown';
  const history = await listHistory(actor, { articleId: articleId.data, before: query.before, showAutosaves }).catch(
    (error: unknown) => {
      if (error instanceof NotFoundError) notFound();
      throw error;
    },
  );
  const base = `/studio/articles/${articleId.data}`;
  const sessions = groupIntoSessions(history.entries);
  const link = (change: { before?: number; autosaves?: boolean }) => {
    const params = new URLSearchParams();
    if (change.before) params.set('before', String(change.before));
    if (change.autosaves ?? showAutosaves) params.set('autosaves', 'shown');
    const search = params.toString();
    return `${base}/revisions${search ? `?${search}` : ''}`;
  };

  return (
    <div className="studio-page studio-narrow">
      <p className="breadcrumb">
        <Link href={base}>← Back to the editor</Link>
      </p>
      <div className="page-heading">
        <h1>History: {history.headline || 'Untitled'}</h1>
      </div>
      <div className="history-tools">
        <p className="hint">
          {history.total} {history.total === 1 ? 'revision' : 'revisions'} in all.{' '}
          <Link href={`${base}/attribution`}>Who wrote what</Link>
        </p>
        <Link href={link({ autosaves: !showAutosaves })} className="button button-small">
          {showAutosaves ? 'Fold autosaves' : 'Show autosaves'}
        </Link>
      </div>
      {history.foldedNewer > 0 && (
        <p className="folded folded-newer">
          {history.foldedNewer} newer autosave {history.foldedNewer === 1 ? 'checkpoint' : 'checkpoints'} folded:{' '}
          <Link href={link({ autosaves: true })}>show them</Link>
        </p>
      )}
      {sessions.length === 0 ? (
        <p className="empty-panel">
          {history.total === 0 ? 'No revisions yet. One is kept on every save, submission and publication.' : 'Only autosave checkpoints so far.'}
        </p>
      ) : (
        sessions.map((session) => (
          <section key={`${session.author}-${session.endedAt.toISOString()}`} className="history-session">
            <h2 className="history-session-title">
              {session.author}{' '}
              <span className="hint">
                {formatCompact(session.startedAt)}
                {session.startedAt.getTime() !== session.endedAt.getTime() && <> – {formatCompact(session.endedAt)}</>}
              </span>
            </h2>
            <ol className="revision-list">
              {session.entries.map((entry) => (
                <li key={entry.number} className="revision-item">
                  <Link href={`${base}/revisions/${entry.number}`} className="revision-link">
                    Revision {entry.number}
                  </Link>
                  <span className="revision-reason">{REVISION_REASONS[entry.reason] ?? entry.reason}</span>
                  {entry.wasPublished && <span className="status-badge status-published">Seen by readers</span>}
                  <span className="revision-meta">
                    <time dateTime={entry.createdAt.toISOString()}>{formatDateTime(entry.createdAt)}</time>
                  </span>
                  {entry.note && <span className="revision-note">{entry.note}</span>}
                  <span className="revision-actions">
                    {entry.number > 1 && (
                      <Link href={`${base}/compare?from=${entry.number - 1}&to=${entry.number}`}>Changes</Link>
                    )}
                    <Link href={`${base}/compare?from=${entry.number}&to=current`}>Compare with now</Link>
                  </span>
                  {entry.foldedBefore > 0 && (
                    <span className="folded">
                      {entry.foldedBefore} autosave {entry.foldedBefore === 1 ? 'checkpoint' : 'checkpoints'} folded
                    </span>
                  )}
                </li>
              ))}
            </ol>
          </section>
        ))
      )}
      {history.olderThan && (
        <nav className="pagination" aria-label="History pages">
          <span />
          <Link href={link({ before: history.olderThan })} rel="next">
            Older revisions →
          </Link>
        </nav>
      )}
    </div>
  );
}
