import type { Byline } from '@/lib/articles/bylines';
import { formatDateTime, joinNames } from '@/lib/format';

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
      {bylines.length > 0 && <p className="byline-names">By {joinNames(bylines.map((person) => person.name))}</p>}
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
