'use client';

import Link from 'next/link';
import { StatusBadge } from '@/components/studio/status-badge';
import type { EditorArticleProps } from './types';

export type WorkflowStep = 'submit' | 'publish' | 'unpublish' | 'returnToDraft';

/** Status, where the article lives, and the next steps this person may take. */
export function WorkflowPanel({
  article,
  canType,
  onStep,
  onSave,
  busy,
  message,
}: {
  article: EditorArticleProps;
  canType: boolean;
  onStep: (step: WorkflowStep) => void;
  onSave: () => void;
  busy: boolean;
  message: { tone: 'success' | 'error'; text: string } | null;
}) {
  const isPublished = article.status === 'published';
  return (
    <section className="panel workflow" aria-labelledby="workflow-title">
      <h2 id="workflow-title" className="panel-title">
        Status
      </h2>
      <p className="workflow-status">
        <StatusBadge status={article.status} />
        {article.hasUnpublishedChanges && <span className="hint">Changes not yet published</span>}
      </p>
      {isPublished && (
        <p className="workflow-link">
          <Link href={`/articles/${article.publicSlug}`} target="_blank">
            View the published article
          </Link>
        </p>
      )}
      <div className="workflow-buttons">
        {article.can.edit && (
          <button type="button" className="button" onClick={onSave} disabled={busy || !canType}>
            Save revision
          </button>
        )}
        {article.can.submit && article.status === 'draft' && (
          <button type="button" className="button button-primary" onClick={() => onStep('submit')} disabled={busy}>
            Submit for review
          </button>
        )}
        {article.can.publish && (
          <button type="button" className="button button-primary" onClick={() => onStep('publish')} disabled={busy}>
            {isPublished ? 'Publish changes' : 'Publish'}
          </button>
        )}
        {article.can.review && article.status === 'in_review' && (
          <button type="button" className="button" onClick={() => onStep('returnToDraft')} disabled={busy}>
            Return to writer
          </button>
        )}
        {article.can.unpublish && isPublished && (
          <button type="button" className="button button-danger" onClick={() => onStep('unpublish')} disabled={busy}>
            Unpublish
          </button>
        )}
      </div>
      <div aria-live="polite">
        {message && <p className={`notice notice-${message.tone}`}>{message.text}</p>}
      </div>
      <p className="workflow-history">
        <Link href={`/studio/articles/${article.id}/revisions`}>
          History ({article.revisionCount} {article.revisionCount === 1 ? 'revision' : 'revisions'})
        </Link>
      </p>
    </section>
  );
}
