import Link from 'next/link';

export function SiteFooter({ siteName }: { siteName: string }) {
  return (
    <footer className="site-footer">
      <div className="site-footer-inner">
        <p className="site-footer-name">{siteName}</p>
        <nav aria-label="Footer">
          <ul className="site-footer-links">
            <li>
              <Link href="/">Latest news</Link>
            </li>
            <li>
              <Link href="/studio">Newsroom sign-in</Link>
            </li>
          </ul>
        </nav>
        <p className="site-footer-note">Published with Byline, the open-source newsroom CMS.</p>
      </div>
    </footer>
  );
}
