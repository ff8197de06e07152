import Link from 'next/link';
import { Fragment } from 'react';
import type { Byline } from '@/lib/articles/bylines';
import { formatDateTime } from '@/lib/format';

/** "By Ana Ruiz · 14 April 2025, 18:30 UTC · Updated …" under a headline. */
export function BylineLine({
  bylines,
  publishedAt,
  updatedAt,
}: {
  bylines: Byline[];
  publishedAt: Date;
  updatedAt?: Date | null;
}) {
  return (
    <div className="byline-line">
      {bylines.length > 0 && (
        <p className="byline-names">
          By{' '}
          {bylines.map((person, index) => (
            <Fragment key={person.id}>
              {index > 0 && (index === bylines.length - 1 ? ' and ' : ', ')}
              <Link href={`/authors/${person.slug}`} rel="author">
                {person.name}
              </Link>
            </Fragment>
          ))}
        </p>
      )}
      <p className="byline-times">
        <span>
          Published <time dateTime={publishedAt.toISOString()}>{formatDateTime(publishedAt)}</time>
        </span>
        {updatedAt && (
          <span>
            Updated <time dateTime={updatedAt.toISOString()}>{formatDateTime(updatedAt)}</time>
          </span>
        )}
      </p>
    </div>
  );
}
