import Link from 'next/link';
import { notFound, redirect } from 'next/navigation';
import { EntityForm, MergeForm } from '@/components/studio/entity-forms';
import { requireStudioActor } from '@/lib/auth/session';
import { getEntity } from '@/lib/entities/entity-service';
import { ENTITY_TYPE_LABELS } from '@/lib/entities/entity-types';
import { NotFoundError } from '@/lib/errors';
import { can } from '@/lib/permissions';
import { idSchema } from '@/lib/validation';
import { mergeEntityAction, updateEntityAction } from '../../actions/entity-actions';

export const metadata = { title: 'Entity' };

export default async function EntityStudioPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[]>>;
}) {
  const { id } = await params;
  const actor = await requireStudioActor(`/studio/entities/${encodeURIComponent(id)}`);
  const entityId = idSchema.safeParse(id);
  if (!entityId.success) notFound();
  const entity = await getEntity(actor, entityId.data).catch((error: unknown) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  if (entity.mergedIntoId) redirect(`/studio/entities/${entity.mergedIntoId}`);
  const notice = await searchParams;
  const mayManage = can(actor, 'entity.manage');

  return (
    <div className="studio-page studio-narrow">
      <p className="breadcrumb">
        <Link href="/studio/entities">← All entities</Link>
      </p>
      <div className="page-heading">
        <h1>{entity.name}</h1>
        <Link href={`/entities/${entity.slug}`} target="_blank">
          View the public page
        </Link>
      </div>
      <p className="lede">
        {ENTITY_TYPE_LABELS[entity.type]} · mentioned in {entity.articleCount} published {entity.articleCount === 1 ? 'story' : 'stories'}
      </p>
      {notice.merged && <p className="notice notice-success">Merged. The other entity’s page now redirects here.</p>}
      {notice.created && <p className="notice notice-success">Entity added.</p>}
      {mayManage ? (
        <>
          <EntityForm action={updateEntityAction} entity={entity} submitLabel="Save changes" />
          <MergeForm action={mergeEntityAction} entity={entity} />
        </>
      ) : (
        <p className="notice notice-info">Editors edit and merge entities; you can tag articles with it.</p>
      )}
    </div>
  );
}
