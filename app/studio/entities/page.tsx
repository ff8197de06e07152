import Link from 'next/link';
import { Pagination } from '@/components/site/pagination';
import { EntityForm } from '@/components/studio/entity-forms';
import { requireStudioActor } from '@/lib/auth/session';
import { entityListQuerySchema, listEntities } from '@/lib/entities/entity-service';
import { ENTITY_TYPE_LABELS, ENTITY_TYPES } from '@/lib/entities/entity-types';
import { pageParam, withQuery } from '@/lib/http/with-query';
import { can } from '@/lib/permissions';
import { createEntityAction } from '../actions/entity-actions';

export const metadata = { title: 'Entities' };

/** The entity manager: search, filter by type, add; editors edit and merge on each entity's page. */
export default async function EntitiesStudioPage({ searchParams }: { searchParams: Promise<Record<string, string | string[]>> }) {
  const actor = await requireStudioActor('/studio/entities');
  const query = entityListQuerySchema.parse(await searchParams);
  const { rows, total, pageSize } = await listEntities(actor, query);
  const href = (page: number) => withQuery('/studio/entities', { q: query.q, type: query.type, page: pageParam(page) });

  return (
    <div className="studio-page">
      <div className="page-heading">
        <h1>Entities</h1>
      </div>
      <form className="filters entity-filters" role="search" action="/studio/entities">
        <div className="field">
          <label htmlFor="entity-q">Search names and aliases</label>
          <input id="entity-q" name="q" defaultValue={query.q} />
        </div>
        <div className="field">
          <label htmlFor="entity-type-filter">Type</label>
          <select id="entity-type-filter" name="type" defaultValue={query.type ?? ''}>
            <option value="">Any type</option>
            {ENTITY_TYPES.map((type) => (
              <option key={type} value={type}>
                {ENTITY_TYPE_LABELS[type]}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button">
          Search
        </button>
      </form>

      {rows.length === 0 ? (
        <p className="empty-panel">No entity matches.</p>
      ) : (
        <table className="article-table">
          <caption className="visually-hidden">Entities</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Type</th>
              <th scope="col">Aliases</th>
              <th scope="col">Published stories</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((entity) => (
              <tr key={entity.id}>
                <td>
                  <Link href={`/studio/entities/${entity.id}`} className="table-headline">
                    {entity.name}
                  </Link>
                </td>
                <td>{ENTITY_TYPE_LABELS[entity.type]}</td>
                <td className="hint">{entity.aliases.join(', ')}</td>
                <td>{entity.articleCount}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pagination page={query.page} pageSize={pageSize} total={total} href={href} label="Entity pages" />

      <h2 className="list-heading">Add an entity</h2>
      {can(actor, 'entity.create') && <EntityForm action={createEntityAction} submitLabel="Add entity" />}
    </div>
  );
}
