import Link from 'next/link';
import { notFound } from 'next/navigation';
import { attributeWorkingCopy } from '@/lib/articles/comparison';
import { requireStudioActor } from '@/lib/auth/session';
import { NotFoundError } from '@/lib/errors';
import { formatCompact } from '@/lib/format';
import { blockText } from '@/lib/revisions/block-diff';
import { idSchema } from '@/lib/validation';

export const metadata = { title: 'Who wrote what' };

/** Each paragraph of the article as it stands, with who last changed it and when. */
export default async function AttributionPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireStudioActor(`/studio/articles/${encodeURIComponent(id)}/attribution`);
  const articleId = idSchema.safeParse(id);
  if (!articleId.success) notFound();
  const { headline, body, blocks } = await attributeWorkingCopy(actor, articleId.data).catch((error: unknown) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  const base = `/studio/articles/${articleId.data}`;

  return (
    <div className="studio-page studio-narrow">
      <p className="breadcrumb">
        <Link href={base}>← Back to the editor</Link> · <Link href={`${base}/revisions`}>History</Link>
      </p>
      <div className="page-heading">
        <h1>Who wrote what: {headline || 'Untitled'}</h1>
      </div>
      <ol className="attribution-list">
        {body.content.map((block, index) => {
          const credit = blocks[index];
          return (
            <li key={index} className="attribution-item">
              <div className="attribution-credit">
                {credit && (
                  <>
                    <strong>{credit.author}</strong>
                    <span className="hint">
                      {formatCompact(new Date(credit.createdAt))}
                      {' · '}
                      {credit.revisionNumber === 0 ? (
                        'not yet in a revision'
                      ) : (
                        <Link href={`${base}/revisions/${credit.revisionNumber}`}>
                          {credit.isOlder && credit.revisionNumber > 1 ? `revision ${credit.revisionNumber} or earlier` : `revision ${credit.revisionNumber}`}
                        </Link>
                      )}
                    </span>
                  </>
                )}
              </div>
              <p className={`attribution-text attribution-${block.type}`}>{blockText(block) || '(empty)'}</p>
            </li>
          );
        })}
      </ol>
    </div>
  );
}
