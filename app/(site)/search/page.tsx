import type { Metadata } from 'next';
import Link from 'next/link';
import { connection } from 'next/server';
import { Fragment } from 'react';
import { formatDate } from '@/lib/format';
import { searchPublished, type SearchOutcome, type SearchResult } from '@/lib/search/search-published';
import { normalizeSearchQuery, QUERY_MAX_LENGTH, searchHref } from '@/lib/search/search-query';
import './search.css';

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const q = normalizeSearchQuery((await searchParams).q);
  if (!q) return { title: 'Search', description: 'Search every story we have published.' };
  // Result pages are endless variations of one page: kept out of search engines.
  return { title: `Search: ${q}`, robots: { index: false, follow: true } };
}

/** Readers' search: published stories only, ranked, with the matched words marked. */
export default async function SearchPage({ searchParams }: Props) {
  await connection();
  const outcome = await searchPublished(await searchParams);
  const { query } = outcome;

  return (
    <div className="search-page">
      <header className="page-header">
        <p className="kicker">Search</p>
        <h1 className="page-title">{query.q ? <>Stories matching “{query.q}”</> : 'Search our reporting'}</h1>
      </header>

      <SearchForm outcome={outcome} />

      {!query.q && <SearchHint />}
      {query.q && !outcome.isSearched && (
        <p className="search-message">Type at least one word or number: “{query.q}” has nothing to look for.</p>
      )}
      {outcome.isSearched && outcome.total === 0 && <NoResults outcome={outcome} />}
      {outcome.isSearched && outcome.total > 0 && <Results outcome={outcome} />}
    </div>
  );
}

function SearchForm({ outcome }: { outcome: SearchOutcome }) {
  const { query, facets } = outcome;
  return (
    <form role="search" action="/search" method="get" className="search-form">
      <div className="search-field">
        <label htmlFor="search-q">Search</label>
        <div className="search-field-row">
          <input id="search-q" name="q" type="search" defaultValue={query.q} maxLength={QUERY_MAX_LENGTH} autoComplete="off" />
          <button type="submit">Search</button>
        </div>
      </div>
      <div className="search-filters">
        <div className="search-filter">
          <label htmlFor="search-section">Section</label>
          <select id="search-section" name="section" defaultValue={query.section?.slug ?? ''}>
            <option value="">All sections</option>
            {facets.sections.map((section) => (
              <option key={section.slug} value={section.slug}>
                {section.name}
              </option>
            ))}
          </select>
        </div>
        <div className="search-filter">
          <label htmlFor="search-entity">Mentioning</label>
          <select id="search-entity" name="entity" defaultValue={query.entity?.slug ?? ''}>
            <option value="">Anyone or anything</option>
            {facets.entities.map((entity) => (
              <option key={entity.slug} value={entity.slug}>
                {entity.name}
              </option>
            ))}
          </select>
        </div>
      </div>
    </form>
  );
}

function SearchHint() {
  return (
    <div className="search-message">
      <p>Search every story we have published, by any word or name in it.</p>
      <ul className="search-tips">
        <li>
          Put a phrase in quotes to find it as written: <code>&quot;prison deal&quot;</code>
        </li>
        <li>
          Put a minus before a word to leave out stories with it: <code>bukele -trump</code>
        </li>
        <li>
          Write <code>or</code> between two words to find either: <code>cecot or prison</code>
        </li>
      </ul>
    </div>
  );
}

function NoResults({ outcome }: { outcome: SearchOutcome }) {
  const { q, section, entity } = outcome.query;
  return (
    <div className="search-message">
      <p className="search-none">
        No stories match “{q}”
        {section && <> in {section.name}</>}
        {entity && <> mentioning {entity.name}</>}.
      </p>
      <p>Some suggestions:</p>
      <ul className="search-tips">
        <li>Check the spelling, or try another word for the same thing.</li>
        <li>Use fewer words, or more general ones.</li>
        {section && (
          <li>
            <Link href={searchHref({ q, entity: entity?.slug })}>Search all sections</Link> instead of {section.name} only.
          </li>
        )}
        {entity && (
          <li>
            <Link href={searchHref({ q, section: section?.slug })}>Search without the mention of {entity.name}</Link>.
          </li>
        )}
        <li>
          Browse the <Link href="/">latest stories</Link> or the <Link href="/entities">people, places and organizations</Link> we follow.
        </li>
      </ul>
    </div>
  );
}

function Results({ outcome }: { outcome: SearchOutcome }) {
  const { query, results, total, isTotalCapped, ranked, page, pageSize, pageCount } = outcome;
  const count = `${isTotalCapped ? 'More than ' : ''}${total.toLocaleString('en-GB')} ${total === 1 ? 'story' : 'stories'}`;
  return (
    <section aria-labelledby="results-heading" className="search-results-section">
      <h2 id="results-heading" className="rule-heading">
        {count}
      </h2>
      {(isTotalCapped || total > ranked) && (
        <p className="search-note">The most relevant of the {ranked.toLocaleString('en-GB')} newest are listed. Add a word or a filter to narrow the search.</p>
      )}
      {results.length === 0 ? (
        <p className="search-message">
          There are no more results. <Link href={searchHref({ q: query.q, section: query.section?.slug, entity: query.entity?.slug })}>Back to the first page</Link>.
        </p>
      ) : (
        <ol className="search-results" start={(page - 1) * pageSize + 1}>
          {results.map((result) => (
            <ResultItem key={result.slug} result={result} />
          ))}
        </ol>
      )}
      {pageCount > 1 && results.length > 0 && (
        <nav className="pagination" aria-label="Result pages">
          {page > 1 ? (
            <Link href={searchHref({ q: query.q, section: query.section?.slug, entity: query.entity?.slug, page: page - 1 })} rel="prev">
              ← Previous
            </Link>
          ) : (
            <span aria-hidden="true" />
          )}
          <span className="pagination-status">
            Page {page} of {pageCount}
          </span>
          {page < pageCount ? (
            <Link href={searchHref({ q: query.q, section: query.section?.slug, entity: query.entity?.slug, page: page + 1 })} rel="next">
              Next →
            </Link>
          ) : (
            <span aria-hidden="true" />
          )}
        </nav>
      )}
    </section>
  );
}

function ResultItem({ result }: { result: SearchResult }) {
  return (
    <li className="search-result">
      <p className="kicker">
        <Link href={`/sections/${result.section.slug}`}>{result.section.name}</Link>
      </p>
      <h3 className="search-result-headline">
        <Link href={`/articles/${result.slug}`}>{result.headline}</Link>
      </h3>
      {result.snippet.length > 0 ? (
        <p className="search-result-snippet">
          {/* Text and <mark> only: the snippet is data, never HTML. */}
          {result.snippet.map((part, index) => (part.isMatch ? <mark key={index}>{part.text}</mark> : <Fragment key={index}>{part.text}</Fragment>))}
        </p>
      ) : (
        result.standfirst && <p className="search-result-snippet">{result.standfirst}</p>
      )}
      <p className="teaser-meta">
        <time dateTime={result.publishedAt.toISOString()}>{formatDate(result.publishedAt)}</time>
      </p>
    </li>
  );
}
