import type { ReactNode } from 'react';
import { SiteFooter } from '@/components/site/site-footer';
import { SiteHeader } from '@/components/site/site-header';
import { getConfig } from '@/lib/config';

export default function SiteLayout({ children }: { children: ReactNode }) {
  const { siteName } = getConfig();
  return (
    <div className="site">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <SiteHeader siteName={siteName} />
      <main id="main" className="site-main" tabIndex={-1}>
        {children}
      </main>
      <SiteFooter siteName={siteName} />
    </div>
  );
}
