import Link from 'next/link';

export function SiteHeader({ siteName }: { siteName: string }) {
  return (
    <header className="masthead">
      <div className="masthead-inner">
        <p className="masthead-tagline">Independent reporting · every claim sourced</p>
        <Link href="/" className="masthead-title">
          {siteName}
        </Link>
        <nav aria-label="Sections" className="masthead-nav">
          <ul>
            <li>
              <Link href="/">Latest</Link>
            </li>
            <li>
              <Link href="/entities">People &amp; places</Link>
            </li>
            <li>
              <Link href="/search">Search</Link>
            </li>
          </ul>
        </nav>
      </div>
    </header>
  );
}
