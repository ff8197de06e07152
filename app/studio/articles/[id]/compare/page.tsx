import Link from 'next/link';
import { notFound } from 'next/navigation';
import { DiffView } from '@/components/revisions/diff-view';
import { comparisonQuerySchema, compareVersions } from '@/lib/articles/comparison';
import { requireStudioActor } from '@/lib/auth/session';
import { NotFoundError } from '@/lib/errors';
import { hasChanges } from '@/lib/revisions/block-diff';
import { idSchema } from '@/lib/validation';

export const metadata = { title: 'Compare' };

/** Two versions side by side or inline: /studio/articles/:id/compare?from=3&to=7 (or to=current). */
export default async function ComparePage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[]>>;
}) {
  const { id } = await params;
  const actor = await requireStudioActor(`/studio/articles/${encodeURIComponent(id)}/revisions`);
  const articleId = idSchema.safeParse(id);
  const query = comparisonQuerySchema.safeParse(await searchParams);
  if (!articleId.success || !query.success) notFound();
  const comparison = await compareVersions(actor, { articleId: articleId.data, ...query.data }).catch((error: unknown) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  const isSame = comparison.metadata.length === 0 && !hasChanges(comparison.blocks) && comparison.tagNotes.length === 0;

  return (
    <div className="studio-page">
      <p className="breadcrumb">
        <Link href={`/studio/articles/${articleId.data}/revisions`}>← History</Link>
      </p>
      <div className="page-heading">
        <h1>
          {comparison.from} → {comparison.to}
        </h1>
      </div>
      <p className="lede">{comparison.headline}</p>
      {comparison.tagNotes.length > 0 && (
        <section className="panel" aria-labelledby="tag-notes-title">
          <h2 id="tag-notes-title" className="panel-title">
            Tags and citations
          </h2>
          <ul className="tag-notes">
            {comparison.tagNotes.map((note) => (
              <li key={note}>{note}</li>
            ))}
          </ul>
        </section>
      )}
      {isSame ? (
        <p className="empty-panel">These two versions are the same.</p>
      ) : (
        <DiffView metadata={comparison.metadata} blocks={comparison.blocks} beforeLabel={comparison.from} afterLabel={comparison.to} />
      )}
    </div>
  );
}
