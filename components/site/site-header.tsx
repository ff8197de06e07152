import Link from 'next/link';

/** The masthead: the publication's name and the way to every section. */
export function SiteHeader({ siteName, sections }: { siteName: string; sections: Array<{ slug: string; name: string }> }) {
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
            {sections.map((section) => (
              <li key={section.slug}>
                <Link href={`/sections/${section.slug}`}>{section.name}</Link>
              </li>
            ))}
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
