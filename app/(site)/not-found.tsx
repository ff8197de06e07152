import Link from 'next/link';

/** A missing story, section, author or page on the public site: inside the site's own frame. */
export default function SiteNotFound() {
  return (
    <div className="standalone-page">
      <p className="standalone-kicker">404</p>
      <h1>We could not find that page</h1>
      <p>It may have moved, or it was never published. The latest stories are on the front page, or try searching.</p>
      <form action="/search" role="search" className="not-found-search">
        <label htmlFor="not-found-q">Search the site</label>
        <input id="not-found-q" name="q" type="search" />
        <button type="submit" className="button">
          Search
        </button>
      </form>
      <p>
        <Link href="/">Go to the front page</Link>
      </p>
    </div>
  );
}
