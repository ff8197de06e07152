import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound, permanentRedirect } from 'next/navigation';
import { connection } from 'next/server';
import { cache } from 'react';
import { NOTICE_LABELS } from '@/lib/articles/article-input';
import { findChangeLog } from '@/lib/articles/change-log';
import { SLUG_MAX_LENGTH, SLUG_PATTERN } from '@/lib/articles/slug';
import { getConfig } from '@/lib/config';
import { formatDateTime } from '@/lib/format';
import type { WordChange } from '@/lib/revisions/word-diff';

type Props = { params: Promise<{ slug: string }> };

const lookUp = cache(async (slug: string) => {
  await connection();
  if (slug.length > SLUG_MAX_LENGTH || !SLUG_PATTERN.test(slug)) return null;
  return findChangeLog(slug);
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const found = await lookUp((await params).slug);
  if (found?.kind !== 'log') return { title: 'Page not found' };
  return {
    title: `Changes: ${found.log.headline}`,
    description: 'Every version of this story readers have seen, and what changed between them.',
    alternates: { canonical: `${getConfig().siteUrl}/articles/${found.log.slug}/changes` },
  };
}

/** Every published version of a story, newest first, with its notice and what changed. */
export default async function ChangeLogPage({ params }: Props) {
  const found = await lookUp((await params).slug);
  if (!found) notFound();
  if (found.kind === 'moved') permanentRedirect(`/articles/${found.slug}/changes`);
  const { log } = found;

  return (
    <article className="change-log">
      <header className="page-header">
        <p className="kicker">Change log</p>
        <h1 className="page-title">{log.headline}</h1>
        <p className="page-lede">
          Every version readers have seen, newest first. <Link href={`/articles/${log.slug}`}>Read the current story</Link>.
        </p>
      </header>
      <ol className="versions">
        {log.entries.map((entry) => (
          <li key={entry.publishedAt.toISOString()} className="version">
            <h2 className="version-title">
              <time dateTime={entry.publishedAt.toISOString()}>{formatDateTime(entry.publishedAt)}</time>
              {entry.isFirst ? ' · first published' : ''}
            </h2>
            {entry.notice && (
              <p className={`notice-item notice-${entry.notice.kind}`}>
                <strong>{NOTICE_LABELS[entry.notice.kind]}:</strong> {entry.notice.body}
              </p>
            )}
            {!entry.isFirst && entry.changes.length === 0 && <p className="version-none">No change to the text.</p>}
            {entry.changes.length > 0 && (
              <ul className="version-changes">
                {entry.changes.map((change, index) => (
                  <li key={index}>
                    <span className="version-where">
                      {change.part === 'paragraph'
                        ? `Paragraph ${change.paragraph} ${change.change === 'changed' ? 'changed' : change.change}`
                        : change.part === 'headline'
                          ? 'Headline'
                          : 'Standfirst'}
                    </span>
                    <Words words={change.words} />
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ol>
    </article>
  );
}

function Words({ words }: { words: WordChange[] }) {
  return (
    <p className="version-text">
      {words.map((word, index) =>
        word.kind === 'insert' ? (
          <ins key={index}>{word.text}</ins>
        ) : word.kind === 'delete' ? (
          <del key={index}>{word.text}</del>
        ) : (
          <span key={index}>{word.text}</span>
        ),
      )}
    </p>
  );
}
