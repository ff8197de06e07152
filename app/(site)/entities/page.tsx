import type { Metadata } from 'next';
import Link from 'next/link';
import { connection } from 'next/server';
import { listEntityIndex } from '@/lib/entities/entity-pages';
import { ENTITY_TYPE_LABELS, ENTITY_TYPES } from '@/lib/entities/entity-types';
import { getConfig } from '@/lib/config';

export function generateMetadata(): Metadata {
  return {
    title: 'People, places and organizations',
    description: 'Everyone and everything our reporting follows, with the stories that mention them.',
    alternates: { canonical: `${getConfig().siteUrl}/entities` },
  };
}

const PLURALS = { person: 'People', organization: 'Organizations', place: 'Places', event: 'Events', topic: 'Laws and topics' } as const;

/** The dossiers readers can follow, by type. */
export default async function EntitiesPage() {
  await connection();
  const entries = await listEntityIndex();
  return (
    <div className="entity-index">
      <header className="page-header">
        <p className="kicker">Dossiers</p>
        <h1 className="page-title">People, places and organizations</h1>
        <p className="page-lede">Everyone and everything our reporting follows. Each page gathers the stories that mention them.</p>
      </header>
      {entries.length === 0 && <p className="empty-state">No dossiers yet: they appear as tagged stories are published.</p>}
      {ENTITY_TYPES.map((type) => {
        const ofType = entries.filter((entry) => entry.type === type);
        if (ofType.length === 0) return null;
        return (
          <section key={type} aria-labelledby={`type-${type}`} className="entity-group">
            <h2 id={`type-${type}`} className="rule-heading">
              {PLURALS[type]}
            </h2>
            <ul className="entity-grid">
              {ofType.map((entry) => (
                <li key={entry.slug}>
                  <Link href={`/entities/${entry.slug}`}>{entry.name}</Link>{' '}
                  <span className="entity-count">
                    {entry.articles} {entry.articles === 1 ? 'story' : 'stories'}
                  </span>
                </li>
              ))}
            </ul>
          </section>
        );
      })}
      <p className="visually-hidden">{Object.values(ENTITY_TYPE_LABELS).join(', ')}</p>
    </div>
  );
}
