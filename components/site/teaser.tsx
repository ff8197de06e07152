import Link from 'next/link';
import type { ArticleTeaser } from '@/lib/articles/public-articles';
import { formatDate, joinNames } from '@/lib/format';

export function Teaser({ teaser, isLead = false, showSection = true }: { teaser: ArticleTeaser; isLead?: boolean; showSection?: boolean }) {
  const HeadingTag = isLead ? 'h2' : 'h3';
  return (
    <article className={isLead ? 'teaser teaser-lead' : 'teaser'}>
      {showSection && (
        <p className="kicker">
          <Link href={`/sections/${teaser.section.slug}`}>{teaser.section.name}</Link>
        </p>
      )}
      <HeadingTag className="teaser-headline">
        <Link href={`/articles/${teaser.slug}`}>{teaser.headline}</Link>
      </HeadingTag>
      {teaser.standfirst && <p className="teaser-standfirst">{teaser.standfirst}</p>}
      <p className="teaser-meta">
        {teaser.bylines.length > 0 && <span>{joinNames(teaser.bylines.map((person) => person.name))}</span>}
        <time dateTime={teaser.publishedAt.toISOString()}>{formatDate(teaser.publishedAt)}</time>
      </p>
    </article>
  );
}
