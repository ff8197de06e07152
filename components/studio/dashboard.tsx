import Link from 'next/link';
import type { Dashboard as DashboardData, WaitingArticle } from '@/lib/articles/review-queries';
import { formatCompact, joinNames } from '@/lib/format';

/** "What waits for whom": the top of the studio, before the full list. */
export function Dashboard({ data }: { data: DashboardData }) {
  const sections = [
    {
      id: 'in-review',
      title: data.isEditor ? 'Waiting for your review' : 'Submitted, waiting for an editor',
      items: data.inReview,
      empty: data.isEditor ? 'Nothing is waiting for review.' : 'Nothing of yours is waiting for an editor.',
    },
    ...(data.isEditor
      ? []
      : [{ id: 'returned', title: 'Returned to you', items: data.returned, empty: 'No article was returned to you.' }]),
    { id: 'scheduled', title: 'Scheduled', items: data.scheduled, empty: 'Nothing is scheduled.' },
  ];
  return (
    <div className="dashboard">
      {sections.map((section) => (
        <section key={section.id} className="panel dashboard-panel" aria-labelledby={`${section.id}-title`}>
          <h2 id={`${section.id}-title`} className="panel-title">
            {section.title} <span className="count">{section.items.length}</span>
          </h2>
          {section.items.length === 0 ? (
            <p className="hint">{section.empty}</p>
          ) : (
            <ul className="waiting-list">
              {section.items.map((item) => (
                <WaitingItem key={item.id} item={item} />
              ))}
            </ul>
          )}
        </section>
      ))}
    </div>
  );
}

function WaitingItem({ item }: { item: WaitingArticle }) {
  return (
    <li>
      <Link href={`/studio/articles/${item.id}`} className="table-headline">
        {item.headline || 'Untitled'}
      </Link>
      <span className="hint">
        {' '}
        · {joinNames(item.bylines.map((person) => person.name))} ·{' '}
        {item.scheduledFor ? `publishes ${formatCompact(item.scheduledFor)}` : formatCompact(item.since)}
      </span>
      {item.note && (
        <p className="waiting-note">
          <strong>{item.note.author}:</strong> {item.note.body}
        </p>
      )}
    </li>
  );
}
